using Kabinet.Web.Data;
using Kabinet.Web.Features.Enrollment.Territories;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kabinet.Web.Features.Enrollment;

/// <summary>A school's 1st-grade places for a year (null when the school has not set them) and how many children it has enrolled.</summary>
public sealed record FirstGradeIntake(int? Places, int Enrolled)
{
    public bool Full => Places is { } places && Enrolled >= places;
}

/// <summary>
/// What every submission is checked against — the school, the municipality's campaign, the school's territory and its
/// 1st-grade places — read once and kept in memory, so that on the enrollment morning a submission reads the database
/// only for the family. The pages that change them forget them on this node at once; another node sees a change within
/// <see cref="KeepFor"/>.
/// </summary>
public sealed class EnrollmentReference(KabinetDbContext db, InstitutionDirectory institutions, IMemoryCache cache)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    public Task<SchoolOfMunicipality?> SchoolAsync(int schoolId, CancellationToken ct) =>
        GetAsync(("enrollment-school", schoolId), () => institutions.SchoolAsync(schoolId, ct));

    public Task<EnrollmentCampaign?> CampaignAsync(int municipalityId, int startYear, CancellationToken ct) =>
        GetAsync(CampaignKey(municipalityId, startYear), () => db.Set<EnrollmentCampaign>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.MunicipalityId == municipalityId && c.StartYear == startYear, ct));

    /// <summary>The school's assigned territory, parsed; empty when none is assigned.</summary>
    public async Task<IReadOnlyList<TerritoryStreet>> TerritoryAsync(int schoolId, CancellationToken ct) =>
        (await GetAsync(TerritoryKey(schoolId), async () =>
        {
            var lines = await db.Set<SchoolTerritory>().AsNoTracking().Where(t => t.OrganisationId == schoolId).Select(t => t.Lines).FirstOrDefaultAsync(ct);
            return lines is null ? [] : TerritoryRules.Parse(lines).Streets;
        }))!;

    public async Task<FirstGradeIntake> FirstGradeIntakeAsync(int schoolId, int startYear, CancellationToken ct) =>
        (await GetAsync(IntakeKey(schoolId, startYear), () => CurrentFirstGradeIntakeAsync(schoolId, startYear, ct)))!;

    /// <summary>The places and enrolments as they are in the database now (for the school's own page).</summary>
    public async Task<FirstGradeIntake> CurrentFirstGradeIntakeAsync(int schoolId, int startYear, CancellationToken ct)
    {
        var places = await db.Set<SchoolIntake>().AsNoTracking().Where(i => i.OrganisationId == schoolId && i.StartYear == startYear)
            .Select(i => (int?)i.FirstGradePlaces).FirstOrDefaultAsync(ct);
        var enrolled = await db.Set<SchoolApplication>().CountAsync(a => a.SchoolId == schoolId && a.SchoolYear == startYear
            && a.Kind == SchoolApplicationKind.FirstGrade && a.Status == SchoolApplicationStatus.Enrolled, ct);
        return new FirstGradeIntake(places, enrolled);
    }

    public void ForgetCampaign(int municipalityId, int startYear) => cache.Remove(CampaignKey(municipalityId, startYear));

    public void ForgetTerritory(int schoolId) => cache.Remove(TerritoryKey(schoolId));

    /// <summary>After the places were set or a child was enrolled (or an enrolment was undone).</summary>
    public void ForgetIntake(int schoolId, int startYear) => cache.Remove(IntakeKey(schoolId, startYear));

    private static (string, int, int) CampaignKey(int municipalityId, int startYear) => ("enrollment-campaign", municipalityId, startYear);

    private static (string, int) TerritoryKey(int schoolId) => ("enrollment-territory", schoolId);

    private static (string, int, int) IntakeKey(int schoolId, int startYear) => ("enrollment-intake", schoolId, startYear);

    private Task<T?> GetAsync<T>(object key, Func<Task<T>> load) =>
        cache.GetOrCreateAsync(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
            return load();
        });
}
