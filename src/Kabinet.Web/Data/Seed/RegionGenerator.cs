using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;

namespace Kabinet.Web.Data.Seed;

/// <summary>The people the demo accounts belong to, picked out of the generated region.</summary>
internal sealed record DemoCast(
    int KemerovoId, int GymnasiumId, int ParentPersonId, int StudentPersonId, int TeacherPersonId,
    int OrganisationAdminPersonId, int OperatorPersonId, int RegionalAdminPersonId, int ToddlerPersonId = 0, int KindergartenId = 0,
    int CollegeId = 0, int CollegeAdminPersonId = 0,
    int AdditionalEducationId = 0, int AdditionalEducationAdminPersonId = 0, int FirstGraderPersonId = 0);

/// <summary>Everything the generator made, with ids assigned, ready for bulk insertion in this order.</summary>
internal sealed class GeneratedRegion
{
    public List<Municipality> Municipalities { get; } = [];
    public List<Person> People { get; } = [];
    public List<Organisation> Organisations { get; } = [];
    public List<AcademicYear> AcademicYears { get; } = [];
    public List<StudyPeriod> StudyPeriods { get; } = [];
    public List<Employee> Employees { get; } = [];
    public List<ClassGroup> ClassGroups { get; } = [];
    public List<KindergartenGroup> KindergartenGroups { get; } = [];
    public List<ClassMembership> ClassMemberships { get; } = [];
    public List<KindergartenPlacement> KindergartenPlacements { get; } = [];
    public List<FamilyLink> FamilyLinks { get; } = [];
    public List<Features.Kindergarten.Queue.QueueApplication> QueueApplications { get; } = [];
    public List<Features.Kindergarten.Queue.ApplicationChoice> ApplicationChoices { get; } = [];
    public List<Features.Kindergarten.Queue.StatusChange> StatusChanges { get; } = [];
    public DemoCast Cast { get; set; } = null!;

    /// <summary>The diary's totals, filled while the region scale's diary is inserted.</summary>
    public DiaryTotals? Diary { get; set; }
}

/// <summary>
/// Generates a plausible Kuzbass: organisations in every municipality, classes and groups, staff,
/// children with their families. The same seed and academic year always give the same region.
/// </summary>
internal sealed partial class RegionGenerator
{
    private static readonly string[] ClassLetters = ["А", "Б", "В", "Г"];
    private static readonly string[] RomanNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    private const string CertificateLetters = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ";

    private readonly SeedScale _scale;
    private readonly int _startYear;
    private readonly Random _random;
    private readonly GeneratedRegion _region = new();
    private readonly DateOnly _referenceDay;

    // Children before they get a family: birth date, sex, and where they study.
    private sealed class ChildSlot
    {
        public required DateOnly BirthDate { get; init; }
        public required Sex Sex { get; init; }
        public int? ClassGroupId { get; init; }
        public int? KindergartenGroupId { get; init; }
        public Person? Person { get; set; }
    }

    private readonly Dictionary<int, List<ChildSlot>> _childrenByMunicipality = [];

    public RegionGenerator(SeedScale scale, int seed, int academicStartYear)
    {
        _scale = scale;
        _startYear = academicStartYear;
        _seed = seed;
        _random = new Random(seed);
        _queueRandom = new Random(unchecked((seed * 7919) + 17));
        _referenceDay = new DateOnly(academicStartYear, 9, 1);
    }

    public GeneratedRegion Generate()
    {
        var infos = KuzbassReference.Municipalities;
        for (var i = 0; i < infos.Length; i++)
        {
            var m = infos[i];
            _region.Municipalities.Add(new Municipality
            {
                Id = i + 1, Name = m.Name, Centre = m.Centre, Kind = m.Kind, Latitude = m.Latitude, Longitude = m.Longitude, SortOrder = i + 1,
            });
        }

        var kindergartens = Distribute(_scale.Kindergartens, infos, minimum: 1, eligible: _ => true);
        var schools = Distribute(_scale.Schools, infos, minimum: 1, eligible: _ => true);
        var colleges = Distribute(_scale.Colleges, infos, minimum: 0, eligible: m => m.PopulationThousands >= 40);
        var additional = Distribute(_scale.AdditionalEducation, infos, minimum: 0, eligible: m => m.PopulationThousands >= 20);

        for (var i = 0; i < infos.Length; i++)
        {
            var municipalityId = i + 1;
            _childrenByMunicipality[municipalityId] = [];
            AddSchools(municipalityId, infos[i], schools[i]);
            AddKindergartens(municipalityId, infos[i], kindergartens[i]);
            AddColleges(municipalityId, infos[i], colleges[i]);
            AddAdditionalEducation(municipalityId, infos[i], additional[i]);
        }

        FitSchoolStudentsToScale();
        FitPreschoolChildrenToScale();
        var cast = PickShowcaseFamily();
        foreach (var children in _childrenByMunicipality.Values)
            FormFamilies(children);

        // The admissions office of a college in Кемерово (its head) runs the demo college admission.
        var college = _region.Organisations.FirstOrDefault(o => o.MunicipalityId == cast.KemerovoId && o.Kind == OrganisationKind.College);
        _region.Cast = cast with
        {
            OperatorPersonId = NewAdult(Sex.Female, _startYear - 47).Id,
            RegionalAdminPersonId = NewAdult(Sex.Male, _startYear - 51).Id,
            CollegeId = college?.Id ?? 0,
            CollegeAdminPersonId = college is null ? 0 : _region.Employees.First(e => e.OrganisationId == college.Id).PersonId,
        };
        AddQueueApplications();
        AddDemoFirstGrader();
        return _region;
    }

    /// <summary>
    /// The demo family's youngest school-to-be: 7 years 2 months on 1 September of the next school year, so the demo
    /// parent can apply to the 1st grade. Made last and without the random stream, so nothing else in the region moves.
    /// </summary>
    private void AddDemoFirstGrader()
    {
        var cast = _region.Cast;
        var mother = _region.People[cast.ParentPersonId - 1];
        var links = _region.FamilyLinks.Where(l => l.ChildId == cast.StudentPersonId).ToList();
        var father = links.Where(l => l.Relation == FamilyRelation.Father).Select(l => _region.People[l.GuardianId - 1].FirstName).FirstOrDefault() ?? "Сергей";
        var child = new Person
        {
            Id = _region.People.Count + 1, LastName = mother.LastName, FirstName = "Алиса", MiddleName = RussianNames.Patronymic(father, Sex.Female),
            BirthDate = new DateOnly(_startYear + 1, 9, 1).AddYears(-7).AddMonths(-2), Sex = Sex.Female,
        };
        _region.People.Add(child);
        foreach (var link in links)
            _region.FamilyLinks.Add(new FamilyLink { Id = _region.FamilyLinks.Count + 1, GuardianId = link.GuardianId, ChildId = child.Id, Relation = link.Relation });
        _region.Cast = cast with { FirstGraderPersonId = child.Id };
    }

    // ---------- organisations ----------

    private void AddSchools(int municipalityId, KuzbassReference.MunicipalityInfo info, int count)
    {
        var number = 0;
        for (var n = 0; n < count; n++)
        {
            number += info.IsCity ? 1 + (_random.Next(4) == 0 ? _random.Next(1, 4) : 0) : 1;
            var (shortType, fullType, basic) = n == 0 && municipalityId == 1
                ? ("Гимназия", "Гимназия", false)
                : _random.Next(100) switch
                {
                    < 68 => ("СОШ", "Средняя общеобразовательная школа", false),
                    < 78 => ("Гимназия", "Гимназия", false),
                    < 86 => ("Лицей", "Лицей", false),
                    < 93 => ("ООШ", "Основная общеобразовательная школа", true),
                    _ => ("СОШ", "Средняя общеобразовательная школа", false),
                };
            var deepening = !basic && shortType == "СОШ" && _random.Next(12) == 0;
            var owner = shortType == "Лицей" ? ("МАОУ", "Муниципальное автономное общеобразовательное учреждение") : ("МБОУ", "Муниципальное бюджетное общеобразовательное учреждение");
            var name = $"{fullType} № {number}{(deepening ? " с углублённым изучением отдельных предметов" : "")}";
            var school = NewOrganisation(municipalityId, info, OrganisationKind.School,
                $"{owner.Item1} «{shortType} № {number}{(deepening ? " с УИОП" : "")}»", $"{owner.Item2} «{name}»",
                $"school{number}", "Директор");

            var periodKind = _random.Next(100) switch { < 80 => StudyPeriodKind.Quarters, < 95 => StudyPeriodKind.Trimesters, _ => StudyPeriodKind.Halves };
            var year = NewAcademicYear(school.Id, periodKind, AcademicCalendar.SchoolYearEnd(_startYear));

            var parallels = info.IsCity ? Math.Min(_scale.MaxParallels, 1 + _random.Next(_scale.MaxParallels)) : 1;
            var lastGrade = basic ? 9 : 11;
            var teachers = new List<Employee>();
            var teacherCount = Math.Max(6, (int)(parallels * lastGrade * 1.5));
            for (var t = 0; t < teacherCount; t++)
            {
                var subject = KuzbassReference.SchoolSubjects[t % KuzbassReference.SchoolSubjects.Length];
                teachers.Add(NewEmployee(school.Id, $"Учитель {subject}", _random.Next(100) < 86 ? Sex.Female : Sex.Male));
            }

            NewEmployee(school.Id, "Заместитель директора по учебно-воспитательной работе", Sex.Female);
            if (parallels > 1)
                NewEmployee(school.Id, "Педагог-психолог", Sex.Female);

            var classIndex = 0;
            for (var grade = 1; grade <= lastGrade; grade++)
            {
                var gradeParallels = grade >= 10 ? Math.Max(1, parallels / 2) : parallels;
                for (var p = 0; p < gradeParallels; p++)
                {
                    var classGroup = NewClassGroup(year, grade, $"{grade}{ClassLetters[p]}", teachers[(classIndex++ * 7) % teachers.Count].Id);
                    var size = info.IsCity ? _random.Next(20, 31) : _random.Next(6, 17);
                    for (var s = 0; s < size; s++)
                        AddSchoolChild(municipalityId, classGroup.Id, grade);
                }
            }
        }
    }

    private void AddSchoolChild(int municipalityId, int classGroupId, int grade)
    {
        // Grade g in the academic year Y: born from 1 September (Y - 6 - g) to 31 August (Y - 5 - g).
        var from = new DateOnly(_startYear - 6 - grade, 9, 1);
        _childrenByMunicipality[municipalityId].Add(new ChildSlot
        {
            BirthDate = from.AddDays(_random.Next(365)),
            Sex = RandomSex(),
            ClassGroupId = classGroupId,
        });
    }

    private void AddKindergartens(int municipalityId, KuzbassReference.MunicipalityInfo info, int count)
    {
        var number = 0;
        for (var n = 0; n < count; n++)
        {
            number += info.IsCity ? 1 + _random.Next(3) : 1;
            var title = KuzbassReference.KindergartenNames[_random.Next(KuzbassReference.KindergartenNames.Length)];
            var (kindShort, kindFull) = _random.Next(10) switch
            {
                0 => ("Центр развития ребёнка — детский сад", "Центр развития ребёнка — детский сад"),
                1 => ("Детский сад комбинированного вида", "Детский сад комбинированного вида"),
                _ => ("Детский сад", "Детский сад"),
            };
            var kindergarten = NewOrganisation(municipalityId, info, OrganisationKind.Kindergarten,
                $"МБДОУ «{kindShort} № {number} «{title}»»",
                $"Муниципальное бюджетное дошкольное образовательное учреждение «{kindFull} № {number} «{title}»»",
                $"ds{number}", "Заведующий");

            var range = info.IsCity ? _scale.CityGroupsPerKindergarten : _scale.RuralGroupsPerKindergarten;
            var groupCount = _random.Next(range.Min, range.Max + 1);
            for (var g = 0; g < groupCount; g++)
            {
                var (from, to) = AgeBand(g, groupCount);
                var focus = _random.Next(100) switch { < 86 => GroupFocus.General, < 93 => GroupFocus.Compensating, < 97 => GroupFocus.Combined, _ => GroupFocus.Health };
                var mode = _random.Next(100) switch { < 92 => DailyMode.Full, < 96 => DailyMode.Reduced, < 98 => DailyMode.ShortStay, < 99 => DailyMode.Extended, _ => DailyMode.RoundTheClock };
                var capacity = focus == GroupFocus.Compensating ? _random.Next(10, 16) : from < 36 ? 15 : _random.Next(20, 26);
                var group = new KindergartenGroup
                {
                    Id = _region.KindergartenGroups.Count + 1,
                    OrganisationId = kindergarten.Id,
                    Name = $"{KuzbassReference.KindergartenGroupNames[g % KuzbassReference.KindergartenGroupNames.Length]}",
                    AgeFromMonths = from,
                    AgeToMonths = to,
                    Focus = focus,
                    Mode = mode,
                    Capacity = capacity,
                };
                _region.KindergartenGroups.Add(group);
                NewEmployee(kindergarten.Id, "Воспитатель", Sex.Female);
                if (_random.Next(2) == 0)
                    NewEmployee(kindergarten.Id, "Младший воспитатель", Sex.Female);

                var enrolled = capacity - _random.Next(0, 4);
                for (var c = 0; c < enrolled; c++)
                    AddPreschoolChild(municipalityId, group.Id, from, to);
            }

            NewEmployee(kindergarten.Id, "Старший воспитатель", Sex.Female);
            NewEmployee(kindergarten.Id, "Музыкальный руководитель", Sex.Female);
            if (groupCount > 4)
                NewEmployee(kindergarten.Id, "Учитель-логопед", Sex.Female);
        }
    }

    private void AddPreschoolChild(int municipalityId, int? groupId, int fromMonths, int toMonths)
    {
        // Age on 1 September of the academic year within the band, in days.
        var ageDays = _random.Next(fromMonths * 30 + 15, toMonths * 30 + 5);
        _childrenByMunicipality[municipalityId].Add(new ChildSlot
        {
            BirthDate = _referenceDay.AddDays(-ageDays),
            Sex = RandomSex(),
            KindergartenGroupId = groupId,
        });
    }

    private void AddColleges(int municipalityId, KuzbassReference.MunicipalityInfo info, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var profiles = KuzbassReference.CollegeProfiles;
            var profile = profiles[(municipalityId * 3 + n) % profiles.Length];
            var title = profile.Type.Length == 0
                ? $"{info.Adjective} {profile.Field}"
                : $"{info.Adjective} {profile.Field} {profile.Type}";
            if (n >= profiles.Length)
                title += $" № {(n / profiles.Length) + 1}"; // a big city has two colleges of the same profile
            var college = NewOrganisation(municipalityId, info, OrganisationKind.College,
                $"ГПОУ «{title}»", $"Государственное профессиональное образовательное учреждение «{title}»",
                $"college{municipalityId}-{n + 1}", "Директор");
            var year = NewAcademicYear(college.Id, StudyPeriodKind.Semesters, AcademicCalendar.CollegeYearEnd(_startYear));
            var teachers = Enumerable.Range(0, 8 + _random.Next(12))
                .Select(i => NewEmployee(college.Id, i % 4 == 3 ? "Мастер производственного обучения" : "Преподаватель", _random.Next(100) < 70 ? Sex.Female : Sex.Male))
                .ToList();
            NewEmployee(college.Id, "Заместитель директора по учебной работе", Sex.Female);

            var index = 0;
            foreach (var (code, speciality, abbreviation) in profile.Specialities)
            {
                for (var course = 1; course <= 4; course++)
                {
                    var admitted = (_startYear - course + 1) % 100;
                    var group = NewClassGroup(year, course, $"{abbreviation}-{admitted:00}", teachers[index++ % teachers.Count].Id, $"{code} {speciality}");
                    var size = _scale == SeedScale.Demo ? _random.Next(10, 16) : _random.Next(18, 26);
                    for (var s = 0; s < size; s++)
                    {
                        // After the 9th grade: 15–16 on admission.
                        var from = new DateOnly(_startYear - 16 - (course - 1), 1, 1);
                        var birth = from.AddDays(_random.Next(-120, 365));
                        if (birth.AddYears(18) > _referenceDay)
                        {
                            _childrenByMunicipality[municipalityId].Add(new ChildSlot { BirthDate = birth, Sex = RandomSex(), ClassGroupId = group.Id });
                        }
                        else
                        {
                            var adult = NewPerson(RandomSex(), birth, surname: null, fatherName: null);
                            _region.ClassMemberships.Add(new ClassMembership { Id = _region.ClassMemberships.Count + 1, ClassGroupId = group.Id, PersonId = adult.Id, Since = new DateOnly(_startYear - course + 1, 9, 1) });
                        }
                    }
                }
            }
        }
    }

    private void AddAdditionalEducation(int municipalityId, KuzbassReference.MunicipalityInfo info, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var (shortName, fullName) = KuzbassReference.AdditionalEducationNames[n % KuzbassReference.AdditionalEducationNames.Length];
            var suffix = n >= KuzbassReference.AdditionalEducationNames.Length ? $" № {n / KuzbassReference.AdditionalEducationNames.Length + 1}" : "";
            var organisation = NewOrganisation(municipalityId, info, OrganisationKind.AdditionalEducation,
                $"МБУ ДО «{shortName}{suffix}»", $"Муниципальное бюджетное учреждение дополнительного образования «{fullName}{suffix}»",
                $"dop{n + 1}", "Директор");
            for (var t = 0; t < 4 + _random.Next(10); t++)
                NewEmployee(organisation.Id, shortName.Contains("спортивная", StringComparison.Ordinal) ? "Тренер-преподаватель" : "Педагог дополнительного образования", _random.Next(100) < 75 ? Sex.Female : Sex.Male);
        }
    }

    private Organisation NewOrganisation(int municipalityId, KuzbassReference.MunicipalityInfo info, OrganisationKind kind,
        string shortName, string fullName, string mailbox, string headPosition)
    {
        var settlementIndex = info.IsCity && info.Settlements.Length == 1 ? 0 : _random.Next(info.Settlements.Length);
        var settlement = info.Settlements[settlementIndex];
        var (lat, lon) = (info.Latitude, info.Longitude);
        if (settlementIndex > 0 || !info.IsCity)
        {
            // Villages lie around the district centre, each in its own direction.
            var angle = (settlementIndex + 1) * 2.1;
            lat += Math.Sin(angle) * 0.15;
            lon += Math.Cos(angle) * 0.25;
        }

        var spread = info.PopulationThousands > 150 ? 0.06 : 0.02;
        var slug = Transliterate(info.Centre);
        var organisation = new Organisation
        {
            Id = _region.Organisations.Count + 1,
            MunicipalityId = municipalityId,
            Kind = kind,
            Phone = Phone(info.PhoneCode),
            Email = $"{mailbox}@{slug}.edu.example",
            Website = $"https://{mailbox}.{slug}.edu.example",
            HeadPosition = headPosition,
        };
        organisation.Rename(fullName, shortName);
        organisation.Relocate(
            $"{info.PostcodePrefix}{_random.Next(1000):000}, Кемеровская область — Кузбасс, " +
            $"{(info.IsCity ? "" : info.Name + ", ")}{settlement}, {KuzbassReference.Streets[_random.Next(KuzbassReference.Streets.Length)]}, д. {_random.Next(1, 120)}",
            Math.Round(lat + ((_random.NextDouble() * 2) - 1) * spread, 5),
            Math.Round(lon + ((_random.NextDouble() * 2) - 1) * spread * 1.6, 5));
        _region.Organisations.Add(organisation);

        var head = NewEmployee(organisation.Id, headPosition, _random.Next(100) < 75 ? Sex.Female : Sex.Male);
        organisation.HeadName = _region.People[head.PersonId - 1].FullName;
        return organisation;
    }

    private AcademicYear NewAcademicYear(int organisationId, StudyPeriodKind kind, DateOnly endsOn)
    {
        var year = new AcademicYear
        {
            Id = _region.AcademicYears.Count + 1,
            OrganisationId = organisationId,
            StartYear = _startYear,
            StartsOn = AcademicCalendar.SchoolYearStart(_startYear),
            EndsOn = endsOn,
            PeriodKind = kind,
        };
        _region.AcademicYears.Add(year);
        var number = 1;
        foreach (var (startsOn, periodEnd) in AcademicCalendar.Periods(_startYear, kind))
        {
            _region.StudyPeriods.Add(new StudyPeriod
            {
                Id = _region.StudyPeriods.Count + 1, AcademicYearId = year.Id, Number = number++, StartsOn = startsOn, EndsOn = periodEnd, Kind = kind,
            });
        }

        return year;
    }

    private ClassGroup NewClassGroup(AcademicYear year, int grade, string name, int classTeacherId, string? speciality = null)
    {
        var group = new ClassGroup
        {
            Id = _region.ClassGroups.Count + 1,
            OrganisationId = year.OrganisationId,
            AcademicYearId = year.Id,
            Grade = grade,
            Name = name,
            Speciality = speciality,
            ClassTeacherId = classTeacherId,
        };
        _region.ClassGroups.Add(group);
        return group;
    }

    private Employee NewEmployee(int organisationId, string position, Sex sex)
    {
        var person = NewAdult(sex, _startYear - _random.Next(23, 64));
        var employee = new Employee { Id = _region.Employees.Count + 1, OrganisationId = organisationId, PersonId = person.Id, Position = position };
        _region.Employees.Add(employee);
        return employee;
    }

    // ---------- children and families ----------

    /// <summary>School classes got random sizes; scale them so the region has the requested number of students.</summary>
    private void FitSchoolStudentsToScale()
    {
        var schoolClassIds = _region.ClassGroups.Where(c => _region.Organisations[c.OrganisationId - 1].Kind == OrganisationKind.School).Select(c => c.Id).ToHashSet();
        var schoolChildren = _childrenByMunicipality.Values.SelectMany(l => l).Count(c => c.ClassGroupId is { } id && schoolClassIds.Contains(id));
        var target = _scale.SchoolStudents;
        if (schoolChildren > target)
        {
            // Remove children evenly from every class (demo scale), never below 4 per class.
            var keepRatio = (double)target / schoolChildren;
            foreach (var (municipalityId, list) in _childrenByMunicipality)
            {
                var byClass = list.Where(c => c.ClassGroupId is { } id && schoolClassIds.Contains(id)).GroupBy(c => c.ClassGroupId!.Value);
                var remove = new HashSet<ChildSlot>();
                foreach (var cls in byClass)
                {
                    var keep = Math.Max(4, (int)Math.Round(cls.Count() * keepRatio));
                    foreach (var extra in cls.Skip(keep))
                        remove.Add(extra);
                }

                list.RemoveAll(remove.Contains);
            }
        }

        var slots = _childrenByMunicipality.Values.SelectMany(l => l).Where(c => c.ClassGroupId is { } id && schoolClassIds.Contains(id)).ToList();
        schoolChildren = slots.Count;
        while (schoolChildren > target)
        {
            // Rounding left a few too many: drop them from random classes.
            var slot = slots[_random.Next(slots.Count)];
            if (_childrenByMunicipality.Values.Any(list => list.Remove(slot)))
            {
                slots.Remove(slot);
                schoolChildren--;
            }
        }

        var classes = _region.ClassGroups.Where(c => schoolClassIds.Contains(c.Id)).ToList();
        while (schoolChildren < target)
        {
            var cls = classes[_random.Next(classes.Count)];
            AddSchoolChild(_region.Organisations[cls.OrganisationId - 1].MunicipalityId, cls.Id, cls.Grade);
            schoolChildren++;
        }
    }

    /// <summary>Beside the children in groups, the region has younger or waiting children at home.</summary>
    private void FitPreschoolChildrenToScale()
    {
        var preschool = _childrenByMunicipality.Values.SelectMany(l => l).Count(c => c.KindergartenGroupId is not null);
        var municipalities = KuzbassReference.Municipalities;
        var totalPopulation = municipalities.Sum(m => m.PopulationThousands);
        var missing = Math.Max(_scale.PreschoolChildren - preschool, _scale.PreschoolChildren / 10);
        for (var i = 0; i < municipalities.Length && missing > 0; i++)
        {
            var share = (int)Math.Ceiling((double)missing * municipalities[i].PopulationThousands / totalPopulation);
            for (var c = 0; c < share; c++)
                AddPreschoolChild(i + 1, groupId: null, fromMonths: 2, toMonths: 84);
        }
    }

    /// <summary>
    /// The demo parent's family in Кемерово: a child in 5А of «Гимназия № 1» and a younger child in a
    /// group of the first kindergarten. The demo teacher is 5А's class teacher, the demo administrator
    /// the gymnasium's director.
    /// </summary>
    private DemoCast PickShowcaseFamily()
    {
        const int kemerovoId = 1;
        var gymnasium = _region.Organisations.First(o => o.MunicipalityId == kemerovoId && o.Kind == OrganisationKind.School);
        var fifthGrade = _region.ClassGroups.First(c => c.OrganisationId == gymnasium.Id && c.Grade == 5);
        var kindergarten = _region.Organisations.First(o => o.MunicipalityId == kemerovoId && o.Kind == OrganisationKind.Kindergarten);
        var kemerovoChildren = _childrenByMunicipality[kemerovoId];
        var student = kemerovoChildren.First(c => c.ClassGroupId == fifthGrade.Id);
        var groupIds = _region.KindergartenGroups.Where(g => g.OrganisationId == kindergarten.Id && g.AgeFromMonths >= 36).Select(g => g.Id).ToHashSet();
        var preschooler = kemerovoChildren.First(c => c.KindergartenGroupId is { } id && groupIds.Contains(id));
        // A toddler at home, waiting in the queue of the kindergarten the sibling attends.
        var toddler = kemerovoChildren.First(c => c.KindergartenGroupId is null && c.ClassGroupId is null
            && c.BirthDate < _referenceDay.AddMonths(-14) && c.BirthDate > _referenceDay.AddMonths(-30));
        kemerovoChildren.Remove(student);
        kemerovoChildren.Remove(preschooler);
        kemerovoChildren.Remove(toddler);

        var family = NewParents(student.BirthDate, forceBoth: true);
        NameChild(student, family);
        NameChild(preschooler, family);
        NameChild(toddler, family);
        _demoToddler = toddler;

        var head = _region.Employees.First(e => e.OrganisationId == gymnasium.Id);
        var teacher = _region.Employees.First(e => e.Id == fifthGrade.ClassTeacherId);
        // The additional-education centre of Кемерово whose head is demo.dop (ПФДО programmes and enrolments).
        var additional = _region.Organisations.First(o => o.MunicipalityId == kemerovoId && o.Kind == OrganisationKind.AdditionalEducation);
        var additionalHead = _region.Employees.First(e => e.OrganisationId == additional.Id);
        return new DemoCast(kemerovoId, gymnasium.Id, ParentPersonId: family.Mother!.Id, StudentPersonId: student.Person!.Id,
            TeacherPersonId: teacher.PersonId, OrganisationAdminPersonId: head.PersonId, OperatorPersonId: 0, RegionalAdminPersonId: 0,
            ToddlerPersonId: toddler.Person!.Id, KindergartenId: kindergarten.Id,
            AdditionalEducationId: additional.Id, AdditionalEducationAdminPersonId: additionalHead.PersonId);
    }

    private sealed record Parents(string Surname, Person? Father, Person? Mother);

    private void FormFamilies(List<ChildSlot> children)
    {
        Shuffle(children);
        var i = 0;
        while (i < children.Count)
        {
            var size = _random.Next(100) switch { < 50 => 1, < 88 => 2, < 98 => 3, _ => 4 };
            size = Math.Min(size, children.Count - i);
            var members = children.GetRange(i, size);
            i += size;
            var parents = NewParents(members.Min(c => c.BirthDate), forceBoth: false);
            foreach (var child in members)
                NameChild(child, parents);
        }
    }

    private Parents NewParents(DateOnly eldestChildBirth, bool forceBoth)
    {
        var surname = RussianNames.Surname(_random);
        var roll = _random.Next(100);
        var hasFather = forceBoth || roll < 88;
        var hasMother = forceBoth || roll >= 4;
        var father = hasFather ? NewPerson(Sex.Male, eldestChildBirth.AddYears(-_random.Next(22, 38)).AddDays(-_random.Next(365)), surname, fatherName: null) : null;
        var mother = hasMother ? NewPerson(Sex.Female, eldestChildBirth.AddYears(-_random.Next(20, 35)).AddDays(-_random.Next(365)), surname, fatherName: null) : null;
        return new Parents(surname, father, mother);
    }

    private void NameChild(ChildSlot slot, Parents parents)
    {
        var person = NewPerson(slot.Sex, slot.BirthDate, parents.Surname, parents.Father?.FirstName, isChild: true);
        // The school's record of the child holds the birth certificate, as real student records do.
        person.DocumentKind = DocumentKind.BirthCertificate;
        person.DocumentSeries = $"{RomanNumerals[_random.Next(RomanNumerals.Length)]}-{CertificateLetters[_random.Next(CertificateLetters.Length)]}{CertificateLetters[_random.Next(CertificateLetters.Length)]}";
        person.DocumentNumber = _random.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        slot.Person = person;
        if (parents.Father is { } father)
            _region.FamilyLinks.Add(new FamilyLink { Id = _region.FamilyLinks.Count + 1, GuardianId = father.Id, ChildId = person.Id, Relation = FamilyRelation.Father });
        if (parents.Mother is { } mother)
            _region.FamilyLinks.Add(new FamilyLink { Id = _region.FamilyLinks.Count + 1, GuardianId = mother.Id, ChildId = person.Id, Relation = FamilyRelation.Mother });

        if (slot.ClassGroupId is { } classId)
        {
            _region.ClassMemberships.Add(new ClassMembership
            {
                Id = _region.ClassMemberships.Count + 1, ClassGroupId = classId, PersonId = person.Id, Since = new DateOnly(_startYear, 9, 1),
            });
        }
        else if (slot.KindergartenGroupId is { } groupId)
        {
            _region.KindergartenPlacements.Add(new KindergartenPlacement
            {
                Id = _region.KindergartenPlacements.Count + 1, KindergartenGroupId = groupId, PersonId = person.Id, Since = new DateOnly(_startYear, 9, 1),
            });
        }
    }

    private Person NewAdult(Sex sex, int birthYear) =>
        NewPerson(sex, new DateOnly(birthYear, 1, 1).AddDays(_random.Next(365)), surname: null, fatherName: null);

    private Person NewPerson(Sex sex, DateOnly birthDate, string? surname, string? fatherName, bool isChild = false)
    {
        var masculine = surname ?? RussianNames.Surname(_random);
        var person = new Person
        {
            Id = _region.People.Count + 1,
            LastName = RussianNames.SurnameFor(masculine, sex),
            FirstName = isChild ? RussianNames.ChildFirstName(_random, sex) : RussianNames.AdultFirstName(_random, sex),
            MiddleName = RussianNames.Patronymic(fatherName ?? RussianNames.AnyFatherName(_random), sex),
            BirthDate = birthDate,
            Sex = sex,
        };
        _region.People.Add(person);
        return person;
    }

    // ---------- helpers ----------

    /// <summary>Small gardens run mixed-age groups (2–4, 4–7 years); larger ones a group per year of life, then repeat them.</summary>
    private static (int From, int To) AgeBand(int index, int groupCount)
    {
        (int, int)[] mixed = [(24, 48), (48, 84), (18, 36)];
        (int, int)[] yearly = [(18, 24), (24, 36), (36, 48), (48, 60), (60, 72), (72, 84)];
        if (groupCount <= 3)
            return mixed[index];
        return index < yearly.Length ? yearly[index] : yearly[1 + ((index - yearly.Length) % (yearly.Length - 1))];
    }

    private Sex RandomSex() => _random.Next(2) == 0 ? Sex.Female : Sex.Male;

    private string Phone(string code)
    {
        var digits = 10 - code.Length;
        var local = _random.Next((int)Math.Pow(10, digits - 1) * 2, (int)Math.Pow(10, digits)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var formatted = digits == 6 ? $"{local[..2]}-{local[2..4]}-{local[4..]}" : $"{local[..1]}-{local[1..3]}-{local[3..]}";
        return $"+7 ({code}) {formatted}";
    }

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>Splits a total between municipalities in proportion to population (largest remainder), with a minimum for each eligible one.</summary>
    private static int[] Distribute(int total, KuzbassReference.MunicipalityInfo[] infos, int minimum, Func<KuzbassReference.MunicipalityInfo, bool> eligible)
    {
        var result = new int[infos.Length];
        var eligibleIdx = Enumerable.Range(0, infos.Length).Where(i => eligible(infos[i])).ToList();
        foreach (var i in eligibleIdx)
            result[i] = minimum;
        var rest = total - (minimum * eligibleIdx.Count);
        if (rest <= 0)
            return result;
        var population = eligibleIdx.Sum(i => infos[i].PopulationThousands);
        var shares = eligibleIdx.Select(i => (i, exact: (double)rest * infos[i].PopulationThousands / population)).ToList();
        foreach (var (i, exact) in shares)
            result[i] += (int)exact;
        var remaining = total - result.Sum();
        foreach (var (i, _) in shares.OrderByDescending(s => s.exact - Math.Floor(s.exact)).ThenBy(s => s.i).Take(remaining))
            result[i]++;
        return result;
    }

    private static string Transliterate(string text)
    {
        var map = new Dictionary<char, string>
        {
            ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh", ['з'] = "z", ['и'] = "i",
            ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t",
            ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "sch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "",
            ['э'] = "e", ['ю'] = "yu", ['я'] = "ya", ['-'] = "-", [' '] = "-",
        };
        return string.Concat(text.ToLowerInvariant().Select(c => map.TryGetValue(c, out var s) ? s : ""));
    }
}
