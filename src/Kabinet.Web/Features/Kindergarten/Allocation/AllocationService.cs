using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Allocation;

/// <summary>An allocation computed from the database: the engine's result with what the page needs to show it.</summary>
public sealed record AllocationPreview(
    int MunicipalityId, int AdmissionYear, AllocationResult Result,
    IReadOnlyDictionary<int, KindergartenGroupPlaces> Groups, IReadOnlyDictionary<int, int> FreeByGroup, IReadOnlyDictionary<int, int> ChildOf);

public enum ConfirmOutcome
{
    Confirmed,

    /// <summary>The result differs from the preview the operator saw (someone confirmed first, or the queue or places changed).</summary>
    Changed,

    /// <summary>Nobody gets a place: there is nothing to confirm.</summary>
    Nothing,
}

public sealed record ConfirmResult(ConfirmOutcome Outcome, int Referrals = 0, int? RunId = null);

/// <summary>Loads a municipality's queue and free places for the engine, and confirms a preview into referrals atomically.</summary>
public sealed class AllocationService(KabinetDbContext db, InstitutionDirectory institutions, ApplicationStatusService statuses, TimeProvider time)
{
    /// <summary>The admission years that have children in the municipality's queue.</summary>
    public Task<List<int>> YearsInQueueAsync(int municipalityId, CancellationToken ct) =>
        db.QueueApplications.AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId && (a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.WantsChange))
            .Select(a => a.AdmissionYear).Distinct().OrderBy(y => y).ToListAsync(ct);

    public async Task<AllocationPreview> PreviewAsync(int municipalityId, int admissionYear, CancellationToken ct)
    {
        var groups = await institutions.KindergartenGroupsInAsync(municipalityId, ct);
        var referred = await db.Referrals.AsNoTracking()
            .Where(r => r.MunicipalityId == municipalityId && (r.Status == ReferralStatus.Issued || r.Status == ReferralStatus.Accepted))
            .GroupBy(r => r.KindergartenGroupId)
            .Select(g => new { GroupId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.GroupId, x => x.Count, ct);
        var free = groups.ToDictionary(g => g.GroupId, g => Math.Max(0, g.Capacity - g.Placed - referred.GetValueOrDefault(g.GroupId)));

        var applications = await db.QueueApplications.AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId && a.AdmissionYear == admissionYear
                && (a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.WantsChange))
            .Select(a => new { a.Id, a.ChildPersonId, a.RegisteredAt, a.ChildBirthDate, a.Focus, a.Mode, a.Benefit, a.BenefitStatus })
            .ToListAsync(ct);
        var choices = (await (
                from c in db.ApplicationChoices.AsNoTracking()
                join a in db.QueueApplications on c.ApplicationId equals a.Id
                where a.MunicipalityId == municipalityId && a.AdmissionYear == admissionYear
                    && (a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.WantsChange)
                select new { c.ApplicationId, c.OrganisationId, c.Priority, c.SiblingAttends })
            .ToListAsync(ct))
            .ToLookup(c => c.ApplicationId);
        // A kindergarten whose referral the family declined is not offered to that child again.
        var declined = (await db.Referrals.AsNoTracking()
                .Where(r => r.MunicipalityId == municipalityId && r.Status == ReferralStatus.Declined)
                .Select(r => new { r.ApplicationId, r.OrganisationId })
                .ToListAsync(ct))
            .Select(r => (r.ApplicationId, r.OrganisationId)).ToHashSet();

        var september = new DateOnly(admissionYear, 9, 1);
        var children = applications.Select(a =>
        {
            var confirmed = a.BenefitStatus == BenefitStatus.Confirmed;
            var chosen = choices[a.Id]
                .Where(c => !declined.Contains((a.Id, c.OrganisationId)))
                .Select(c => new AllocationChoice(c.OrganisationId, c.Priority, QueueOrder.Rank(a.Benefit, confirmed, c.SiblingAttends)))
                .ToList();
            return new AllocationChild(a.Id, a.RegisteredAt, AllocationEngine.AgeInMonths(a.ChildBirthDate, september), a.Focus, a.Mode, chosen);
        }).ToList();
        var engineGroups = groups.Select(g => new AllocationGroup(g.GroupId, g.OrganisationId, g.AgeFromMonths, g.AgeToMonths, g.Focus, g.Mode, free[g.GroupId])).ToList();

        var result = AllocationEngine.Allocate(children, engineGroups);
        return new AllocationPreview(municipalityId, admissionYear, result, groups.ToDictionary(g => g.GroupId), free, applications.ToDictionary(a => a.Id, a => a.ChildPersonId));
    }

    /// <summary>
    /// Re-runs the allocation inside one transaction, serialised per municipality, and — only when the result is
    /// the one the operator saw — issues the referrals, moves the applications to «Направлен» with history and
    /// notifies the families. Either everything is saved or nothing.
    /// </summary>
    public async Task<ConfirmResult> ConfirmAsync(int municipalityId, int admissionYear, string expectedHash, int? byAccountId, CancellationToken ct)
    {
        try
        {
            var result = await IssueAsync(municipalityId, admissionYear, expectedHash, byAccountId, ct);
            if (result.Outcome != ConfirmOutcome.Confirmed)
                db.ChangeTracker.Clear();
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            // An application changed under the run (a family withdrew it at that moment): nothing was saved.
            db.ChangeTracker.Clear();
            return new ConfirmResult(ConfirmOutcome.Changed);
        }
    }

    private async Task<ConfirmResult> IssueAsync(int municipalityId, int admissionYear, string expectedHash, int? byAccountId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync($"allocation:{municipalityId}", ct);
        var preview = await PreviewAsync(municipalityId, admissionYear, ct);
        if (!string.Equals(preview.Result.Hash, expectedHash, StringComparison.Ordinal))
            return new ConfirmResult(ConfirmOutcome.Changed);
        if (preview.Result.Placements.Count == 0)
            return new ConfirmResult(ConfirmOutcome.Nothing);

        var now = time.GetUtcNow().UtcDateTime;
        var settings = await SettingsAsync(db, municipalityId, ct);
        var validUntil = RegionTime.ToUtc(RegionTime.ToLocal(now).Date.AddDays(settings.ReferralValidDays + 1)).AddTicks(-1); // to the end of the last day
        var run = new AllocationRun
        {
            MunicipalityId = municipalityId, AdmissionYear = admissionYear, ConfirmedAt = now, ByAccountId = byAccountId,
            ResultHash = preview.Result.Hash, Referrals = preview.Result.Placements.Count,
            Kind = settings.MainAllocation.Contains(time.Today()) ? AllocationKind.Main : AllocationKind.TopUp,
        };
        db.AllocationRuns.Add(run);
        await db.SaveChangesAsync(ct);

        var (names, _) = await institutions.NamesAsync(preview.Result.Placements.Select(p => p.OrganisationId), [], ct);
        foreach (var chunk in preview.Result.Placements.Chunk(1000))
        {
            var ids = chunk.Select(p => p.ApplicationId).ToList();
            var applications = await db.QueueApplications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var moves = new List<(QueueApplication, ApplicationStatus, string?)>();
            foreach (var placement in chunk)
            {
                var application = applications[placement.ApplicationId];
                var group = preview.Groups[placement.GroupId];
                db.Referrals.Add(new Referral
                {
                    ApplicationId = application.Id, MunicipalityId = municipalityId, OrganisationId = placement.OrganisationId,
                    KindergartenGroupId = placement.GroupId, AllocationRunId = run.Id, IssuedAt = now, ValidUntil = validUntil,
                });
                var comment = $"Направление в «{names.GetValueOrDefault(placement.OrganisationId)}», группа «{group.Name}» ({group.AgeBandTitle}). "
                    + $"Ответьте до {RegionTime.ToLocal(validUntil):dd.MM.yyyy} включительно: согласие или отказ — в заявлении на портале.";
                moves.Add((application, ApplicationStatus.Referred, comment));
            }

            if (await statuses.MoveManyAsync(moves, byAccountId, ct) != moves.Count)
                return new ConfirmResult(ConfirmOutcome.Changed);

            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new ConfirmResult(ConfirmOutcome.Confirmed, preview.Result.Placements.Count, run.Id);
    }

    /// <summary>The latest confirmed runs of a municipality, newest first.</summary>
    public Task<List<AllocationRun>> RecentRunsAsync(int municipalityId, int count, CancellationToken ct) =>
        db.AllocationRuns.AsNoTracking().Where(r => r.MunicipalityId == municipalityId).OrderByDescending(r => r.ConfirmedAt).Take(count).ToListAsync(ct);

    public Task<MunicipalQueueSettings> SettingsAsync(int municipalityId, CancellationToken ct) => SettingsAsync(db, municipalityId, ct);

    public static async Task<MunicipalQueueSettings> SettingsAsync(KabinetDbContext db, int municipalityId, CancellationToken ct) =>
        await db.MunicipalQueueSettings.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct)
        ?? MunicipalQueueSettings.DefaultsFor(municipalityId);
}
