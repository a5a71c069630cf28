using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Institutions.Profile;

public sealed record OrganisationDetails(
    int Id,
    string ShortName,
    string FullName,
    OrganisationKind Kind,
    int MunicipalityId,
    string MunicipalityName,
    string Address,
    double Latitude,
    double Longitude,
    string? Phone,
    string? Email,
    string? Website,
    string? HeadPosition,
    string? HeadName,
    AcademicYearInfo? CurrentYear,
    IReadOnlyList<ClassInfo> Classes,
    IReadOnlyList<KindergartenGroupInfo> KindergartenGroups);

public sealed record AcademicYearInfo(string Title, DateOnly StartsOn, DateOnly EndsOn, StudyPeriodKind PeriodKind, IReadOnlyList<PeriodInfo> Periods);

public sealed record PeriodInfo(int Number, string Title, DateOnly StartsOn, DateOnly EndsOn);

public sealed record ClassInfo(int Id, string Name, int Grade, string? Speciality, int Students);

public sealed record KindergartenGroupInfo(int Id, string Name, string AgeBand, GroupFocus Focus, DailyMode Mode, int Capacity, int Enrolled)
{
    public int FreePlaces => Math.Max(0, Capacity - Enrolled);
}

/// <summary>An organisation's public card: contacts, head, the current academic year with its classes, or the kindergarten's groups.</summary>
public sealed class OrganisationProfile(KabinetDbContext db, TimeProvider time)
{
    public async Task<OrganisationDetails?> HandleAsync(int id, CancellationToken ct)
    {
        var o = await db.Organisations.AsNoTracking().Include(x => x.Municipality).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null)
            return null;

        AcademicYearInfo? year = null;
        List<ClassInfo> classes = [];
        List<KindergartenGroupInfo> groups = [];

        if (o.HasAcademicYears)
        {
            var currentStartYear = AcademicCalendar.StartYearOf(time.Today());
            var academicYear = await db.AcademicYears.AsNoTracking().Include(y => y.Periods)
                .Where(y => y.OrganisationId == id && y.StartYear <= currentStartYear)
                .OrderByDescending(y => y.StartYear)
                .FirstOrDefaultAsync(ct);
            if (academicYear is not null)
            {
                year = new AcademicYearInfo(academicYear.Title, academicYear.StartsOn, academicYear.EndsOn, academicYear.PeriodKind,
                    [.. academicYear.Periods.OrderBy(p => p.Number).Select(p => new PeriodInfo(p.Number, p.Title, p.StartsOn, p.EndsOn))]);
                classes = await db.ClassGroups.AsNoTracking()
                    .Where(c => c.AcademicYearId == academicYear.Id)
                    .OrderBy(c => c.Grade).ThenBy(c => c.Name)
                    .Select(c => new ClassInfo(c.Id, c.Name, c.Grade, c.Speciality, db.ClassMemberships.Count(m => m.ClassGroupId == c.Id)))
                    .ToListAsync(ct);
            }
        }
        else if (o.Kind == OrganisationKind.Kindergarten)
        {
            var rows = await db.KindergartenGroups.AsNoTracking()
                .Where(g => g.OrganisationId == id)
                .OrderBy(g => g.AgeFromMonths).ThenBy(g => g.Name)
                .Select(g => new { Group = g, Enrolled = db.KindergartenPlacements.Count(p => p.KindergartenGroupId == g.Id) })
                .ToListAsync(ct);
            groups = [.. rows.Select(r => new KindergartenGroupInfo(r.Group.Id, r.Group.Name, r.Group.AgeBandTitle, r.Group.Focus, r.Group.Mode, r.Group.Capacity, r.Enrolled))];
        }

        return new OrganisationDetails(o.Id, o.ShortName, o.FullName, o.Kind, o.MunicipalityId, o.Municipality!.Name, o.Address,
            o.Latitude, o.Longitude, o.Phone, o.Email, o.Website, o.HeadPosition, o.HeadName, year, classes, groups);
    }

    public static void MapEndpoint(RouteGroupBuilder api) =>
        api.MapGet("/organisations/{id:int}", async Task<Results<Ok<OrganisationDetails>, ProblemHttpResult>> (int id, OrganisationProfile profile, CancellationToken ct) =>
                await profile.HandleAsync(id, ct) is { } details
                    ? TypedResults.Ok(details)
                    : TypedResults.Problem(statusCode: 404, title: "Не найдено", detail: $"Организации с номером {id} нет."))
            .WithName("GetOrganisation")
            .WithSummary("Карточка образовательной организации")
            .WithDescription("Контакты, руководитель; для школ и колледжей — текущий учебный год с периодами и классами (группами), для детских садов — группы и места.");
}
