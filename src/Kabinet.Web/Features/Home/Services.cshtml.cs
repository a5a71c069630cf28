using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Home;

/// <summary>
/// «Услуги»: where a signed-in person starts. A parent sees the children and where they study; without a
/// child the services have nothing to show, so the page says so and offers «Добавить ребёнка». Staff see
/// their work screens.
/// </summary>
public sealed class ServicesModel(FamilyDirectory families, InstitutionDirectory institutions, DiaryDirectory diary) : PageModel
{
    /// <summary>The diary of each child (or of the student themself) who is in a class now.</summary>
    public IReadOnlyList<DiaryToday> Diary { get; private set; } = [];

    public IReadOnlyList<PersonSummary> Children { get; private set; } = [];

    public IReadOnlyList<StudyPlace> Places { get; private set; } = [];

    public bool IsParent => User.IsInRole(nameof(PortalRole.Parent));

    /// <summary>The organisations this person administers, with their kind: the work links depend on it.</summary>
    public IReadOnlyList<(int Id, string Name, OrganisationKind Kind)> AdministeredOrganisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Children = await families.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct);
        Places = await institutions.PlacesOfAsync([.. Children.Select(c => c.Id)], ct);
        if (User.IsInRole(nameof(PortalRole.Parent)) || User.IsInRole(nameof(PortalRole.Student)))
            Diary = await diary.TodayAsync(User, ct);
        var administered = new List<(int, string, OrganisationKind)>();
        foreach (var id in KabinetClaims.OrganisationsOf(User, PortalRole.OrganisationAdmin))
        {
            if (await institutions.OrganisationAsync(id, ct) is { } organisation)
                administered.Add((id, organisation.Name, organisation.Kind));
        }

        AdministeredOrganisations = administered;
    }
}
