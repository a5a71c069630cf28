using System.Diagnostics;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Data.Seed;

/// <summary>A demo account: who it is for, its login and password (documented in the README).</summary>
internal sealed record DemoAccount(PortalRole Role, string Login, int PersonId, int? OrganisationId = null, int? MunicipalityId = null);

/// <summary>Loads a generated region into an empty database, then creates one demo account per role.</summary>
internal sealed class Seeder(KabinetDbContext db, UserManager<Account> users, TimeProvider time, ILogger<Seeder> log)
{
    /// <summary>The password of every demo account. Demo data is for trying Kabinet, never for production.</summary>
    public const string DemoPassword = "Kuzbass-demo-2026";

    public async Task RunCommandAsync(KabinetCommand command, TextWriter output, CancellationToken ct)
    {
        if (command.Reset)
        {
            output.WriteLine("Удаляю базу данных и создаю её заново…");
            await db.Database.EnsureDeletedAsync(ct);
        }

        await db.Database.MigrateAsync(ct);
        if (await db.Municipalities.AnyAsync(ct))
        {
            throw new ConfigurationProblemException(
                "база данных уже содержит данные; чтобы заменить их сгенерированными, добавьте --reset (все данные будут удалены).");
        }

        var stopwatch = Stopwatch.StartNew();
        var region = await SeedAsync(SeedScale.Parse(command.Scale), command.Seed, ct);
        output.WriteLine(
            $"Загружен регион «{command.Scale}» (seed {command.Seed}) за {stopwatch.Elapsed.TotalSeconds:0.0} с: " +
            $"муниципалитетов {region.Municipalities.Count}, организаций {region.Organisations.Count} " +
            $"(детских садов {region.Organisations.Count(o => o.Kind == OrganisationKind.Kindergarten)}, школ {region.Organisations.Count(o => o.Kind == OrganisationKind.School)}, " +
            $"колледжей {region.Organisations.Count(o => o.Kind == OrganisationKind.College)}, доп. образования {region.Organisations.Count(o => o.Kind == OrganisationKind.AdditionalEducation)}), " +
            $"людей {region.People.Count}, классов и групп {region.ClassGroups.Count}, групп ДОУ {region.KindergartenGroups.Count}, " +
            $"обучающихся {region.ClassMemberships.Count}, воспитанников ДОУ {region.KindergartenPlacements.Count}, " +
            $"заявлений в детские сады {region.QueueApplications.Count} (в очереди {region.QueueApplications.Count(a => a.Status == Features.Kindergarten.Queue.ApplicationStatus.Waiting)})" +
            (region.Diary is { } d
                ? $"; дневник: школ и колледжей {d.Organisations} (с журналом {d.Journals}), предметов {d.Subjects}, уроков в расписании {d.Slots}, " +
                  $"проведённых уроков {d.Lessons}, домашних заданий {d.Homework}, отметок {d.Marks} (записей истории {d.MarkChanges}), " +
                  $"отметок об отсутствии {d.Attendance}, комментариев {d.Comments}, отметок за период {d.PeriodMarks}."
                : "."));
    }

    /// <summary>
    /// Generates and loads a region. At the region scale every school and college also gets its diary and a term of journal
    /// (<paramref name="diary"/> lets a test take a sample of them); the demo scale gets the demo gymnasium's structure.
    /// </summary>
    public async Task<GeneratedRegion> SeedAsync(SeedScale scale, int seed, CancellationToken ct, RegionDiaryOptions? diary = null)
    {
        var today = time.Today();
        var startYear = AcademicCalendar.StartYearOf(today);
        var stopwatch = Stopwatch.StartNew();
        var generator = new RegionGenerator(scale, seed, startYear);
        var region = generator.Generate();
        log.LogInformation("Generated the {Scale} region for {StartYear}/{EndYear} in {Elapsed} ms", scale.Name, startYear, startYear + 1, stopwatch.ElapsedMilliseconds);

        var bulk = new BulkInserter(db);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await bulk.InsertAsync(region.Municipalities, ct);
            await bulk.InsertAsync(region.People, ct);
            await bulk.InsertAsync(region.Organisations, ct);
            await bulk.InsertAsync(region.AcademicYears, ct);
            await bulk.InsertAsync(region.StudyPeriods, ct);
            await bulk.InsertAsync(region.Employees, ct);
            await bulk.InsertAsync(region.ClassGroups, ct);
            await bulk.InsertAsync(region.KindergartenGroups, ct);
            await bulk.InsertAsync(region.ClassMemberships, ct);
            await bulk.InsertAsync(region.KindergartenPlacements, ct);
            await bulk.InsertAsync(region.FamilyLinks, ct);
            await bulk.InsertAsync(region.QueueApplications, ct);
            await bulk.InsertAsync(region.ApplicationChoices, ct);
            await bulk.InsertAsync(region.StatusChanges, ct);
            await bulk.ResetIdentityAsync<Municipality>(ct);
            await bulk.ResetIdentityAsync<Person>(ct);
            await bulk.ResetIdentityAsync<Organisation>(ct);
            await bulk.ResetIdentityAsync<AcademicYear>(ct);
            await bulk.ResetIdentityAsync<StudyPeriod>(ct);
            await bulk.ResetIdentityAsync<Employee>(ct);
            await bulk.ResetIdentityAsync<ClassGroup>(ct);
            await bulk.ResetIdentityAsync<KindergartenGroup>(ct);
            await bulk.ResetIdentityAsync<ClassMembership>(ct);
            await bulk.ResetIdentityAsync<KindergartenPlacement>(ct);
            await bulk.ResetIdentityAsync<FamilyLink>(ct);
            await bulk.ResetIdentityAsync<Features.Kindergarten.Queue.QueueApplication>(ct);
            await bulk.ResetIdentityAsync<Features.Kindergarten.Queue.ApplicationChoice>(ct);
            await bulk.ResetIdentityAsync<Features.Kindergarten.Queue.StatusChange>(ct);

            db.FaqEntries.AddRange(FaqStarterSet.Create(time.GetUtcNow().UtcDateTime));
            if (scale == SeedScale.Region)
            {
                diary ??= RegionDiaryOptions.Full;
                region.Diary = generator.DiaryTotals;
                if (db.Database.IsSqlite())
                    await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -1048576", ct); // 1 GiB of pages for this connection: the journal's indexes stay in memory
                var indexes = await bulk.DropIndexesAsync(JournalTables, ct);
                // The next batch is generated on another core while this one is inserted; two waiting batches bound the memory.
                var batches = System.Threading.Channels.Channel.CreateBounded<DiaryBatch>(2);
                var producer = Task.Run(async () =>
                {
                    try
                    {
                        foreach (var batch in generator.Diary(today, diary))
                            await batches.Writer.WriteAsync(batch, ct);
                        batches.Writer.Complete();
                    }
                    catch (Exception e)
                    {
                        batches.Writer.Complete(e);
                    }
                }, ct);
                await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                    await InsertDiaryAsync(bulk, batch, ct);
                await producer;
                log.LogInformation("Inserted the journal's rows at {Elapsed} ms; building its indexes", stopwatch.ElapsedMilliseconds);
                await bulk.RecreateIndexesAsync(indexes, ct);
                await ResetDiaryIdentitiesAsync(bulk, ct);
                log.LogInformation("Inserted the diary ({Lessons} lessons, {Marks} marks) at {Elapsed} ms", region.Diary.Lessons, region.Diary.Marks, stopwatch.ElapsedMilliseconds);
            }
            else
            {
                await DiaryDemo.AddAsync(db, region, ct);
            }

            await MessagesDemo.AddAsync(db, region, time, ct);
            await CollegeAdmissionDemo.AddAsync(db, region, time, ct);
            await AdditionalEducationDemo.AddAsync(db, region, time, ct);
            await EnrollmentDemo.AddAsync(db, region, time, ct);
            await db.SaveChangesAsync(ct);

            // In the same transaction: a region is never left without its demo accounts.
            foreach (var account in DemoAccounts(region.Cast))
                await CreateDemoAccountAsync(account, ct);
            await ApplicationsDemo.AddAsync(db, region, time, ct);
            if (scale != SeedScale.Region)
            {
                // The region generates every class's journal, the demo class's included.
                var journal = Stopwatch.StartNew();
                await DiaryDemo.AddJournalAsync(db, region, time.Today(), ct);
                log.LogInformation("Added the demo class journal in {Elapsed} ms", journal.ElapsedMilliseconds);
            }
            else
            {
                foreach (var account in BenchParents(region).Concat(DiaryBenchParents(region, generator.JournalOrganisations(diary!))))
                    await CreateDemoAccountAsync(account, ct);
            }
            await transaction.CommitAsync(ct);
        });
        log.LogInformation("Inserted {People} people and {Organisations} organisations in {Elapsed} ms", region.People.Count, region.Organisations.Count, stopwatch.ElapsedMilliseconds);

        // Fresh statistics, so the planner knows the tables are no longer empty (SQLite samples each index instead of reading it whole).
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA analysis_limit = 1000; ANALYZE;" : "ANALYZE;", ct);
        return region;
    }

    public static IReadOnlyList<DemoAccount> DemoAccounts(DemoCast cast) =>
    [
        new(PortalRole.Parent, "demo.roditel", cast.ParentPersonId),
        new(PortalRole.Student, "demo.uchenik", cast.StudentPersonId, OrganisationId: cast.GymnasiumId),
        new(PortalRole.Teacher, "demo.uchitel", cast.TeacherPersonId, OrganisationId: cast.GymnasiumId),
        new(PortalRole.OrganisationAdmin, "demo.admin", cast.OrganisationAdminPersonId, OrganisationId: cast.GymnasiumId),
        new(PortalRole.MunicipalOperator, "demo.operator", cast.OperatorPersonId, MunicipalityId: cast.KemerovoId),
        new(PortalRole.RegionalAdmin, "demo.region", cast.RegionalAdminPersonId),
        .. cast.CollegeId == 0 ? [] : new DemoAccount[] { new(PortalRole.OrganisationAdmin, "demo.college", cast.CollegeAdminPersonId, OrganisationId: cast.CollegeId) },
        .. cast.AdditionalEducationId == 0 ? [] : new DemoAccount[] { new(PortalRole.OrganisationAdmin, "demo.dop", cast.AdditionalEducationAdminPersonId, OrganisationId: cast.AdditionalEducationId) },
    ];

    /// <summary>How many parents of waiting children the region gets for load tests (bench/run.sh signs them all in).</summary>
    public const int BenchParentCount = 50;

    /// <summary>
    /// Parents for load tests on the region: bench.roditel.01 … 50, each a legal representative of a child waiting in
    /// the queue, spread evenly over the waiting applications (so over municipalities, kindergartens and age groups).
    /// They share the demo password; the region scale exists for benchmarks, never for production.
    /// </summary>
    private static IEnumerable<DemoAccount> BenchParents(GeneratedRegion region)
    {
        var guardians = region.FamilyLinks.Where(l => l.GuardianId != region.Cast.ParentPersonId).ToLookup(l => l.ChildId, l => l.GuardianId);
        var waiting = region.QueueApplications.Where(a => a.Status == Features.Kindergarten.Queue.ApplicationStatus.Waiting && guardians.Contains(a.ChildPersonId))
            .OrderBy(a => a.Id).ToList();
        var step = Math.Max(1, waiting.Count / BenchParentCount);
        return waiting.Where((_, i) => i % step == 0).Select(a => guardians[a.ChildPersonId].First()).Distinct().Take(BenchParentCount)
            .Select((guardian, i) => new DemoAccount(PortalRole.Parent, $"bench.roditel.{i + 1:00}", guardian));
    }

    /// <summary>
    /// Parents for the diary benchmark: bench.dnevnik.01 … 50, each a legal representative of a student (2nd grade or later,
    /// so the diary has marks) of a different school with a journal, the schools taken in turn from every municipality.
    /// </summary>
    private static IEnumerable<DemoAccount> DiaryBenchParents(GeneratedRegion region, IReadOnlySet<int> journals)
    {
        var schools = region.Organisations.Where(o => o.Kind == OrganisationKind.School && journals.Contains(o.Id) && o.Id != region.Cast.GymnasiumId)
            .GroupBy(o => o.MunicipalityId).OrderBy(g => g.Key).Select(g => g.OrderBy(o => o.Id).ToList()).ToList();
        var spread = new List<Organisation>();
        for (var round = 0; spread.Count < BenchParentCount && schools.Exists(s => s.Count > round); round++)
            spread.AddRange(schools.Where(s => s.Count > round).Select(s => s[round]));

        var classes = region.ClassGroups.Where(c => c.Grade >= 2).ToLookup(c => c.OrganisationId);
        var students = region.ClassMemberships.ToLookup(m => m.ClassGroupId, m => m.PersonId);
        var guardians = region.FamilyLinks.ToLookup(l => l.ChildId, l => l.GuardianId);
        var taken = new HashSet<int> { region.Cast.ParentPersonId };
        var n = 0;
        // A sampled region (tests) has fewer schools with a journal than parents: then the schools take turns again.
        for (var i = 0; n < BenchParentCount && i < BenchParentCount * 4 && spread.Count > 0; i++)
        {
            var school = spread[i % spread.Count];
            var schoolClasses = classes[school.Id].OrderBy(c => c.Id).ToList();
            var guardian = schoolClasses.Skip(n % Math.Max(1, schoolClasses.Count)).Concat(schoolClasses)
                .SelectMany(c => students[c.Id].Order()).SelectMany(child => guardians[child]).FirstOrDefault(taken.Add);
            if (guardian != 0)
                yield return new DemoAccount(PortalRole.Parent, $"bench.dnevnik.{++n:00}", guardian);
        }
    }

    // The tables with millions of rows: their indexes are built once after loading.
    private static readonly Type[] JournalTables =
    [
        typeof(Features.Diary.Lesson), typeof(Features.Diary.Homework), typeof(Features.Diary.Mark), typeof(Features.Diary.MarkChange),
        typeof(Features.Diary.LessonAttendance), typeof(Features.Diary.LessonComment), typeof(Features.Diary.PeriodMark),
    ];

    private static async Task InsertDiaryAsync(BulkInserter bulk, DiaryBatch batch, CancellationToken ct)
    {
        await bulk.InsertAsync(batch.Subjects, ct);
        await bulk.InsertAsync(batch.WorkKinds, ct);
        await bulk.InsertAsync(batch.Bells, ct);
        await bulk.InsertAsync(batch.Assignments, ct);
        await bulk.InsertAsync(batch.Slots, ct);
        await bulk.InsertAsync(batch.Versions, ct);
        await bulk.InsertAsync(batch.Lessons, ct);
        await bulk.InsertAsync(batch.Homework, ct);
        await bulk.InsertAsync(batch.Marks, ct);
        await bulk.InsertAsync(batch.MarkChanges, ct);
        await bulk.InsertAsync(batch.Attendance, ct);
        await bulk.InsertAsync(batch.Comments, ct);
        await bulk.InsertAsync(batch.PeriodMarks, ct);
    }

    private static async Task ResetDiaryIdentitiesAsync(BulkInserter bulk, CancellationToken ct)
    {
        await bulk.ResetIdentityAsync<Features.Diary.Subject>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.WorkKind>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.Bell>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.TeachingAssignment>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.TimetableSlot>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.Lesson>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.Homework>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.Mark>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.MarkChange>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.LessonAttendance>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.LessonComment>(ct);
        await bulk.ResetIdentityAsync<Features.Diary.PeriodMark>(ct);
    }

    private async Task CreateDemoAccountAsync(DemoAccount demo, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var account = new Account
        {
            UserName = demo.Login,
            Email = $"{demo.Login}@kabinet.example",
            EmailConfirmed = true,
            PersonId = demo.PersonId,
            CreatedAt = now,
        };
        var result = await users.CreateAsync(account, DemoPassword);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {demo.Login}: {string.Join("; ", result.Errors.Select(e => e.Description))}");

        db.RoleGrants.Add(RoleGrant.Create(account.Id, demo.Role, now, demo.OrganisationId, demo.MunicipalityId));
        await db.SaveChangesAsync(ct);
    }
}
