using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Institutions;

namespace Kabinet.Web.Data.Seed;

/// <summary>Which organisations get a term of journal data (every school and college of the region unless a test samples them).</summary>
/// <param name="JournalEvery">Every Nth school and college (in id order) gets lessons, marks and attendance; all get subjects and a timetable.</param>
/// <param name="OrganisationsPerBatch">How many organisations are generated before their rows are handed out for insertion.</param>
internal sealed record RegionDiaryOptions(int JournalEvery = 1, int OrganisationsPerBatch = 12)
{
    public static readonly RegionDiaryOptions Full = new();
}

/// <summary>The diary rows of a few organisations, inserted together and then dropped, so memory stays bounded.</summary>
internal sealed class DiaryBatch
{
    public List<Subject> Subjects { get; } = [];
    public List<WorkKind> WorkKinds { get; } = [];
    public List<Bell> Bells { get; } = [];
    public List<TeachingAssignment> Assignments { get; } = [];
    public List<TimetableSlot> Slots { get; } = [];
    public List<Lesson> Lessons { get; } = [];
    public List<Homework> Homework { get; } = [];
    public List<Mark> Marks { get; } = [];
    public List<MarkChange> MarkChanges { get; } = [];
    public List<LessonAttendance> Attendance { get; } = [];
    public List<LessonComment> Comments { get; } = [];
    public List<PeriodMark> PeriodMarks { get; } = [];
    public List<ClassJournalVersion> Versions { get; } = [];
}

/// <summary>What the diary generator made in all: the seed command prints it and the tests check it.</summary>
internal sealed class DiaryTotals
{
    public int Organisations { get; set; }
    public int Journals { get; set; }
    public long Subjects { get; set; }
    public long Slots { get; set; }
    public long Lessons { get; set; }
    public long Homework { get; set; }
    public long Marks { get; set; }
    public long MarkChanges { get; set; }
    public long Attendance { get; set; }
    public long Comments { get; set; }
    public long PeriodMarks { get; set; }

    public void Add(DiaryBatch batch)
    {
        Subjects += batch.Subjects.Count;
        Slots += batch.Slots.Count;
        Lessons += batch.Lessons.Count;
        Homework += batch.Homework.Count;
        Marks += batch.Marks.Count;
        MarkChanges += batch.MarkChanges.Count;
        Attendance += batch.Attendance.Count;
        Comments += batch.Comments.Count;
        PeriodMarks += batch.PeriodMarks.Count;
    }
}

/// <summary>
/// The region's diary: for every school and college its subjects (a Russian curriculum per grade; a college's general
/// and professional disciplines), kinds of work, bells, teachers of every class and subject and a five-day timetable;
/// then a term of journal — lessons with topics, homework, marks with their history, absences, comments, period marks
/// of the periods that have ended. Each organisation draws from its own random stream (seed and id), so the journal of
/// one school does not depend on which other schools were generated. Generated lazily in batches for streaming inserts.
/// </summary>
internal sealed partial class RegionGenerator
{
    /// <summary>Generated journal rows name no account (nobody signed in); pages show such entries without an author.</summary>
    public const int GeneratedByAccountId = 0;

    private const int SchoolWeekDays = 5;

    private sealed record SubjectInfo(string Name, string ShortName, string TeacherHint, ResultKind Kind, SubjectGroup Group);

    private enum SubjectGroup { Language, Literature, Maths, Humanities, Science, Foreign, Arts, Sport, Practice, Professional }

    private static readonly SubjectInfo[] SubjectCatalogue =
    [
        new("Русский язык", "Рус. яз.", "русского языка", ResultKind.Marks, SubjectGroup.Language),
        new("Литературное чтение", "Лит. чт.", "начальных классов", ResultKind.Marks, SubjectGroup.Literature),
        new("Литература", "Литер.", "русского языка", ResultKind.Marks, SubjectGroup.Literature),
        new("Английский язык", "Англ. яз.", "английского", ResultKind.Marks, SubjectGroup.Foreign),
        new("Математика", "Матем.", "математики", ResultKind.Marks, SubjectGroup.Maths),
        new("Алгебра", "Алгебра", "математики", ResultKind.Marks, SubjectGroup.Maths),
        new("Геометрия", "Геометр.", "математики", ResultKind.Marks, SubjectGroup.Maths),
        new("Вероятность и статистика", "Вер. и стат.", "математики", ResultKind.Marks, SubjectGroup.Maths),
        new("Информатика", "Информ.", "информатики", ResultKind.Marks, SubjectGroup.Science),
        new("Окружающий мир", "Окр. мир", "начальных классов", ResultKind.Marks, SubjectGroup.Science),
        new("История", "История", "истории", ResultKind.Marks, SubjectGroup.Humanities),
        new("Обществознание", "Общество", "истории", ResultKind.Marks, SubjectGroup.Humanities),
        new("География", "Геогр.", "географии", ResultKind.Marks, SubjectGroup.Science),
        new("Биология", "Биол.", "биологии", ResultKind.Marks, SubjectGroup.Science),
        new("Физика", "Физика", "физики", ResultKind.Marks, SubjectGroup.Science),
        new("Химия", "Химия", "химии", ResultKind.Marks, SubjectGroup.Science),
        new("Музыка", "Музыка", "музыки", ResultKind.Marks, SubjectGroup.Arts),
        new("Изобразительное искусство", "ИЗО", "изобразительного", ResultKind.Marks, SubjectGroup.Arts),
        new("Труд (технология)", "Труд", "технологии", ResultKind.Marks, SubjectGroup.Practice),
        new("Физическая культура", "Физ-ра", "физической", ResultKind.Marks, SubjectGroup.Sport),
        new("Основы безопасности и защиты Родины", "ОБЗР", "ОБЗР", ResultKind.Marks, SubjectGroup.Humanities),
        new("Основы религиозных культур и светской этики", "ОРКСЭ", "истории", ResultKind.PassFail, SubjectGroup.Humanities),
        new("Основы духовно-нравственной культуры народов России", "ОДНКНР", "истории", ResultKind.PassFail, SubjectGroup.Humanities),
        new("Индивидуальный проект", "Инд. проект", "", ResultKind.PassFail, SubjectGroup.Practice),
        // Colleges (СПО): the general cycle of the first course and professional disciplines later.
        new("Иностранный язык в профессиональной деятельности", "Ин. яз. в ПД", "", ResultKind.Marks, SubjectGroup.Foreign),
        new("Основы философии", "Осн. филос.", "", ResultKind.Marks, SubjectGroup.Humanities),
        new("Инженерная графика", "Инж. графика", "", ResultKind.Marks, SubjectGroup.Professional),
        new("Техническая механика", "Тех. механика", "", ResultKind.Marks, SubjectGroup.Professional),
        new("Электротехника и электроника", "Электротехн.", "", ResultKind.Marks, SubjectGroup.Professional),
        new("Охрана труда", "Охрана труда", "", ResultKind.PassFail, SubjectGroup.Professional),
        new("Информационные технологии в профессиональной деятельности", "ИТ в ПД", "", ResultKind.Marks, SubjectGroup.Science),
        new("Экономика организации", "Экономика", "", ResultKind.Marks, SubjectGroup.Professional),
        new("Правовое обеспечение профессиональной деятельности", "Право в ПД", "", ResultKind.Marks, SubjectGroup.Humanities),
        new("Безопасность жизнедеятельности", "БЖД", "", ResultKind.Marks, SubjectGroup.Humanities),
        new("Психология общения", "Психол. общ.", "", ResultKind.PassFail, SubjectGroup.Humanities),
        new("Менеджмент", "Менеджмент", "", ResultKind.Marks, SubjectGroup.Professional),
        new("МДК.01.01 Технология основного производства", "МДК.01.01", "", ResultKind.Marks, SubjectGroup.Professional),
        new("МДК.02.01 Организация и контроль работ", "МДК.02.01", "", ResultKind.Marks, SubjectGroup.Professional),
        new("МДК.03.01 Управление производственным участком", "МДК.03.01", "", ResultKind.Marks, SubjectGroup.Professional),
        new("Учебная практика", "УП", "", ResultKind.PassFail, SubjectGroup.Professional),
        new("Производственная практика", "ПП", "", ResultKind.PassFail, SubjectGroup.Professional),
    ];

    private static readonly Dictionary<string, SubjectInfo> SubjectsByName = SubjectCatalogue.ToDictionary(s => s.Name);

    // Weekly hours per grade (ФОП, five-day week): 20–21 in the 1st grade up to 32–34 in the 9th–11th.
    private static readonly (string Subject, int Hours)[][] SchoolPlans =
    [
        [],
        [("Русский язык", 5), ("Литературное чтение", 4), ("Математика", 4), ("Окружающий мир", 2), ("Музыка", 1), ("Изобразительное искусство", 1), ("Труд (технология)", 1), ("Физическая культура", 2)],
        [("Русский язык", 5), ("Литературное чтение", 4), ("Английский язык", 2), ("Математика", 4), ("Окружающий мир", 2), ("Музыка", 1), ("Изобразительное искусство", 1), ("Труд (технология)", 1), ("Физическая культура", 2)],
        [("Русский язык", 5), ("Литературное чтение", 4), ("Английский язык", 2), ("Математика", 4), ("Окружающий мир", 2), ("Музыка", 1), ("Изобразительное искусство", 1), ("Труд (технология)", 1), ("Физическая культура", 2)],
        [("Русский язык", 5), ("Литературное чтение", 3), ("Английский язык", 2), ("Математика", 4), ("Окружающий мир", 2), ("Основы религиозных культур и светской этики", 1), ("Музыка", 1), ("Изобразительное искусство", 1), ("Труд (технология)", 1), ("Физическая культура", 2)],
        [("Русский язык", 5), ("Литература", 3), ("Английский язык", 3), ("Математика", 5), ("История", 2), ("География", 1), ("Биология", 1), ("Музыка", 1), ("Изобразительное искусство", 1), ("Труд (технология)", 2), ("Физическая культура", 2), ("Основы духовно-нравственной культуры народов России", 1)],
        [("Русский язык", 6), ("Литература", 3), ("Английский язык", 3), ("Математика", 5), ("История", 2), ("Обществознание", 1), ("География", 1), ("Биология", 1), ("Музыка", 1), ("Изобразительное искусство", 1), ("Труд (технология)", 2), ("Физическая культура", 2)],
        [("Русский язык", 4), ("Литература", 2), ("Английский язык", 3), ("Алгебра", 3), ("Геометрия", 2), ("Вероятность и статистика", 1), ("Информатика", 1), ("История", 2), ("Обществознание", 1), ("География", 2), ("Биология", 1), ("Физика", 2), ("Музыка", 1), ("Изобразительное искусство", 1), ("Труд (технология)", 2), ("Физическая культура", 2)],
        [("Русский язык", 3), ("Литература", 2), ("Английский язык", 3), ("Алгебра", 3), ("Геометрия", 2), ("Вероятность и статистика", 1), ("Информатика", 1), ("История", 2), ("Обществознание", 1), ("География", 2), ("Биология", 2), ("Физика", 2), ("Химия", 2), ("Музыка", 1), ("Труд (технология)", 1), ("Основы безопасности и защиты Родины", 1), ("Физическая культура", 2)],
        [("Русский язык", 3), ("Литература", 3), ("Английский язык", 3), ("Алгебра", 3), ("Геометрия", 2), ("Вероятность и статистика", 1), ("Информатика", 1), ("История", 2), ("Обществознание", 1), ("География", 2), ("Биология", 2), ("Физика", 3), ("Химия", 2), ("Труд (технология)", 1), ("Основы безопасности и защиты Родины", 1), ("Физическая культура", 2)],
        [("Русский язык", 2), ("Литература", 3), ("Английский язык", 3), ("Алгебра", 3), ("Геометрия", 2), ("Вероятность и статистика", 1), ("Информатика", 1), ("История", 2), ("Обществознание", 2), ("География", 1), ("Биология", 1), ("Физика", 2), ("Химия", 1), ("Основы безопасности и защиты Родины", 1), ("Физическая культура", 2), ("Индивидуальный проект", 1)],
        [("Русский язык", 2), ("Литература", 3), ("Английский язык", 3), ("Алгебра", 3), ("Геометрия", 2), ("Вероятность и статистика", 1), ("Информатика", 1), ("История", 2), ("Обществознание", 2), ("География", 1), ("Биология", 1), ("Физика", 2), ("Химия", 1), ("Основы безопасности и защиты Родины", 1), ("Физическая культура", 2)],
    ];

    // Weekly pairs per course of a college: 20 (four pairs a day).
    private static readonly (string Subject, int Hours)[][] CollegePlans =
    [
        [],
        [("Русский язык", 2), ("Литература", 2), ("Иностранный язык в профессиональной деятельности", 2), ("Математика", 3), ("История", 2), ("Физика", 2), ("Информатика", 2), ("Обществознание", 1), ("Основы безопасности и защиты Родины", 1), ("Физическая культура", 2), ("Индивидуальный проект", 1)],
        [("Иностранный язык в профессиональной деятельности", 2), ("Основы философии", 2), ("Инженерная графика", 3), ("Техническая механика", 3), ("Электротехника и электроника", 3), ("Охрана труда", 1), ("Информационные технологии в профессиональной деятельности", 2), ("МДК.01.01 Технология основного производства", 2), ("Физическая культура", 2)],
        [("Иностранный язык в профессиональной деятельности", 2), ("Экономика организации", 3), ("Правовое обеспечение профессиональной деятельности", 2), ("Безопасность жизнедеятельности", 2), ("МДК.02.01 Организация и контроль работ", 5), ("Учебная практика", 4), ("Физическая культура", 2)],
        [("Иностранный язык в профессиональной деятельности", 2), ("Психология общения", 2), ("Менеджмент", 3), ("МДК.03.01 Управление производственным участком", 5), ("Производственная практика", 6), ("Физическая культура", 2)],
    ];

    private static readonly Dictionary<SubjectGroup, string[]> TopicsByGroup = new()
    {
        [SubjectGroup.Language] = ["Части речи и их признаки", "Правописание безударных гласных", "Словосочетание и предложение", "Орфограммы в корне слова", "Развитие речи: изложение", "Работа над ошибками", "Синтаксический разбор предложения", "Повторение изученного"],
        [SubjectGroup.Literature] = ["Устное народное творчество", "А. С. Пушкин. Лирика", "Басни И. А. Крылова", "Рассказы о природе", "Н. В. Гоголь. Повести", "Внеклассное чтение", "Сочинение по прочитанному", "Выразительное чтение наизусть"],
        [SubjectGroup.Maths] = ["Действия с натуральными числами", "Решение текстовых задач", "Дроби и действия с ними", "Уравнения", "Решение задач на движение", "Площади и периметры", "Функции и графики", "Подготовка к контрольной работе"],
        [SubjectGroup.Humanities] = ["Введение в тему", "Работа с историческими источниками", "Причины и последствия событий", "Человек и общество", "Практикум по теме раздела", "Обобщающее повторение"],
        [SubjectGroup.Science] = ["Введение в раздел", "Лабораторная работа", "Строение и свойства", "Решение задач по теме", "Практическая работа", "Обобщение по разделу"],
        [SubjectGroup.Foreign] = ["My family and friends", "School life", "Present Simple", "Past Simple", "Reading: a story", "Vocabulary revision", "Listening practice"],
        [SubjectGroup.Arts] = ["Мир вокруг нас", "Народные традиции", "Композиция и цвет", "Музыкальные образы", "Творческая работа"],
        [SubjectGroup.Sport] = ["Лёгкая атлетика: бег", "Прыжки в длину", "Подвижные игры", "Баскетбол: ведение мяча", "Волейбол: передача мяча", "Гимнастика"],
        [SubjectGroup.Practice] = ["Работа с бумагой и картоном", "Проектная работа", "Инструменты и материалы", "Технологическая карта", "Защита проекта"],
        [SubjectGroup.Professional] = ["Вводное занятие", "Нормативные документы", "Практическое занятие", "Расчётная работа", "Технологический процесс", "Контроль качества", "Семинар по теме"],
    };

    private static readonly string[] CommentTexts =
    [
        "Молодец, отличная работа на уроке!", "Не выполнено домашнее задание.", "Нет тетради и учебника.", "Активно работал на уроке, так держать.",
        "Отвлекается на уроке, прошу поговорить с ребёнком.", "Работа выполнена небрежно, нужно переписать.", "Хорошо подготовил сообщение.",
    ];

    private static readonly (int H1, int M1, int H2, int M2)[] SchoolBells =
        [(8, 0, 8, 40), (8, 50, 9, 30), (9, 45, 10, 25), (10, 40, 11, 20), (11, 35, 12, 15), (12, 25, 13, 5), (13, 15, 13, 55)];

    private static readonly (int H1, int M1, int H2, int M2)[] CollegeBells =
        [(8, 30, 10, 0), (10, 10, 11, 40), (12, 20, 13, 50), (14, 0, 15, 30), (15, 40, 17, 10)];

    private readonly int _seed;
    private int _subjectId, _workKindId, _bellId, _assignmentId, _slotId;
    private long _lessonId, _homeworkId, _markId, _markChangeId, _attendanceId, _commentId, _periodMarkId;

    /// <summary>The diary totals after <see cref="Diary"/> has been enumerated to the end.</summary>
    public DiaryTotals DiaryTotals { get; } = new();

    /// <summary>The schools and colleges that get a journal with these options.</summary>
    public IReadOnlySet<int> JournalOrganisations(RegionDiaryOptions options) =>
        _region.Organisations.Where(o => o.Kind is OrganisationKind.School or OrganisationKind.College)
            .Where((_, i) => i % options.JournalEvery == 0).Select(o => o.Id).ToHashSet();

    /// <summary>
    /// The diary of every school and college in batches, the journal up to <paramref name="today"/>: lessons from the start
    /// of the period before the current one (so at most the first full period plus the current one), never in the future.
    /// Call after <see cref="Generate"/>.
    /// </summary>
    public IEnumerable<DiaryBatch> Diary(DateOnly today, RegionDiaryOptions options)
    {
        var journals = JournalOrganisations(options);
        var classesOf = _region.ClassGroups.ToLookup(c => c.OrganisationId);
        var studentsOf = _region.ClassMemberships.ToLookup(m => m.ClassGroupId, m => m.PersonId);
        var staffOf = _region.Employees.ToLookup(e => e.OrganisationId);
        var periodsOf = _region.StudyPeriods.ToLookup(p => p.AcademicYearId);
        var batch = new DiaryBatch();
        var inBatch = 0;
        foreach (var organisation in _region.Organisations.Where(o => o.Kind is OrganisationKind.School or OrganisationKind.College))
        {
            var year = _region.AcademicYears.First(y => y.OrganisationId == organisation.Id);
            var diary = new OrganisationDiary(this, organisation, year, [.. periodsOf[year.Id].OrderBy(p => p.Number)], staffOf[organisation.Id].ToList(), batch);
            diary.Structure([.. classesOf[organisation.Id]]);
            DiaryTotals.Organisations++;
            if (journals.Contains(organisation.Id))
            {
                foreach (var cls in classesOf[organisation.Id])
                    diary.Journal(cls, [.. studentsOf[cls.Id].Order()], today);
                DiaryTotals.Journals++;
            }

            if (++inBatch == options.OrganisationsPerBatch)
            {
                DiaryTotals.Add(batch);
                yield return batch;
                batch = new DiaryBatch();
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            DiaryTotals.Add(batch);
            yield return batch;
        }
    }

    /// <summary>One organisation's diary, drawn from its own random stream.</summary>
    private sealed class OrganisationDiary
    {
        private readonly RegionGenerator _g;
        private readonly Organisation _organisation;
        private readonly AcademicYear _year;
        private readonly List<StudyPeriod> _periods;
        private readonly DiaryBatch _batch;
        private readonly Random _random;
        private readonly bool _college;
        private readonly List<Employee> _teachers;
        private readonly Dictionary<string, Subject> _subjects = [];
        private readonly Dictionary<int, SubjectInfo> _infoById = [];
        private readonly Dictionary<string, int> _workKinds;
        private readonly Dictionary<string, int> _weights;
        private readonly TimeOnly[] _bellEnds;
        private readonly Dictionary<int, List<TimetableSlot>[]> _weekOf = [];

        public OrganisationDiary(RegionGenerator g, Organisation organisation, AcademicYear year, List<StudyPeriod> periods, List<Employee> staff, DiaryBatch batch)
        {
            _g = g;
            _organisation = organisation;
            _year = year;
            _periods = periods;
            _batch = batch;
            _college = organisation.Kind == OrganisationKind.College;
            _random = new Random(unchecked((g._seed * 1_000_003) + (organisation.Id * 7_919) + 101));
            _teachers = staff.Where(e => e.Position.StartsWith("Учитель", StringComparison.Ordinal) || e.Position.StartsWith("Преподаватель", StringComparison.Ordinal)
                || e.Position.StartsWith("Мастер", StringComparison.Ordinal)).ToList();
            if (_teachers.Count == 0)
                _teachers = staff;

            var kinds = WorkKind.Defaults(organisation.Id);
            foreach (var kind in kinds)
                kind.Id = ++g._workKindId;
            batch.WorkKinds.AddRange(kinds);
            _workKinds = kinds.ToDictionary(k => k.Name, k => k.Id);
            _weights = kinds.ToDictionary(k => k.Name, k => k.Weight);

            var bells = _college ? CollegeBells : SchoolBells;
            foreach (var bell in BellSchedule.Create(organisation.Id, [.. bells.Select(b => (new TimeOnly(b.H1, b.M1), new TimeOnly(b.H2, b.M2)))]))
            {
                bell.Id = ++g._bellId;
                batch.Bells.Add(bell);
            }

            _bellEnds = [.. bells.Select(b => new TimeOnly(b.H2, b.M2))];
        }

        private (string Subject, int Hours)[] PlanOf(ClassGroup cls) => _college ? CollegePlans[Math.Clamp(cls.Grade, 1, 4)] : SchoolPlans[Math.Clamp(cls.Grade, 1, 11)];

        /// <summary>Subjects, assignments and the weekly timetable of every class.</summary>
        public void Structure(List<ClassGroup> classes)
        {
            var used = classes.SelectMany(c => PlanOf(c).Select(p => p.Subject)).ToHashSet();
            foreach (var info in SubjectCatalogue.Where(s => used.Contains(s.Name)))
            {
                var subject = Subject.Create(_organisation.Id, info.Name, info.ShortName, info.Kind);
                subject.Id = ++_g._subjectId;
                _subjects[info.Name] = subject;
                _infoById[subject.Id] = info;
                _batch.Subjects.Add(subject);
            }

            var byHint = new Dictionary<string, List<Employee>>();
            for (var i = 0; i < classes.Count; i++)
            {
                var cls = classes[i];
                var teacherOf = AssignTeachers(cls, i, byHint);
                BuildWeek(cls, i, teacherOf);
                _batch.Versions.Add(new ClassJournalVersion { ClassGroupId = cls.Id, Version = 1 });
            }
        }

        private Dictionary<string, int> AssignTeachers(ClassGroup cls, int index, Dictionary<string, List<Employee>> byHint)
        {
            var plan = PlanOf(cls);
            var classTeacher = cls.ClassTeacherId is { } id ? _teachers.FirstOrDefault(t => t.Id == id) : null;
            var teacherOf = new Dictionary<string, int>();
            var isDemoClass = _g._region.Cast.GymnasiumId == _organisation.Id && cls.Grade == 5 && cls.Name == "5А";
            foreach (var (name, _) in plan)
            {
                var info = SubjectsByName[name];
                Employee? teacher = null;
                if (classTeacher is not null)
                {
                    // The class teacher teaches the class: in primary school everything but languages, music and sport; later their own
                    // subject, or Russian and literature (the demo teacher of 5А does exactly that).
                    var primary = !_college && cls.Grade <= 4 && info.Group is not (SubjectGroup.Foreign or SubjectGroup.Sport) && name != "Музыка";
                    var own = info.TeacherHint.Length > 0 && classTeacher.Position.Contains(info.TeacherHint, StringComparison.Ordinal);
                    var demo = isDemoClass && name is "Русский язык" or "Литература";
                    if (primary || (own && !isDemoClass) || demo)
                        teacher = classTeacher;
                }

                if (teacher is null)
                {
                    if (!byHint.TryGetValue(info.TeacherHint, out var candidates))
                    {
                        candidates = info.TeacherHint.Length == 0 ? [] : _teachers.Where(t => t.Position.Contains(info.TeacherHint, StringComparison.Ordinal)).ToList();
                        byHint[info.TeacherHint] = candidates;
                    }

                    teacher = candidates.Count > 0
                        ? candidates[index % candidates.Count]
                        : _teachers[(index + (name.Length * 7)) % _teachers.Count];
                    if (isDemoClass && teacher == classTeacher)
                        teacher = _teachers.First(t => t != classTeacher); // the demo teacher keeps to Russian and literature in 5А
                }

                teacherOf[name] = teacher.Id;
            }

            // Whoever else was picked, the class teacher teaches at least one subject of the class.
            if (classTeacher is not null && !teacherOf.ContainsValue(classTeacher.Id))
                teacherOf[plan[0].Subject] = classTeacher.Id;
            foreach (var (name, employeeId) in teacherOf)
            {
                _batch.Assignments.Add(new TeachingAssignment
                {
                    Id = ++_g._assignmentId, OrganisationId = _organisation.Id, AcademicYearId = _year.Id, ClassGroupId = cls.Id, SubjectId = _subjects[name].Id, EmployeeId = employeeId,
                });
            }

            return teacherOf;
        }

        /// <summary>Spreads the weekly hours over five days: each subject on different days while it can, the load even.</summary>
        private void BuildWeek(ClassGroup cls, int index, Dictionary<string, int> teacherOf)
        {
            var plan = PlanOf(cls);
            var days = new List<string>[SchoolWeekDays];
            for (var d = 0; d < SchoolWeekDays; d++)
                days[d] = [];
            foreach (var (name, hours) in plan.OrderByDescending(p => p.Hours))
            {
                for (var h = 0; h < hours; h++)
                {
                    var best = -1;
                    var start = _random.Next(SchoolWeekDays);
                    for (var k = 0; k < SchoolWeekDays; k++)
                    {
                        var d = (start + k) % SchoolWeekDays;
                        var repeats = days[d].Count(s => s == name);
                        if (best < 0 || (repeats, days[d].Count).CompareTo((days[best].Count(s => s == name), days[best].Count)) < 0)
                            best = d;
                    }

                    days[best].Add(name);
                }
            }

            var homeRoom = _college ? (100 + (index % 60)).ToString(System.Globalization.CultureInfo.InvariantCulture) : (10 + (index % 40)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var week = new List<TimetableSlot>[SchoolWeekDays];
            for (var d = 0; d < SchoolWeekDays; d++)
            {
                // The lessons of a day in a shuffled order, but a doubled subject (труд, практика) as two lessons in a row.
                var lessons = days[d].Distinct().OrderBy(_ => _random.Next()).SelectMany(s => days[d].Where(x => x == s)).ToList();
                week[d] = [];
                for (var n = 0; n < lessons.Count; n++)
                {
                    var name = lessons[n];
                    var slot = new TimetableSlot
                    {
                        Id = ++_g._slotId, OrganisationId = _organisation.Id, AcademicYearId = _year.Id, ClassGroupId = cls.Id, Day = Timetable.SchoolDays[d],
                        LessonNumber = n + 1, SubjectId = _subjects[name].Id, EmployeeId = teacherOf[name],
                        Room = SubjectsByName[name].Group == SubjectGroup.Sport ? "спортзал" : homeRoom, ValidFrom = _year.StartsOn, ValidTo = _year.EndsOn,
                    };
                    week[d].Add(slot);
                    _batch.Slots.Add(slot);
                }
            }

            _weekOf[cls.Id] = week;
        }

        private bool IsStudyDay(DateOnly day) =>
            day.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Friday && !AcademicCalendar.IsDayOff(day)
            && _periods.Exists(p => p.StartsOn <= day && day <= p.EndsOn);

        /// <summary>A term of the class's journal up to today.</summary>
        public void Journal(ClassGroup cls, int[] students, DateOnly today)
        {
            var current = _periods.LastOrDefault(p => p.StartsOn <= today);
            if (current is null || students.Length == 0)
                return;
            var previous = _periods.LastOrDefault(p => p.Number < current.Number);
            var from = (previous ?? current).StartsOn;
            var to = today < _year.EndsOn ? today : _year.EndsOn;
            var week = _weekOf[cls.Id];
            var marked = _college || cls.Grade >= 2; // the 1st grade learns without marks
            var homework = _college || cls.Grade >= 2; // and without homework (СанПиН)

            // Each student's level (marks centre on it) and the days they are away ill or for a reason.
            var level = students.Select(_ => _random.Next(100) switch { < 30 => 4.6, < 75 => 4.0, < 95 => 3.4, _ => 2.9 }).ToArray();
            var days = new List<DateOnly>();
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (IsStudyDay(day))
                    days.Add(day);
            }

            var away = new AttendanceCode?[students.Length, days.Count];
            for (var s = 0; s < students.Length; s++)
            {
                for (var d = 0; d < days.Count; d++)
                {
                    if (_random.Next(1000) >= 12)
                        continue;
                    var code = _random.Next(100) switch { < 60 => AttendanceCode.Ill, < 85 => AttendanceCode.Excused, < 97 => AttendanceCode.Absent, _ => AttendanceCode.Truant };
                    var length = code == AttendanceCode.Ill ? _random.Next(2, 7) : 1;
                    for (var k = d; k < Math.Min(days.Count, d + length); k++)
                        away[s, k] = code;
                    d += length;
                }
            }

            var firstMark = _batch.Marks.Count;
            var taught = new Dictionary<int, int>();
            var present = new List<int>(students.Length);
            for (var d = 0; d < days.Count; d++)
            {
                var date = days[d];
                var dayUtc = RegionTime.ToUtc(date.ToDateTime(TimeOnly.MinValue));
                foreach (var slot in week[(int)date.DayOfWeek - 1])
                {
                    var info = _infoById[slot.SubjectId];
                    var held = dayUtc.Add(_bellEnds[slot.LessonNumber - 1].ToTimeSpan());
                    var number = taught[slot.SubjectId] = taught.GetValueOrDefault(slot.SubjectId) + 1;
                    var topics = TopicsByGroup[info.Group];
                    var lesson = new Lesson
                    {
                        Id = ++_g._lessonId, OrganisationId = _organisation.Id, AcademicYearId = _year.Id, ClassGroupId = cls.Id, Date = date, Number = slot.LessonNumber,
                        SubjectId = slot.SubjectId, EmployeeId = slot.EmployeeId, UpdatedAt = held, UpdatedByAccountId = GeneratedByAccountId,
                    };
                    lesson.SetTopic(topics[(number - 1) % topics.Length]);
                    _batch.Lessons.Add(lesson);

                    if (homework && info.Group is not (SubjectGroup.Sport or SubjectGroup.Arts) && _random.Next(100) < 85 && NextLessonOf(week, slot.SubjectId, date) is { } due)
                    {
                        var work = new Homework
                        {
                            Id = ++_g._homeworkId, LessonId = lesson.Id, ClassGroupId = cls.Id, SubjectId = slot.SubjectId, SetOn = date, CreatedAt = held, UpdatedAt = held,
                            UpdatedByAccountId = GeneratedByAccountId,
                        };
                        work.Set(HomeworkText(info.Group), due);
                        _batch.Homework.Add(work);
                    }

                    present.Clear();
                    for (var s = 0; s < students.Length; s++)
                    {
                        var code = away[s, d];
                        if (code is null && _random.Next(1000) < 4)
                            code = _random.Next(2) == 0 ? AttendanceCode.Late : AttendanceCode.Absent; // late or away for one lesson
                        if (code is { } c)
                        {
                            _batch.Attendance.Add(new LessonAttendance
                            {
                                Id = ++_g._attendanceId, LessonId = lesson.Id, ClassGroupId = cls.Id, SubjectId = slot.SubjectId, Date = date, StudentPersonId = students[s],
                                Code = c, UpdatedAt = held, UpdatedByAccountId = GeneratedByAccountId,
                            });
                        }

                        if (code is null or AttendanceCode.Late)
                            present.Add(s);
                    }

                    if (marked && present.Count > 0)
                        AddMarks(lesson, info, number, held, students, level, present);
                    if (_random.Next(400) == 0 && present.Count > 0)
                    {
                        _batch.Comments.Add(new LessonComment
                        {
                            Id = ++_g._commentId, LessonId = lesson.Id, ClassGroupId = cls.Id, SubjectId = slot.SubjectId, Date = date,
                            StudentPersonId = students[present[_random.Next(present.Count)]], Text = CommentTexts[_random.Next(CommentTexts.Length)],
                            UpdatedAt = held, UpdatedByAccountId = GeneratedByAccountId,
                        });
                    }
                }
            }

            if (marked)
                AddPeriodMarks(cls, from, today, firstMark);
        }

        /// <summary>The next day the class has the subject (after the given date, inside the year), when homework is due.</summary>
        private DateOnly? NextLessonOf(List<TimetableSlot>[] week, int subjectId, DateOnly date)
        {
            for (var day = date.AddDays(1); day <= date.AddDays(30) && day <= _year.EndsOn; day = day.AddDays(1))
            {
                if (day.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Friday && week[(int)day.DayOfWeek - 1].Exists(s => s.SubjectId == subjectId) && IsStudyDay(day))
                    return day;
            }

            return null;
        }

        private string HomeworkText(SubjectGroup group) => group switch
        {
            SubjectGroup.Language => $"Упр. {_random.Next(1, 400)}, с. {_random.Next(5, 250)}.",
            SubjectGroup.Literature => $"Прочитать с. {_random.Next(5, 200)}–{_random.Next(201, 260)}, ответить на вопросы.",
            SubjectGroup.Maths => $"№ {_random.Next(1, 300)}, {_random.Next(301, 600)}, {_random.Next(601, 900)}.",
            SubjectGroup.Foreign => $"Ex. {_random.Next(1, 12)}, p. {_random.Next(5, 150)}; выучить новые слова.",
            SubjectGroup.Professional => "Подготовить конспект по теме занятия.",
            SubjectGroup.Practice => "Подготовить материалы к следующему уроку.",
            _ => $"§ {_random.Next(1, 40)}, вопросы в конце параграфа.",
        };

        /// <summary>
        /// Three to six students answer (a whole-class test now and then in the main subjects); marks lean to 4 and 5 around each
        /// student's level. Every mark gets its history row (given: old value empty), and a few are corrected later.
        /// </summary>
        private void AddMarks(Lesson lesson, SubjectInfo info, int number, DateTime held, int[] students, double[] level, List<int> present)
        {
            var passFail = info.Kind == ResultKind.PassFail;
            var test = !passFail && number % 12 == 0 && info.Group is SubjectGroup.Language or SubjectGroup.Maths;
            var kind = test ? "Контрольная работа" : info.Group switch
            {
                _ when passFail => _random.Next(3) == 0 ? "Проект" : "Практическая работа",
                SubjectGroup.Language when _random.Next(6) == 0 => "Диктант",
                SubjectGroup.Science or SubjectGroup.Practice or SubjectGroup.Professional when _random.Next(4) == 0 => "Практическая работа",
                _ => _random.Next(10) switch { < 6 => "Ответ на уроке", < 8 => "Самостоятельная работа", _ => "Домашняя работа" },
            };
            var count = test ? present.Count : Math.Min(present.Count, passFail ? _random.Next(0, 4) : _random.Next(3, 7));
            // A partial shuffle picks the students who get a mark.
            for (var i = 0; i < count; i++)
            {
                var j = i + _random.Next(present.Count - i);
                (present[i], present[j]) = (present[j], present[i]);
                var s = present[i];
                var value = passFail
                    ? (_random.Next(100) < 94 ? MarkValue.Pass : MarkValue.Fail)
                    : (MarkValue)Math.Clamp((int)Math.Round(level[s] + ((_random.NextDouble() + _random.NextDouble() - 1) * 1.4)), 2, 5);
                if (value == MarkValue.Two && _random.Next(40) == 0)
                    value = MarkValue.One;
                var given = held.AddMinutes(_random.Next(0, 240));
                var mark = new Mark
                {
                    Id = ++_g._markId, LessonId = lesson.Id, ClassGroupId = lesson.ClassGroupId, SubjectId = lesson.SubjectId, Date = lesson.Date, StudentPersonId = students[s],
                    WorkKindId = _workKinds[kind], Weight = _weights[kind], Value = value, CreatedAt = given, CreatedByAccountId = GeneratedByAccountId,
                };
                _batch.Marks.Add(mark);
                _batch.MarkChanges.Add(new MarkChange
                {
                    Id = ++_g._markChangeId, MarkId = mark.Id, StudentPersonId = mark.StudentPersonId, SubjectId = mark.SubjectId, NewValue = value, ChangedAt = given,
                    ChangedByAccountId = GeneratedByAccountId,
                });
                if (!passFail && value <= MarkValue.Three && _random.Next(60) == 0)
                {
                    // A test rewritten or a typo corrected: the history shows old → new.
                    var corrected = value + 1;
                    mark.Value = corrected;
                    mark.ChangedAt = given.AddDays(_random.Next(1, 8));
                    _batch.MarkChanges.Add(new MarkChange
                    {
                        Id = ++_g._markChangeId, MarkId = mark.Id, StudentPersonId = mark.StudentPersonId, SubjectId = mark.SubjectId, OldValue = value, NewValue = corrected,
                        Reason = _random.Next(2) == 0 ? "Работа переписана" : "Ошибка при вводе", ChangedAt = mark.ChangedAt.Value, ChangedByAccountId = GeneratedByAccountId,
                    });
                }
            }
        }

        /// <summary>For every period that has ended inside the journal: the rounded weighted average (or зачёт) of each student in each subject.</summary>
        private void AddPeriodMarks(ClassGroup cls, DateOnly from, DateOnly today, int firstMark)
        {
            foreach (var period in _periods.Where(p => p.StartsOn >= from && p.EndsOn < today))
            {
                var setAt = RegionTime.ToUtc(period.EndsOn.ToDateTime(new TimeOnly(16, 0)));
                var groups = new Dictionary<(int Student, int Subject), List<(MarkValue, int)>>();
                for (var i = firstMark; i < _batch.Marks.Count; i++)
                {
                    var m = _batch.Marks[i];
                    if (m.Date < period.StartsOn || m.Date > period.EndsOn)
                        continue;
                    if (!groups.TryGetValue((m.StudentPersonId, m.SubjectId), out var list))
                        groups[(m.StudentPersonId, m.SubjectId)] = list = [];
                    list.Add((m.Value, m.Weight));
                }

                foreach (var ((student, subjectId), marks) in groups.OrderBy(g => g.Key))
                {
                    MarkValue value;
                    if (marks.TrueForAll(m => m.Item1.Points() is null))
                        value = marks.Count(m => m.Item1 == MarkValue.Pass) * 2 >= marks.Count ? MarkValue.Pass : MarkValue.Fail;
                    else if (MarkAverages.Summarise(marks).Suggested is { } suggested)
                        value = (MarkValue)suggested;
                    else
                        continue;
                    _batch.PeriodMarks.Add(new PeriodMark
                    {
                        Id = ++_g._periodMarkId, OrganisationId = _organisation.Id, AcademicYearId = _year.Id, ClassGroupId = cls.Id, SubjectId = subjectId,
                        StudentPersonId = student, PeriodNumber = period.Number, Value = value, SetAt = setAt, SetByAccountId = GeneratedByAccountId,
                    });
                }
            }
        }
    }
}
