using System.Security.Claims;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Features.Applications.Staff;

/// <summary>A complaint in a staff list: overdue ones (unanswered past the deadline) are highlighted.</summary>
public sealed record ComplaintRow(int Id, string Number, string Organisation, string ChildName, string? ClassName, ComplaintStatus Status, DateTime CreatedAt, bool Overdue);

/// <summary>
/// The complaints staff work with: an organisation's administrators those about their organisation, a municipal
/// operator their municipality's, a regional administrator all. Taking into work and answering tell the author.
/// </summary>
/// <summary>A complaint as its page shows it: with the organisation's name and who made each step of its history.</summary>
public sealed record ComplaintView(Complaint Complaint, string Organisation, string Municipality, IReadOnlyDictionary<int, string> People, bool Overdue);

public sealed class ComplaintDesk(KabinetDbContext db, InstitutionDirectory institutions, AccountDirectory accounts, FamilyDirectory families,
    NotificationCentre notifications, IOptions<ComplaintOptions> options, TimeProvider time)
{
    public const string OrganisationRoles = $"{nameof(PortalRole.OrganisationAdmin)},{nameof(PortalRole.RegionalAdmin)}";
    public const string OperatorRoles = $"{nameof(PortalRole.MunicipalOperator)},{nameof(PortalRole.RegionalAdmin)}";

    public int AnswerDays => options.Value.ComplaintAnswerDays;

    /// <summary>Complaints about the organisation, or null when the user does not administer it (the page answers 404).</summary>
    public IQueryable<Complaint>? OfOrganisation(ClaimsPrincipal user, int organisationId) =>
        user.IsInRole(nameof(PortalRole.RegionalAdmin)) || KabinetClaims.OrganisationsOf(user, PortalRole.OrganisationAdmin).Contains(organisationId)
            ? db.Complaints.Where(c => c.OrganisationId == organisationId)
            : null;

    /// <summary>The operator's municipalities' complaints; all for a regional administrator.</summary>
    public IQueryable<Complaint> OfOperator(ClaimsPrincipal user)
    {
        if (user.IsInRole(nameof(PortalRole.RegionalAdmin)))
            return db.Complaints;
        var mine = KabinetClaims.MunicipalitiesOf(user, PortalRole.MunicipalOperator);
        return db.Complaints.Where(c => mine.Contains(c.MunicipalityId));
    }

    /// <summary>Unanswered complaints filed before this moment are overdue.</summary>
    public DateTime OverdueBefore => time.GetUtcNow().UtcDateTime.AddDays(-AnswerDays);

    /// <summary>The list: overdue first, then those awaiting an answer, then the rest; newest first within each (at most 500).</summary>
    public async Task<IReadOnlyList<ComplaintRow>> ListAsync(IQueryable<Complaint> complaints, bool onlyOverdue, CancellationToken ct)
    {
        var deadline = OverdueBefore;
        var query = complaints.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.OrganisationId, c.ChildName, c.ClassName, c.Status, c.CreatedAt,
                Awaits = c.Status == ComplaintStatus.Submitted || c.Status == ComplaintStatus.InProgress,
            })
            .Select(c => new { c.Id, c.OrganisationId, c.ChildName, c.ClassName, c.Status, c.CreatedAt, c.Awaits, Overdue = c.Awaits && c.CreatedAt < deadline });
        if (onlyOverdue)
            query = query.Where(c => c.Overdue);
        var rows = await query
            .OrderByDescending(c => c.Overdue).ThenByDescending(c => c.Awaits).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(500)
            .ToListAsync(ct);
        var (organisations, _) = await institutions.NamesAsync(rows.Select(r => r.OrganisationId), [], ct);
        return [.. rows.Select(r => new ComplaintRow(r.Id, Complaint.FormatNumber(r.Id), organisations.GetValueOrDefault(r.OrganisationId, ""), r.ChildName, r.ClassName, r.Status, r.CreatedAt, r.Overdue))];
    }

    /// <summary>One complaint with its history, from a scope (the author's own, an organisation's, a municipality's), or null.</summary>
    public Task<Complaint?> FindAsync(IQueryable<Complaint> scope, int id, bool tracked, CancellationToken ct)
    {
        var query = scope.Where(c => c.Id == id).Include(c => c.History);
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    public async Task<ComplaintView> DescribeAsync(Complaint complaint, CancellationToken ct)
    {
        var (organisations, municipalities) = await institutions.NamesAsync([complaint.OrganisationId], [complaint.MunicipalityId], ct);
        var personOf = await accounts.PersonIdsAsync(complaint.History.Select(h => h.ByAccountId), ct);
        var names = await families.NamesAsync(personOf.Values, ct);
        var people = personOf.Where(p => names.ContainsKey(p.Value)).ToDictionary(p => p.Key, p => names[p.Value]);
        return new ComplaintView(complaint, organisations.GetValueOrDefault(complaint.OrganisationId, ""), municipalities.GetValueOrDefault(complaint.MunicipalityId, ""), people, IsOverdue(complaint));
    }

    public bool IsOverdue(Complaint complaint) => complaint.Status.AwaitsAnswer() && complaint.CreatedAt < OverdueBefore;

    /// <summary>Moves the complaint (staff: take into work, answer; the author: withdraw, close), tells the author when staff acted, saves. False when that step is not possible now (someone was faster).</summary>
    public async Task<bool> MoveAsync(Complaint complaint, ComplaintStatus to, int byAccountId, string? answer, CancellationToken ct)
    {
        if (!complaint.TryMove(to, byAccountId, answer, time.GetUtcNow().UtcDateTime))
            return false;
        var (title, text) = to switch
        {
            ComplaintStatus.InProgress => ($"Жалоба {complaint.Number} взята в работу", "Вашу жалобу «Не выдали логин и пароль» рассматривают. Ответ придёт сюда же."),
            ComplaintStatus.Answered => ($"Ответ на жалобу {complaint.Number}", answer!),
            _ => ($"Жалоба {complaint.Number}: {to.Title().ToLowerInvariant()}", $"Новый статус жалобы: «{to.Title()}»."),
        };
        if (byAccountId != complaint.AuthorAccountId)
            await notifications.NotifyAsync(complaint.AuthorAccountId, NotificationKinds.Complaint, title, text, $"/applications/complaints/{complaint.Id}", ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
