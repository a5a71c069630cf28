using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>
/// Closing study periods: once a period is closed its marks, attendance, comments and period marks no longer change
/// in the journal; the administrator may reopen it (both are logged). Number 0 closes the year marks.
/// </summary>
public sealed class PeriodsModel(KabinetDbContext db, InstitutionDirectory institutions, TimeProvider time, ILogger<PeriodsModel> logger)
    : SchoolAdminPage(institutions, time)
{
    private readonly TimeProvider _time = time;

    public IReadOnlyList<ClosedPeriod> Closed { get; private set; } = [];

    /// <summary>The year's periods and the year marks (number 0).</summary>
    public IReadOnlyList<(int Number, string Title, DateOnly? From, DateOnly? To)> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct) => await LoadAsync(organisationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(int organisationId, int number, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct) || Periods.All(p => p.Number != number))
            return NotFound();
        var title = Periods.First(p => p.Number == number).Title;
        if (Closed.All(c => c.PeriodNumber != number))
        {
            db.ClosedPeriods.Add(new ClosedPeriod
            {
                OrganisationId = organisationId, AcademicYearId = Year!.Id, PeriodNumber = number, ClosedAt = _time.GetUtcNow().UtcDateTime,
                ClosedByAccountId = KabinetClaims.AccountIdOf(User),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Closed at the same moment by another administrator: it is closed either way.
            }

            logger.LogInformation("Account {AccountId} closed period {Number} of academic year {YearId}", KabinetClaims.AccountIdOf(User), number, Year.Id);
        }

        TempData["Status"] = $"«{title}» закрыт(а): отметки за этот период больше не меняются.";
        return Redirect($"{Base}/periods");
    }

    public async Task<IActionResult> OnPostReopenAsync(int organisationId, int number, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct) || Periods.All(p => p.Number != number))
            return NotFound();
        var deleted = await db.ClosedPeriods.Where(c => c.AcademicYearId == Year!.Id && c.PeriodNumber == number).ExecuteDeleteAsync(ct);
        if (deleted > 0)
            logger.LogInformation("Account {AccountId} reopened period {Number} of academic year {YearId}", KabinetClaims.AccountIdOf(User), number, Year!.Id);
        TempData["Status"] = $"«{Periods.First(p => p.Number == number).Title}» снова открыт(а) для исправлений.";
        return Redirect($"{Base}/periods");
    }

    private async Task<bool> LoadAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return false;
        if (Year is { } year)
        {
            Periods = [.. year.Terms.Select(t => (t.Number, t.Title, (DateOnly?)t.StartsOn, (DateOnly?)t.EndsOn)), (PeriodMark.Year, "Годовые отметки", null, null)];
            Closed = await db.ClosedPeriods.AsNoTracking().Where(c => c.AcademicYearId == year.Id).ToListAsync(ct);
        }

        return true;
    }
}
