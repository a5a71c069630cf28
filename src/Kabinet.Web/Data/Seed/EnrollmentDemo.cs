using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Enrollment;
using Kabinet.Web.Features.Enrollment.Submit;
using Kabinet.Web.Features.Enrollment.Territories;
using Kabinet.Web.Features.Institutions;

namespace Kabinet.Web.Data.Seed;

/// <summary>
/// School enrollment: campaigns for this and next school year in every municipality, a few territory lines and the
/// first-grade places of every school (deterministic). The demo family's first-grader is the generator's (DemoCast.FirstGraderPersonId).
/// </summary>
internal static class EnrollmentDemo
{
    /// <summary>The demo gymnasium's territory: the demo family lives at ул. Весенняя, 10.</summary>
    public const string GymnasiumTerritory = "ул. Весенняя: 1–45, 2–60, 71а\nпр. Советский: все\nул. Кирова: 12/1";

    public static async Task AddAsync(KabinetDbContext db, GeneratedRegion region, TimeProvider time, CancellationToken ct)
    {
        var today = time.Today();
        var year = EnrollmentSubmissions.QueueYear(today);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var municipality in region.Municipalities)
        {
            db.EnrollmentCampaigns.Add(EnrollmentCampaign.WithDefaults(municipality.Id, year));
            db.EnrollmentCampaigns.Add(EnrollmentCampaign.WithDefaults(municipality.Id, year + 1));
        }

        var streets = KuzbassReference.Streets;
        foreach (var school in region.Organisations.Where(o => o.Kind == OrganisationKind.School))
        {
            var lines = school.Id == region.Cast.GymnasiumId ? GymnasiumTerritory
                : $"{streets[school.Id % streets.Length]}: 1–99, 2–100\n{streets[(school.Id * 7 + 3) % streets.Length]}: все";
            db.SchoolTerritories.Add(new SchoolTerritory { OrganisationId = school.Id, MunicipalityId = school.MunicipalityId, Lines = lines, UpdatedAt = now });
            db.SchoolIntakes.Add(new SchoolIntake { OrganisationId = school.Id, StartYear = year + 1, FirstGradePlaces = 25 * (2 + (school.Id % 3)) });
        }

        await db.SaveChangesAsync(ct);
    }
}
