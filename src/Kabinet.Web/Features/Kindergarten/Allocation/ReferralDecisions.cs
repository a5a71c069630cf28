using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Allocation;

/// <summary>An open referral with the names to show.</summary>
public sealed record ReferralView(Referral Referral, string Kindergarten, string Group, string AgeBand);

/// <summary>
/// The answers to a referral: the family agrees or refuses, the kindergarten enrolls the child. Each works in
/// the caller's unit of work (the caller saves); the referral and the application carry concurrency tokens.
/// </summary>
public sealed class ReferralDecisions(KabinetDbContext db, InstitutionDirectory institutions, ApplicationStatusService statuses, TimeProvider time)
{
    /// <summary>The referral that holds a place for the application now, if any.</summary>
    public Task<Referral?> OpenOfAsync(int applicationId, CancellationToken ct) =>
        db.Referrals.Where(r => r.ApplicationId == applicationId && (r.Status == ReferralStatus.Issued || r.Status == ReferralStatus.Accepted))
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    public async Task<ReferralView?> ViewAsync(Referral? referral, CancellationToken ct)
    {
        if (referral is null)
            return null;
        var (names, _) = await institutions.NamesAsync([referral.OrganisationId], [], ct);
        var group = (await institutions.KindergartenGroupsAsync([referral.OrganisationId], ct)).FirstOrDefault(g => g.GroupId == referral.KindergartenGroupId);
        return new ReferralView(referral, names.GetValueOrDefault(referral.OrganisationId, ""), group?.Name ?? "", group?.AgeBandTitle ?? "");
    }

    /// <summary>The family agrees: the application stays «Направлен» until the kindergarten enrolls the child.</summary>
    public bool Accept(QueueApplication application, Referral referral, int? byAccountId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (application.Status != ApplicationStatus.Referred || !referral.TryDecide(ReferralStatus.Accepted, now))
            return false;
        application.History.Add(new StatusChange
        {
            ApplicationId = application.Id, From = application.Status, To = application.Status, At = now, ByAccountId = byAccountId,
            Comment = "Семья согласилась с направлением. Детский сад пригласит для заключения договора.",
        });
        application.Touch(now);
        return true;
    }

    /// <summary>The family refuses: the place goes back to the pool, the child stays in the queue as «Желает изменить ДОУ».</summary>
    public async Task<bool> DeclineAsync(QueueApplication application, Referral referral, int? byAccountId, CancellationToken ct)
    {
        if (application.Status != ApplicationStatus.Referred || !referral.TryDecide(ReferralStatus.Declined, time.GetUtcNow().UtcDateTime))
            return false;
        return await statuses.MoveAsync(application, ApplicationStatus.WantsChange, byAccountId,
            "Семья отказалась от направления. Ребёнок остаётся в очереди; этот сад ему больше не предлагается — при желании измените заявление.", ct);
    }

    /// <summary>The kindergarten enrolls the child: the referral is fulfilled and the child is placed in its group.</summary>
    public async Task<bool> EnrollAsync(QueueApplication application, Referral referral, int? byAccountId, string? comment, CancellationToken ct)
    {
        if (application.Status != ApplicationStatus.Referred || !referral.TryDecide(ReferralStatus.Enrolled, time.GetUtcNow().UtcDateTime))
            return false;
        await institutions.PlaceChildAsync(referral.KindergartenGroupId, application.ChildPersonId, time.Today(), ct);
        return await statuses.MoveAsync(application, ApplicationStatus.Enrolled, byAccountId, comment, ct);
    }
}
