using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.CollegeAdmission;

namespace Kabinet.Web.Data.Seed;

/// <summary>
/// The demo college's admission: five specialities of this year (9 and 11 grades, full-time and extramural) whose
/// window is open whatever day the demo starts, and thirty applications of generated teenagers — with equal averages
/// and a priority-right applicant — so the ranking lists are not empty.
/// </summary>
internal static class CollegeAdmissionDemo
{
    public const int ApplicationCount = 30;

    /// <summary>Adds the plan and the applications (saving, to learn the specialities' ids; the caller's transaction keeps it whole).</summary>
    public static async Task AddAsync(KabinetDbContext db, GeneratedRegion region, TimeProvider time, CancellationToken ct)
    {
        var cast = region.Cast;
        if (cast.CollegeId == 0)
            return;
        var today = time.Today();
        var now = time.GetUtcNow().UtcDateTime;
        var college = region.Organisations.First(o => o.Id == cast.CollegeId);
        var names = region.ClassGroups.Where(g => g.OrganisationId == college.Id && g.Speciality != null).Select(g => g.Speciality!).Distinct().Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            return;
        var plan = new (int Name, StudyForm Form, EducationBasis Basis, int Budget, int Paid, bool Medical)[]
        {
            (0, StudyForm.FullTime, EducationBasis.Grade9, 5, 5, false),
            (0, StudyForm.FullTime, EducationBasis.Grade11, 4, 4, false),
            (1 % names.Count, StudyForm.FullTime, EducationBasis.Grade9, 8, 2, true),
            (2 % names.Count, StudyForm.FullTime, EducationBasis.Grade9, 6, 4, false),
            (1 % names.Count, StudyForm.Extramural, EducationBasis.Grade11, 0, 15, false),
        };
        var specialities = plan.Select(p =>
        {
            var (code, name) = (names[p.Name][..8], names[p.Name][9..]);
            var speciality = new Speciality
            {
                OrganisationId = college.Id, MunicipalityId = college.MunicipalityId, AdmissionYear = today.Year, Code = code, Name = name,
                Qualification = p.Basis == EducationBasis.Grade9 ? "Техник" : "Техник (на базе среднего общего образования)", Form = p.Form, Basis = p.Basis,
                BudgetPlaces = p.Budget, PaidPlaces = p.Paid, MedicalExamination = p.Medical,
            };
            speciality.UseDefaultWindow();
            // Open on the day the demo starts, so a visitor can apply; the real dates are the college's to set.
            if (today < speciality.AcceptFrom)
                speciality.AcceptFrom = new DateOnly(today.Year, 1, 1);
            if (today > speciality.AcceptUntil)
            {
                speciality.AcceptUntil = new DateOnly(today.Year, 12, 31);
                speciality.ExtendedUntil = null;
            }

            return speciality;
        }).ToList();
        db.Specialities.AddRange(specialities);
        await db.SaveChangesAsync(ct);

        var random = new Random(2026);
        var teenagers = region.People.Where(p => p.Id != cast.StudentPersonId && p.BirthDate is { } b && b <= today.AddYears(-15) && b > today.AddYears(-18))
            .OrderBy(p => p.Id).Take(ApplicationCount).ToList();
        // A few averages repeat on purpose: ties are broken by the targeted contract, achievements, then time.
        int[] averages = [500, 476, 455, 455, 455, 432, 421, 400, 400, 389, 375, 364, 350, 347, 333, 325, 310, 300, 455, 400, 412, 388, 467, 455, 356, 399, 444, 421, 378, 490];
        for (var i = 0; i < teenagers.Count; i++)
        {
            var speciality = specialities[i % specialities.Count];
            var achievements = i % 7 == 3 ? Achievements.Professionals : i % 11 == 5 ? Achievements.Professionals | Achievements.HighTechChampionship : Achievements.None;
            var registered = now.AddHours(-(ApplicationCount - i) * 3).AddMinutes(-random.Next(0, 120));
            var application = new CollegeApplication
            {
                SpecialityId = speciality.Id, OrganisationId = college.Id, MunicipalityId = college.MunicipalityId, EntrantPersonId = teenagers[i].Id,
                RegisteredAt = registered, AverageHundredths = averages[i % averages.Length], DocumentLevel = speciality.Basis,
                DocumentSeries = "", DocumentNumber = $"042{random.Next(10_000_000, 99_999_999)}", DocumentIssuedOn = new DateOnly(today.Year, 6, 25).AddYears(today.Month < 7 ? -1 : 0),
                PriorityRight = i == 17, Achievements = achievements, AchievementCount = CollegeApplication.CountOf(achievements), TargetContract = i % 9 == 4,
                PersonalDataConsent = true, OriginalSubmitted = i % 4 == 0,
            };
            application.Register(null, registered);
            if (i % 3 == 0)
                application.TryMove(CollegeApplicationStatus.Accepted, null, null, registered.AddHours(2));
            if (i == 13)
                application.TryMove(CollegeApplicationStatus.Withdrawn, null, "Отозвано заявителем", registered.AddHours(1));
            if (i == 22)
                application.TryMove(CollegeApplicationStatus.Refused, null, "Аттестат не соответствует уровню образования специальности", registered.AddHours(1));
            db.CollegeApplications.Add(application);
        }
    }
}
