using Kabinet.Web.Features.Diary;

namespace Kabinet.Web.Data.Seed;

/// <summary>
/// The demo gymnasium's school year structure: its subjects and kinds of work, the bells, and for the demo student's
/// class (5А) the teachers of every subject — the demo teacher, its class teacher, teaches Russian and literature —
/// with a full five-day timetable for the whole academic year.
/// </summary>
internal static class DiaryDemo
{
    private sealed record SubjectPlan(string Name, string ShortName, string PositionHint, string? Room);

    private static readonly SubjectPlan[] Subjects =
    [
        new("Русский язык", "Рус. яз.", "русского", "21"),
        new("Литература", "Литер.", "русского", "21"),
        new("Математика", "Матем.", "математики", "21"),
        new("Английский язык", "Англ. яз.", "английского", "12"),
        new("История", "История", "истории", "21"),
        new("География", "Геогр.", "географии", "31"),
        new("Биология", "Биол.", "биологии", "32"),
        new("Музыка", "Музыка", "музыки", "5"),
        new("Изобразительное искусство", "ИЗО", "изобразительного", "6"),
        new("Труд (технология)", "Труд", "технологии", "мастерская"),
        new("Физическая культура", "Физ-ра", "физической", "спортзал"),
        new("Основы духовно-нравственной культуры народов России", "ОДНКНР", "истории", "21"),
    ];

    private static readonly string[][] Week =
    [
        ["Русский язык", "Математика", "Литература", "Английский язык", "История", "Физическая культура"],
        ["Математика", "Русский язык", "Биология", "Английский язык", "Музыка"],
        ["Русский язык", "Математика", "Литература", "География", "Труд (технология)", "Труд (технология)"],
        ["Математика", "Русский язык", "История", "Английский язык", "Изобразительное искусство"],
        ["Русский язык", "Математика", "Литература", "Физическая культура", "Основы духовно-нравственной культуры народов России"],
    ];

    private static readonly (int H1, int M1, int H2, int M2)[] Bells =
        [(8, 0, 8, 40), (8, 50, 9, 30), (9, 45, 10, 25), (10, 40, 11, 20), (11, 35, 12, 15), (12, 25, 13, 5), (13, 15, 13, 55)];

    /// <summary>Adds the structure to the unit of work (the caller saves).</summary>
    public static async Task AddAsync(KabinetDbContext db, GeneratedRegion region, CancellationToken ct)
    {
        var cast = region.Cast;
        var classId = region.ClassMemberships.First(m => m.PersonId == cast.StudentPersonId).ClassGroupId;
        var schoolClass = region.ClassGroups.First(c => c.Id == classId);
        var year = region.AcademicYears.First(y => y.Id == schoolClass.AcademicYearId);
        var staff = region.Employees.Where(e => e.OrganisationId == cast.GymnasiumId).ToList();
        var classTeacher = staff.First(e => e.PersonId == cast.TeacherPersonId);

        var subjects = Subjects.ToDictionary(s => s.Name, s => Subject.Create(cast.GymnasiumId, s.Name, s.ShortName, ResultKind.Marks));
        db.Subjects.AddRange(subjects.Values);
        db.WorkKinds.AddRange(WorkKind.Defaults(cast.GymnasiumId));
        db.Bells.AddRange(BellSchedule.Create(cast.GymnasiumId, [.. Bells.Select(b => (new TimeOnly(b.H1, b.M1), new TimeOnly(b.H2, b.M2)))]));
        await db.SaveChangesAsync(ct);

        // The demo teacher teaches Russian and literature; every other subject goes to a teacher of that subject, else to any other teacher.
        var others = staff.Where(e => e.Id != classTeacher.Id && e.Position.StartsWith("Учитель", StringComparison.Ordinal)).ToList();
        var teachers = new Dictionary<string, int>();
        var next = 0;
        foreach (var plan in Subjects)
        {
            teachers[plan.Name] = plan.PositionHint == "русского"
                ? classTeacher.Id
                : (others.FirstOrDefault(e => e.Position.Contains(plan.PositionHint, StringComparison.Ordinal)) ?? others[next++ % others.Count]).Id;
            db.TeachingAssignments.Add(new TeachingAssignment
            {
                OrganisationId = cast.GymnasiumId, AcademicYearId = year.Id, ClassGroupId = classId, SubjectId = subjects[plan.Name].Id, EmployeeId = teachers[plan.Name],
            });
        }

        for (var d = 0; d < Week.Length; d++)
        {
            for (var n = 0; n < Week[d].Length; n++)
            {
                var plan = Subjects.First(s => s.Name == Week[d][n]);
                db.TimetableSlots.Add(new TimetableSlot
                {
                    OrganisationId = cast.GymnasiumId, AcademicYearId = year.Id, ClassGroupId = classId, Day = Timetable.SchoolDays[d], LessonNumber = n + 1,
                    SubjectId = subjects[plan.Name].Id, EmployeeId = teachers[plan.Name], Room = plan.Room, ValidFrom = year.StartsOn, ValidTo = year.EndsOn,
                });
            }
        }
    }
}
