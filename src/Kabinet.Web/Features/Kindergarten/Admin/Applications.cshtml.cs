using System.Linq.Expressions;
using Kabinet.Web.Common.Paging;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Admin;

public sealed record OperatorRow(int Id, string Child, DateOnly BirthDate, ApplicationStatus Status, DateTime RegisteredAt, DateTime StatusChangedAt,
    BenefitKind Benefit, BenefitStatus BenefitStatus, string Municipality, bool Overdue);

/// <summary>
/// The operator's list of applications: filters by status, kindergarten, benefit waiting for a check and overdue
/// review; search by number or the child's surname. Applications not reviewed within the processing time are marked.
/// </summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class ApplicationsModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, TimeProvider time) : PageModel
{

    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")]
    public ApplicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool OnlyOverdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "benefit")]
    public bool OnlyBenefitToCheck { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<OperatorRow> Rows { get; private set; } = new([], 1, PageSize, 0);

    public int OverdueCount { get; private set; }

    /// <summary>Exchanges of places confirmed by every family and waiting for the operator.</summary>
    public int ExchangesAwaiting { get; private set; }

    /// <summary>«7» when one review period applies to everything shown, otherwise words.</summary>
    public string ReviewDays { get; private set; } = "";

    /// <summary>Not reviewed (Новое, Принято к рассмотрению) longer than the municipality's review days: one condition per distinct period.</summary>
    private static Expression<Func<QueueApplication, bool>> Overdue(IReadOnlyDictionary<int, int> reviewDays, DateTime now)
    {
        var a = Expression.Parameter(typeof(QueueApplication), "a");
        var status = Expression.Property(a, nameof(QueueApplication.Status));
        var registered = Expression.Property(a, nameof(QueueApplication.RegisteredAt));
        var municipality = Expression.Property(a, nameof(QueueApplication.MunicipalityId));
        Expression Before(int days) => Expression.LessThan(registered, Expression.Constant(now.AddDays(-days)));
        Expression In(List<int> ids) => Expression.Call(Expression.Constant(ids), typeof(List<int>).GetMethod(nameof(List<int>.Contains))!, municipality);

        var custom = reviewDays.Where(d => d.Value != Allocation.MunicipalQueueSettings.DefaultReviewDays).GroupBy(d => d.Value).ToList();
        var customIds = custom.SelectMany(g => g.Select(d => d.Key)).ToList();
        Expression late = Expression.AndAlso(Expression.Not(In(customIds)), Before(Allocation.MunicipalQueueSettings.DefaultReviewDays));
        foreach (var period in custom)
            late = Expression.OrElse(late, Expression.AndAlso(In([.. period.Select(d => d.Key)]), Before(period.Key)));
        var waiting = Expression.OrElse(
            Expression.Equal(status, Expression.Constant(ApplicationStatus.New)),
            Expression.Equal(status, Expression.Constant(ApplicationStatus.UnderReview)));
        return Expression.Lambda<Func<QueueApplication, bool>>(Expression.AndAlso(waiting, late), a);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var scoped = AdminScope.Applications(db, User).AsNoTracking();
        // Each municipality sets how long review may take (7 days unless changed); applications past it are overdue.
        var reviewDays = await db.MunicipalQueueSettings.AsNoTracking().ToDictionaryAsync(s => s.MunicipalityId, s => s.ReviewDays, ct);
        var overdue = Overdue(reviewDays, now);
        OverdueCount = await scoped.CountAsync(overdue, ct);
        var scope = AdminScope.MunicipalitiesOf(User);
        ExchangesAwaiting = await db.PlaceExchanges.CountAsync(e => e.Status == Exchange.ExchangeStatus.AwaitingOperator
            && (scope == null || scope.Contains(e.MunicipalityId)), ct);
        ReviewDays = reviewDays.Values.Distinct().Count() switch
        {
            0 => Allocation.MunicipalQueueSettings.DefaultReviewDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ when AdminScope.MunicipalitiesOf(User) is { Count: 1 } one => reviewDays.GetValueOrDefault(one.First(), Allocation.MunicipalQueueSettings.DefaultReviewDays).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "установленного срока",
        };

        var query = scoped;
        if (Status is { } status)
            query = query.Where(a => a.Status == status);
        if (OnlyOverdue)
            query = query.Where(overdue);
        if (OnlyBenefitToCheck)
            query = query.Where(a => a.BenefitStatus == BenefitStatus.Claimed && a.Status != ApplicationStatus.Archived && a.Status != ApplicationStatus.Refused);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            if (int.TryParse(text.TrimStart('№', ' '), out var number))
                query = query.Where(a => a.Id == number);
            else
            {
                var people = await families.FindBySurnameAsync(text, 500, ct);
                query = query.Where(a => people.Contains(a.ChildPersonId));
            }
        }

        var total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var page = await query.OrderBy(a => a.RegisteredAt).ThenBy(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = await families.NamesAsync(page.Select(a => a.ChildPersonId), ct);
        var (_, municipalities) = await institutions.NamesAsync([], page.Select(a => a.MunicipalityId), ct);
        Rows = new Page<OperatorRow>([.. page.Select(a => new OperatorRow(a.Id, names.GetValueOrDefault(a.ChildPersonId, ""), a.ChildBirthDate, a.Status, a.RegisteredAt,
            a.StatusChangedAt, a.Benefit, a.BenefitStatus, municipalities.GetValueOrDefault(a.MunicipalityId, ""),
            a.Status is ApplicationStatus.New or ApplicationStatus.UnderReview
                && a.RegisteredAt < now.AddDays(-reviewDays.GetValueOrDefault(a.MunicipalityId, Allocation.MunicipalQueueSettings.DefaultReviewDays))))], PageNumber, PageSize, total);
        return Page();
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString(), ["q"] = Query, ["overdue"] = OnlyOverdue ? "true" : null, ["benefit"] = OnlyBenefitToCheck ? "true" : null,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToString();
}
