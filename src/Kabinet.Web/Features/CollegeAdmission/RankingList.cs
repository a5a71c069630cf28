using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission;

/// <summary>One line of a public ranking list: the application's number, never a name (152-ФЗ).</summary>
public sealed record RankingRow(int Place, int ApplicationId, string Number, int AverageHundredths, bool PriorityRight, bool TargetContract,
    int AchievementCount, bool OriginalSubmitted, CollegeApplicationStatus Status, DateTime RegisteredAt)
{
    public string Average => AverageMark.Display(AverageHundredths);
}

/// <summary>A speciality's ranking and where the budget places end.</summary>
public sealed record Ranking(IReadOnlyList<RankingRow> Rows, int BudgetPlaces)
{
    /// <summary>«Проходной балл»: the average of the last one inside the budget places; null while everyone fits.</summary>
    public int? PassingHundredths => BudgetPlaces > 0 && Rows.Count >= BudgetPlaces ? Rows[BudgetPlaces - 1].AverageHundredths : null;

    public int? PlaceOf(int applicationId) => Rows.FirstOrDefault(r => r.ApplicationId == applicationId)?.Place;
}

/// <summary>
/// Ranking lists, computed on read in SQL: the applications still in the competition, ordered by the priority right
/// (ч.5.1 ст.71 273-ФЗ), then the average descending, then — among equal averages — a targeted-training contract,
/// then the number of individual achievements, then the earlier registration.
/// </summary>
public sealed class RankingList(KabinetDbContext db)
{
    public const string Rule = "Сначала поступающие с преимущественным правом (ч. 5.1 ст. 71 Федерального закона № 273-ФЗ) — независимо от среднего балла; "
        + "затем по убыванию среднего балла аттестата. При равном среднем балле выше тот, у кого есть договор о целевом обучении, "
        + "затем тот, у кого больше индивидуальных достижений, затем тот, кто подал заявление раньше.";

    public async Task<Ranking> OfAsync(int specialityId, int budgetPlaces, CancellationToken ct)
    {
        var rows = await Ordered(db.CollegeApplications.AsNoTracking().Where(a => a.SpecialityId == specialityId
                && a.Status != CollegeApplicationStatus.Refused && a.Status != CollegeApplicationStatus.Withdrawn))
            .Select(a => new { a.Id, a.AverageHundredths, a.PriorityRight, a.TargetContract, a.AchievementCount, a.OriginalSubmitted, a.Status, a.RegisteredAt })
            .ToListAsync(ct);
        return new Ranking([.. rows.Select((a, i) => new RankingRow(i + 1, a.Id, CollegeApplication.NumberOf(a.Id, a.RegisteredAt), a.AverageHundredths,
            a.PriorityRight, a.TargetContract, a.AchievementCount, a.OriginalSubmitted, a.Status, a.RegisteredAt))], budgetPlaces);
    }

    /// <summary>The places of these applications in their lists (one query per speciality; an applicant has a few).</summary>
    public async Task<IReadOnlyDictionary<int, (int Place, int Total)>> PlacesAsync(IEnumerable<CollegeApplication> applications, CancellationToken ct)
    {
        var places = new Dictionary<int, (int, int)>();
        foreach (var speciality in applications.Where(a => a.IsActive).GroupBy(a => a.SpecialityId))
        {
            var ids = await Ordered(db.CollegeApplications.AsNoTracking().Where(a => a.SpecialityId == speciality.Key
                    && a.Status != CollegeApplicationStatus.Refused && a.Status != CollegeApplicationStatus.Withdrawn))
                .Select(a => a.Id).ToListAsync(ct);
            foreach (var application in speciality)
            {
                var index = ids.IndexOf(application.Id);
                if (index >= 0)
                    places[application.Id] = (index + 1, ids.Count);
            }
        }

        return places;
    }

    private static IOrderedQueryable<CollegeApplication> Ordered(IQueryable<CollegeApplication> applications) =>
        applications.OrderByDescending(a => a.PriorityRight).ThenByDescending(a => a.AverageHundredths).ThenByDescending(a => a.TargetContract)
            .ThenByDescending(a => a.AchievementCount).ThenBy(a => a.RegisteredAt).ThenBy(a => a.Id);
}
