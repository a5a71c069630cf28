using Kabinet.Web.Common.Applications;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Applications.List;

/// <summary>
/// «Заявления»: every application and complaint of the account, from every module that takes them; active ones
/// first, then finished, newest first within each; filtered by type and by child.
/// </summary>
[Authorize]
public sealed class IndexModel(IEnumerable<IApplicationSource> sources) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "child")]
    public string? Child { get; set; }

    public IReadOnlyList<ApplicationListItem> Items { get; private set; } = [];

    /// <summary>The types and children the account has applications of: the filters offer only these.</summary>
    public IReadOnlyList<string> Types { get; private set; } = [];

    public IReadOnlyList<string> Children { get; private set; } = [];

    /// <summary>The account has applications at all (the filters may still leave none).</summary>
    public bool HasAny { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(User);
        var personId = KabinetClaims.PersonIdOf(User);
        var all = new List<ApplicationListItem>();
        // One after another: the sources share the request's DbContext, which does not take parallel queries.
        foreach (var source in sources)
            all.AddRange(await source.OfAccountAsync(accountId, personId, ct));

        HasAny = all.Count > 0;
        Types = [.. all.Select(a => a.TypeTitle).Distinct().Order(StringComparer.CurrentCulture)];
        Children = [.. all.Select(a => a.ChildName).OfType<string>().Distinct().Order(StringComparer.CurrentCulture)];
        Items = [.. all
            .Where(a => string.IsNullOrEmpty(Type) || a.TypeTitle == Type)
            .Where(a => string.IsNullOrEmpty(Child) || a.ChildName == Child)
            .OrderBy(a => a.IsFinished).ThenByDescending(a => a.SubmittedAt)];
    }
}
