using System.Security.Cryptography;
using System.Text;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Data;

public sealed class SeedTests(DemoApp demo)
{
    [Fact]
    public void The_same_seed_generates_the_same_region_and_another_seed_a_different_one()
    {
        var first = Fingerprint(new RegionGenerator(SeedScale.Demo, 42, 2026).Generate());
        var again = Fingerprint(new RegionGenerator(SeedScale.Demo, 42, 2026).Generate());
        var other = Fingerprint(new RegionGenerator(SeedScale.Demo, 43, 2026).Generate());

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task The_seeded_database_holds_exactly_what_the_generator_made()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var startYear = AcademicCalendar.StartYearOf(scope.ServiceProvider.GetRequiredService<TimeProvider>().Today());
        var generated = new RegionGenerator(SeedScale.Demo, SeedScale.DefaultSeed, startYear).Generate();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();

        var stored = new StringBuilder();
        foreach (var p in await db.People.OrderBy(p => p.Id).ToListAsync())
            stored.Append(p.Id).Append(p.FullName).Append(p.BirthDate!.Value.DayNumber).Append(p.Sex).Append('|');
        foreach (var o in await db.Organisations.OrderBy(o => o.Id).ToListAsync())
            stored.Append(o.Id).Append(o.FullName).Append(o.Address).Append(o.MunicipalityId).Append('|');
        Assert.Equal(Fingerprint(generated), Hash(stored.ToString()));
    }

    [Fact]
    public void Demo_covers_every_municipality_and_several_organisations_of_each_kind_in_large_cities()
    {
        var region = new RegionGenerator(SeedScale.Demo, 42, 2026).Generate();

        Assert.Equal(34, region.Municipalities.Count);
        Assert.All(region.Municipalities, m =>
        {
            Assert.Contains(region.Organisations, o => o.MunicipalityId == m.Id && o.Kind == OrganisationKind.School);
            Assert.Contains(region.Organisations, o => o.MunicipalityId == m.Id && o.Kind == OrganisationKind.Kindergarten);
        });
        foreach (var city in new[] { "Кемеровский городской округ", "Новокузнецкий городской округ" })
        {
            var id = region.Municipalities.Single(m => m.Name == city).Id;
            Assert.True(region.Organisations.Count(o => o.MunicipalityId == id && o.Kind == OrganisationKind.School) >= 3, city);
            Assert.True(region.Organisations.Count(o => o.MunicipalityId == id && o.Kind == OrganisationKind.Kindergarten) >= 3, city);
            Assert.Contains(region.Organisations, o => o.MunicipalityId == id && o.Kind == OrganisationKind.College);
        }
    }

    [Fact]
    public void Generated_families_are_consistent()
    {
        var region = new RegionGenerator(SeedScale.Demo, 7, 2026).Generate();
        var people = region.People.ToDictionary(p => p.Id);

        Assert.All(region.FamilyLinks, link =>
        {
            var (guardian, child) = (people[link.GuardianId], people[link.ChildId]);
            Assert.True(guardian.BirthDate!.Value.AddYears(18) < child.BirthDate, $"{guardian.FullName} is too young for {child.FullName}");
            if (link.Relation == Kabinet.Web.Features.Families.FamilyRelation.Father)
                Assert.Equal(RussianNames.Patronymic(guardian.FirstName, child.Sex!.Value), child.MiddleName);
        });
        var schoolStudents = region.ClassMemberships.Count(m => region.Organisations[region.ClassGroups[m.ClassGroupId - 1].OrganisationId - 1].Kind == OrganisationKind.School);
        Assert.Equal(SeedScale.Demo.SchoolStudents, schoolStudents);
    }

    [Fact]
    public async Task Region_seed_reaches_regional_volumes()
    {
        await using var app = new KabinetApp(new Dictionary<string, string?> { ["Database:SeedDemoOnEmpty"] = "false" });
        await app.InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();

        // How long it takes is a benchmark (bench/seed.sh), not a test: every 40th school and college gets its term of journal here,
        // all of them get the diary's structure (RegionDiaryTests check the journal itself on the demo-sized region).
        var diary = new RegionDiaryOptions(JournalEvery: 40);
        var region = await seeder.SeedAsync(SeedScale.Region, SeedScale.DefaultSeed, TestContext.Current.CancellationToken, diary);

        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        Assert.True(await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Kindergarten) >= 700);
        Assert.True(await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.School) >= 550);
        Assert.True(await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.College) >= 60);
        var schoolStudents = await db.ClassMemberships
            .Join(db.ClassGroups, m => m.ClassGroupId, c => c.Id, (m, c) => c.OrganisationId)
            .Join(db.Organisations, id => id, o => o.Id, (_, o) => o.Kind)
            .CountAsync(kind => kind == OrganisationKind.School);
        Assert.True(schoolStudents >= 300_000, $"{schoolStudents} school students");

        // Preschool children: under 7 on 1 September and not at school.
        var cutoff = new DateOnly(AcademicCalendar.StartYearOf(scope.ServiceProvider.GetRequiredService<TimeProvider>().Today()) - 7, 9, 1);
        var preschool = await db.People.CountAsync(p => p.BirthDate > cutoff && !db.ClassMemberships.Any(m => m.PersonId == p.Id));
        Assert.True(preschool >= 100_000, $"{preschool} preschool children");

        // The demo accounts exist on the region too, so the big database can be tried by hand.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Kabinet.Web.Features.Accounts.Account>>();
        Assert.NotNull(await users.FindByNameAsync("demo.roditel"));

        // Every class and group of a school or college has a timetable; the sampled ones have a term of journal.
        var classes = await db.ClassGroups.Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => o.Kind)
            .CountAsync(kind => kind == OrganisationKind.School || kind == OrganisationKind.College);
        Assert.Equal(classes, await db.TimetableSlots.Select(s => s.ClassGroupId).Distinct().CountAsync());
        Assert.Equal(classes, await db.ClassJournalVersions.CountAsync());
        Assert.Equal(region.Diary!.Lessons, await db.Lessons.LongCountAsync());
        Assert.Equal(region.Diary.Marks, await db.Marks.LongCountAsync());
        Assert.Equal(region.Diary.Marks, await db.MarkChanges.LongCountAsync(c => c.OldValue == null));
        Assert.True(region.Diary.Lessons > 50_000, $"{region.Diary.Lessons} lessons");

        // 50 parents for the diary benchmark, each of a student of a different school that has a journal.
        var journals = await db.Lessons.Select(l => l.OrganisationId).Distinct().ToListAsync();
        var schools = new HashSet<int>();
        for (var n = 1; n <= Seeder.BenchParentCount; n++)
        {
            var account = await users.FindByNameAsync($"bench.dnevnik.{n:00}");
            Assert.NotNull(account);
            // Their children's schools (a sibling may study elsewhere): one of them has a journal.
            var childSchools = await db.FamilyLinks.Where(l => l.GuardianId == account.PersonId)
                .Join(db.ClassMemberships, l => l.ChildId, m => m.PersonId, (l, m) => m.ClassGroupId)
                .Join(db.ClassGroups, id => id, c => c.Id, (_, c) => c.OrganisationId).ToListAsync();
            var school = Assert.Single(childSchools.Intersect(journals).Take(1));
            schools.Add(school);
        }

        Assert.True(schools.Count >= 10, $"{schools.Count} schools");
    }

    private static string Fingerprint(GeneratedRegion region)
    {
        var text = new StringBuilder();
        foreach (var p in region.People)
            text.Append(p.Id).Append(p.FullName).Append(p.BirthDate!.Value.DayNumber).Append(p.Sex).Append('|');
        foreach (var o in region.Organisations)
            text.Append(o.Id).Append(o.FullName).Append(o.Address).Append(o.MunicipalityId).Append('|');
        return Hash(text.ToString());
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
