using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Diary;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Data.Seed;

/// <summary>
/// The demo gymnasium's school year structure: its subjects and kinds of work, the bells, and for the demo student's
/// class (5А) the teachers of every subject — the demo teacher, its class teacher, teaches Russian and literature —
/// with a full five-day timetable for the whole academic year; and 5А's journal for every study day of the year before
/// the seed date — topics, homework, marks, a few absences and comments, one corrected mark, the first period's marks.
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

    private static readonly Dictionary<string, string[]> Topics = new()
    {
        ["Русский язык"] =
        [
            "Повторение: орфограммы в корне слова", "Звуки и буквы. Фонетический разбор", "Состав слова. Морфемный разбор", "Имя существительное как часть речи",
            "Падежи имён существительных", "Правописание падежных окончаний", "Имя прилагательное", "Словосочетание и предложение", "Главные члены предложения",
            "Второстепенные члены предложения", "Однородные члены предложения", "Знаки препинания при обращении", "Прямая речь", "Диктант с грамматическим заданием",
            "Работа над ошибками", "Синонимы и антонимы", "Лексическое значение слова",
        ],
        ["Литература"] =
        [
            "Мифы Древней Греции", "Русские народные сказки", "«Царевна-лягушка»", "Басни И. А. Крылова", "А. С. Пушкин. «Сказка о мёртвой царевне»",
            "М. Ю. Лермонтов. «Бородино»", "Н. В. Гоголь. «Ночь перед Рождеством»", "И. С. Тургенев. «Муму»", "Н. А. Некрасов. «Крестьянские дети»",
            "Л. Н. Толстой. «Кавказский пленник»", "Внеклассное чтение", "Сочинение по прочитанному",
        ],
        ["Математика"] =
        [
            "Натуральные числа и шкалы", "Сложение и вычитание натуральных чисел", "Числовые и буквенные выражения", "Уравнения", "Умножение натуральных чисел",
            "Деление с остатком", "Степень числа", "Площадь прямоугольника", "Прямоугольный параллелепипед", "Объём", "Окружность и круг",
            "Обыкновенные дроби", "Сравнение дробей", "Контрольная работа", "Решение задач",
        ],
        ["Английский язык"] = ["Greetings", "My family", "My school", "Numbers and colours", "Days of the week", "Present Simple", "My day", "Hobbies"],
        ["История"] = ["Первобытные люди", "Древний Египет", "Месопотамия", "Финикия и Палестина", "Древняя Индия", "Древний Китай", "Древняя Греция"],
        ["Биология"] = ["Биология — наука о живом", "Клетка", "Ткани", "Царства живой природы", "Бактерии", "Грибы", "Растения"],
        ["География"] = ["Что изучает география", "Земля во Вселенной", "Глобус и карта", "План местности", "Ориентирование"],
    };

    private static readonly string[] Assignments =
    [
        "Упражнение {0} на с. {1}.", "Прочитать параграф {0}, ответить на вопросы на с. {1}.", "Задачи № {0} и № {1}.", "Выучить правило на с. {1}, упражнение {0}.",
        "Подготовить пересказ (с. {1}–{0}).", "Рабочая тетрадь: задания {0}–{1}.",
    ];

    /// <summary>
    /// Adds 5А's journal from the start of the year to the day before <paramref name="today"/> (after the demo accounts
    /// exist: the demo teacher is who entered it). Deterministic for a date: a fixed random seed.
    /// </summary>
    public static async Task AddJournalAsync(KabinetDbContext db, GeneratedRegion region, DateOnly today, CancellationToken ct)
    {
        var cast = region.Cast;
        var classId = region.ClassMemberships.First(m => m.PersonId == cast.StudentPersonId).ClassGroupId;
        var schoolClass = region.ClassGroups.First(c => c.Id == classId);
        var year = region.AcademicYears.First(y => y.Id == schoolClass.AcademicYearId);
        var periods = region.StudyPeriods.Where(p => p.AcademicYearId == year.Id).OrderBy(p => p.Number).ToList();
        var students = region.ClassMemberships.Where(m => m.ClassGroupId == classId).Select(m => m.PersonId).Distinct().Order().ToList();
        var teacherAccount = await db.Users.Where(u => u.PersonId == cast.TeacherPersonId).Select(u => u.Id).FirstAsync(ct);
        var slots = await db.TimetableSlots.AsNoTracking().Where(s => s.ClassGroupId == classId).ToListAsync(ct);
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == cast.GymnasiumId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var kinds = await db.WorkKinds.AsNoTracking().Where(k => k.OrganisationId == cast.GymnasiumId).ToDictionaryAsync(k => k.Name, ct);
        var random = new Random(20_260_901);
        var ability = students.ToDictionary(s => s, s => s == cast.StudentPersonId ? 4.4 : 2.8 + (random.NextDouble() * 2.2));
        bool IsStudyDay(DateOnly d) => periods.Any(p => p.StartsOn <= d && d <= p.EndsOn);

        // Ids are given here and the rows bulk-inserted (as the region's are): thousands of rows in well under a second.
        var ids = new Dictionary<Type, long>
        {
            [typeof(Lesson)] = await db.Lessons.MaxAsync(l => (long?)l.Id, ct) ?? 0,
            [typeof(Mark)] = await db.Marks.MaxAsync(m => (long?)m.Id, ct) ?? 0,
            [typeof(MarkChange)] = await db.MarkChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0,
            [typeof(Homework)] = await db.Homework.MaxAsync(h => (long?)h.Id, ct) ?? 0,
            [typeof(LessonAttendance)] = await db.Attendance.MaxAsync(a => (long?)a.Id, ct) ?? 0,
            [typeof(LessonComment)] = await db.LessonComments.MaxAsync(c => (long?)c.Id, ct) ?? 0,
            [typeof(PeriodMark)] = await db.PeriodMarks.MaxAsync(p => (long?)p.Id, ct) ?? 0,
        };
        long Next<T>() => ++ids[typeof(T)];

        // Lessons by the timetable, day by day.
        var lessons = new List<Lesson>();
        var seen = new Dictionary<int, int>();
        for (var day = year.StartsOn; day < today && day <= year.EndsOn; day = day.AddDays(1))
        {
            if (!IsStudyDay(day))
                continue;
            foreach (var slot in slots.Where(s => s.IsOn(day)).OrderBy(s => s.LessonNumber))
            {
                var lesson = new Lesson
                {
                    Id = Next<Lesson>(), OrganisationId = cast.GymnasiumId, AcademicYearId = year.Id, ClassGroupId = classId, Date = day, Number = slot.LessonNumber,
                    SubjectId = slot.SubjectId, EmployeeId = slot.EmployeeId, UpdatedAt = RegionTime.ToUtc(day.ToDateTime(new TimeOnly(15, 0))), UpdatedByAccountId = teacherAccount,
                };
                var n = seen[slot.SubjectId] = seen.GetValueOrDefault(slot.SubjectId) + 1;
                if (Topics.TryGetValue(subjects[slot.SubjectId], out var topics))
                    lesson.SetTopic(topics[(n - 1) % topics.Length]);
                lessons.Add(lesson);
            }
        }

        if (lessons.Count == 0)
            return;

        var homeworks = new List<Homework>();
        var marks = new List<Mark>();
        var bySubject = lessons.GroupBy(l => l.SubjectId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Date).ThenBy(l => l.Number).ToList());
        foreach (var (_, ofSubject) in bySubject)
        {
            for (var index = 0; index < ofSubject.Count; index++)
            {
                var lesson = ofSubject[index];
                var at = RegionTime.ToUtc(lesson.Date.ToDateTime(new TimeOnly(8, 0)).AddHours(lesson.Number));
                var subject = subjects[lesson.SubjectId];

                // Homework on most lessons, due at the subject's next lesson by the timetable.
                var next = NextLessonOf(slots, lesson, year.EndsOn, IsStudyDay);
                if (next is { } due && random.Next(10) < 8 && subject != "Физическая культура")
                {
                    var homework = new Homework
                    {
                        Id = Next<Homework>(), LessonId = lesson.Id, ClassGroupId = classId, SubjectId = lesson.SubjectId, SetOn = lesson.Date, CreatedAt = at, UpdatedAt = at,
                        UpdatedByAccountId = teacherAccount,
                    };
                    homework.Set(string.Format(System.Globalization.CultureInfo.InvariantCulture, Assignments[random.Next(Assignments.Length)], 10 + random.Next(300), 5 + random.Next(150)), due);
                    homeworks.Add(homework);
                }

                // Every tenth lesson of a subject is a test for the whole class, otherwise a few answers.
                var test = index % 10 == 9;
                var kind = test
                    ? kinds[subject == "Русский язык" ? "Диктант" : "Контрольная работа"]
                    : random.Next(4) == 0 ? kinds["Самостоятельная работа"] : kinds["Ответ на уроке"];
                var marked = test || kind.Name == "Самостоятельная работа"
                    ? students
                    : [.. students.OrderBy(_ => random.Next()).Take(2 + random.Next(3))];
                foreach (var student in marked)
                {
                    var value = (int)Math.Round(ability[student] + ((random.NextDouble() - 0.5) * 2.2));
                    marks.Add(new Mark
                    {
                        LessonId = lesson.Id, ClassGroupId = classId, SubjectId = lesson.SubjectId, Date = lesson.Date, StudentPersonId = student,
                        WorkKindId = kind.Id, Weight = kind.Weight, Value = (MarkValue)Math.Clamp(value, 2, 5), CreatedAt = at, CreatedByAccountId = teacherAccount,
                    });
                }
            }
        }

        // A few absences: someone ill for a day (no marks then), someone late, now and then a missed lesson.
        var attendance = new List<LessonAttendance>();
        var absent = new HashSet<(long, int)>();
        foreach (var day in lessons.GroupBy(l => l.Date))
        {
            foreach (var student in students.Where(_ => random.Next(100) == 0))
            {
                foreach (var lesson in day)
                {
                    absent.Add((lesson.Id, student));
                    attendance.Add(Absence(Next<LessonAttendance>(), lesson, student, AttendanceCode.Ill, teacherAccount));
                }
            }

            if (random.Next(6) == 0)
            {
                var lesson = day.ElementAt(random.Next(day.Count()));
                var student = students[random.Next(students.Count)];
                if (absent.Add((lesson.Id, student)))
                    attendance.Add(Absence(Next<LessonAttendance>(), lesson, student, random.Next(3) == 0 ? AttendanceCode.Absent : AttendanceCode.Late, teacherAccount));
            }
        }

        marks.RemoveAll(m => attendance.Any(a => a.Code == AttendanceCode.Ill && a.LessonId == m.LessonId && a.StudentPersonId == m.StudentPersonId));
        foreach (var mark in marks)
            mark.Id = Next<Mark>();

        var russian = bySubject[subjects.First(s => s.Value == "Русский язык").Key];
        var comments = new List<LessonComment> { Comment(Next<LessonComment>(), russian[^1], cast.StudentPersonId, "Молодец: аккуратно оформлена работа, так держать!", teacherAccount) };
        if (russian.Count > 3)
            comments.Add(Comment(Next<LessonComment>(), russian[^3], students[0] == cast.StudentPersonId ? students[^1] : students[0], "Не сдана тетрадь на проверку — принесите, пожалуйста, завтра.", teacherAccount));

        // Every mark has its «given» entry; one of the demo pupil's Russian marks was corrected later.
        var changes = marks.Select(m => new MarkChange
        {
            Id = Next<MarkChange>(), MarkId = m.Id, StudentPersonId = m.StudentPersonId, SubjectId = m.SubjectId, NewValue = m.Value, ChangedAt = m.CreatedAt,
            ChangedByAccountId = teacherAccount,
        }).ToList();
        if (marks.LastOrDefault(m => m.StudentPersonId == cast.StudentPersonId && m.SubjectId == russian[0].SubjectId && m.Value != MarkValue.Five) is { } corrected)
        {
            var old = corrected.Value;
            corrected.Value = old + 1;
            corrected.ChangedAt = corrected.CreatedAt.AddHours(5);
            changes.Add(new MarkChange
            {
                Id = Next<MarkChange>(), MarkId = corrected.Id, StudentPersonId = corrected.StudentPersonId, SubjectId = corrected.SubjectId, OldValue = old,
                NewValue = corrected.Value, Reason = "Ошибка при вводе: в тетради стоит более высокая отметка.", ChangedAt = corrected.ChangedAt.Value,
                ChangedByAccountId = teacherAccount,
            });
        }

        // The first period's marks, once it has ended: what the average suggests.
        var periodMarks = new List<PeriodMark>();
        if (periods.Count > 0 && periods[0].EndsOn < today)
        {
            var first = periods[0];
            foreach (var group in marks.Where(m => m.Date <= first.EndsOn).GroupBy(m => (m.StudentPersonId, m.SubjectId)))
            {
                if (MarkAverages.Summarise(group.Select(m => (m.Value, m.Weight))).Suggested is not { } suggested)
                    continue;
                periodMarks.Add(new PeriodMark
                {
                    Id = Next<PeriodMark>(), OrganisationId = cast.GymnasiumId, AcademicYearId = year.Id, ClassGroupId = classId, SubjectId = group.Key.SubjectId,
                    StudentPersonId = group.Key.StudentPersonId, PeriodNumber = first.Number, Value = (MarkValue)suggested,
                    SetAt = RegionTime.ToUtc(first.EndsOn.ToDateTime(new TimeOnly(10, 0))), SetByAccountId = teacherAccount,
                });
            }
        }

        var bulk = new BulkInserter(db);
        await bulk.InsertAsync(lessons, ct);
        await bulk.InsertAsync(homeworks, ct);
        await bulk.InsertAsync(marks, ct);
        await bulk.InsertAsync(changes, ct);
        await bulk.InsertAsync(attendance, ct);
        await bulk.InsertAsync(comments, ct);
        await bulk.InsertAsync(periodMarks, ct);
        await bulk.ResetIdentityAsync<Lesson>(ct);
        await bulk.ResetIdentityAsync<Homework>(ct);
        await bulk.ResetIdentityAsync<Mark>(ct);
        await bulk.ResetIdentityAsync<MarkChange>(ct);
        await bulk.ResetIdentityAsync<LessonAttendance>(ct);
        await bulk.ResetIdentityAsync<LessonComment>(ct);
        await bulk.ResetIdentityAsync<PeriodMark>(ct);
        db.ClassJournalVersions.Add(new ClassJournalVersion { ClassGroupId = classId, Version = 1 });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The date of the subject's next lesson after this one by the timetable (within the year).</summary>
    private static DateOnly? NextLessonOf(List<TimetableSlot> slots, Lesson lesson, DateOnly yearEnd, Func<DateOnly, bool> isStudyDay)
    {
        for (var day = lesson.Date.AddDays(1); day <= yearEnd && day <= lesson.Date.AddDays(30); day = day.AddDays(1))
        {
            if (isStudyDay(day) && slots.Any(s => s.SubjectId == lesson.SubjectId && s.IsOn(day)))
                return day;
        }

        return null;
    }

    private static LessonAttendance Absence(long id, Lesson lesson, int student, AttendanceCode code, int account) => new()
    {
        Id = id, LessonId = lesson.Id, ClassGroupId = lesson.ClassGroupId, SubjectId = lesson.SubjectId, Date = lesson.Date, StudentPersonId = student, Code = code,
        UpdatedAt = lesson.UpdatedAt, UpdatedByAccountId = account,
    };

    private static LessonComment Comment(long id, Lesson lesson, int student, string text, int account) => new()
    {
        Id = id, LessonId = lesson.Id, ClassGroupId = lesson.ClassGroupId, SubjectId = lesson.SubjectId, Date = lesson.Date, StudentPersonId = student, Text = text,
        UpdatedAt = lesson.UpdatedAt, UpdatedByAccountId = account,
    };
}
