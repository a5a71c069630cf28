using System.Globalization;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Enrollment;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Data.Seed;

/// <summary>
/// `Kabinet.Web bench enrollment-setup --Bench:Families=N --Bench:Plan=FILE`, for bench/enrollment.sh on a database
/// loaded with `seed --scale region`: gives N parents of children of 1st-grade age (for the coming school year)
/// accounts bench.zapis.00001 … (the demo password), spread over the municipalities; opens the 1st-grade windows of
/// that school year today in those municipalities, as their operators would; and writes the plan the load generator
/// follows: login, child, school year, the schools of the family's municipality (in an order of its own). Running it
/// again reuses the accounts.
/// </summary>
public sealed class EnrollmentBenchSetup : IBenchmarkCommand
{
    public const string LoginPrefix = "bench.zapis.";

    public string Name => "enrollment-setup";

    public async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var count = configuration.GetValue("Bench:Families", 3000);
        var planPath = configuration["Bench:Plan"] ?? throw new ConfigurationProblemException("Укажите файл плана: --Bench:Plan=путь.");
        var schoolsPerFamily = configuration.GetValue("Bench:SchoolsPerFamily", 40);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = time.Today();
        var schoolYear = today.Month >= 9 ? today.Year + 1 : today.Year;
        var september = new DateOnly(schoolYear, 9, 1);
        var (oldest, youngest) = (september.AddYears(-8), september.AddMonths(-78));

        // Schools by municipality; families taken in turn from every municipality that has schools.
        var schools = (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.School).Select(o => new { o.Id, o.MunicipalityId }).ToListAsync(ct))
            .GroupBy(o => o.MunicipalityId).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Select(o => o.Id).Order().ToArray());
        var candidates = await (
            from link in db.FamilyLinks.AsNoTracking()
            join child in db.People.AsNoTracking() on link.ChildId equals child.Id
            where child.BirthDate >= oldest && child.BirthDate <= youngest
            orderby link.ChildId
            select new { link.GuardianId, link.ChildId, Born = child.BirthDate!.Value })
            .ToListAsync(ct);
        var taken = await db.Users.AsNoTracking().Select(u => u.PersonId).ToListAsync(ct);
        var existing = await db.Users.AsNoTracking().Where(u => u.UserName!.StartsWith(LoginPrefix)).ToDictionaryAsync(u => u.PersonId, u => u.UserName!, ct);
        var busy = taken.ToHashSet();
        var municipalities = schools.Keys.ToArray();
        var families = candidates.Where(c => existing.ContainsKey(c.GuardianId) || !busy.Contains(c.GuardianId))
            .DistinctBy(c => c.GuardianId).DistinctBy(c => c.ChildId).Take(count).ToList();
        if (families.Count < count)
            output.WriteLine($"(only {families.Count} parents of children of 1st-grade age are available)");

        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Account>>().HashPassword(new Account(), Seeder.DemoPassword);
        var now = time.GetUtcNow().UtcDateTime;
        var lines = new List<string>(families.Count);
        var created = 0;
        var number = existing.Count;
        for (var i = 0; i < families.Count; i++)
        {
            var f = families[i];
            if (!existing.TryGetValue(f.GuardianId, out var login))
            {
                login = LoginPrefix + (++number).ToString("00000", CultureInfo.InvariantCulture);
                var account = new Account
                {
                    UserName = login, NormalizedUserName = normalizer.NormalizeName(login), Email = login + "@kabinet.example",
                    NormalizedEmail = normalizer.NormalizeEmail(login + "@kabinet.example"), EmailConfirmed = true, PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), PersonId = f.GuardianId, CreatedAt = now,
                };
                db.Users.Add(account);
                await db.SaveChangesAsync(ct);
                db.RoleGrants.Add(RoleGrant.Create(account.Id, PortalRole.Parent, now, null, null));
                if (++created % 500 == 0)
                {
                    // Tens of thousands of tracked accounts would make every save slower than the last.
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }

            var municipality = municipalities[i % municipalities.Length];
            var own = schools[municipality];
            var order = own.Skip(i % own.Length).Concat(own.Take(i % own.Length)).Take(schoolsPerFamily);
            lines.Add(string.Join('\t', login, f.ChildId.ToString(CultureInfo.InvariantCulture), schoolYear.ToString(CultureInfo.InvariantCulture),
                string.Join(',', order), f.Born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        await db.SaveChangesAsync(ct);

        // The windows open today: the children with rights and territory ones, and (from today too) everyone else.
        var opened = 0;
        foreach (var municipality in municipalities.Take(families.Count))
        {
            var campaign = await db.EnrollmentCampaigns.FirstOrDefaultAsync(c => c.MunicipalityId == municipality && c.StartYear == schoolYear, ct);
            if (campaign is null)
                db.Add(campaign = EnrollmentCampaign.WithDefaults(municipality, schoolYear));
            campaign.PriorityFrom = today.AddDays(-1);
            campaign.PriorityTo = today.AddDays(30);
            campaign.GeneralFrom = today;
            campaign.GeneralTo = today.AddDays(60);
            opened++;
        }

        await db.SaveChangesAsync(ct);
        await File.WriteAllLinesAsync(planPath, lines, ct);
        output.WriteLine($"Enrollment bench: {families.Count} families ({created} new accounts), the {schoolYear} 1st-grade windows open today in {opened} municipalities; plan: {planPath}");
    }
}

/// <summary>
/// `Kabinet.Web bench enrollment-check --Bench:Receipts=FILE`: every acknowledged application (id and number, one per
/// line, written by the load generator) is in the database with that number, and every campaign's numbers of every
/// kind run 1..N without gaps or repeats. Exits with an error otherwise.
/// </summary>
public sealed class EnrollmentBenchCheck : IBenchmarkCommand
{
    public string Name => "enrollment-check";

    public async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var path = services.GetRequiredService<IConfiguration>()["Bench:Receipts"] ?? throw new ConfigurationProblemException("Укажите файл квитанций: --Bench:Receipts=путь.");
        var receipts = File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(f => (Id: int.Parse(f[0], CultureInfo.InvariantCulture), Number: f[1])).ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var missing = 0;
        foreach (var chunk in receipts.Chunk(500))
        {
            var ids = chunk.Select(r => r.Id).ToList();
            var stored = await db.SchoolApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Number, ct);
            missing += chunk.Count(r => !stored.TryGetValue(r.Id, out var number) || number != r.Number);
        }

        var sequences = await db.SchoolApplications.AsNoTracking().GroupBy(a => new { a.CampaignId, a.Kind })
            .Select(g => new { g.Key.CampaignId, g.Key.Kind, Count = g.Count(), Distinct = g.Select(a => a.Sequence).Distinct().Count(), Min = g.Min(a => a.Sequence), Max = g.Max(a => a.Sequence) })
            .ToListAsync(ct);
        var gapped = sequences.Where(s => s.Min != 1 || s.Max != s.Count || s.Distinct != s.Count).ToList();
        var duplicates = await db.SchoolApplications.AsNoTracking().GroupBy(a => new { a.ChildPersonId, a.SchoolId, a.SchoolYear })
            .CountAsync(g => g.Count() > 1, ct);
        output.WriteLine($"check: {receipts.Count} acknowledged, {receipts.Count - missing} in the database with their numbers, {missing} missing; " +
            $"{sequences.Count} numbering sequences ({sequences.Sum(s => s.Count)} applications), {gapped.Count} with gaps or repeats; {duplicates} children with two applications to one school");
        foreach (var g in gapped.Take(5))
            output.WriteLine($"  campaign {g.CampaignId} {g.Kind}: {g.Count} applications, numbers {g.Min}..{g.Max}, {g.Distinct} distinct");
        if (missing > 0 || gapped.Count > 0 || duplicates > 0)
            throw new InvalidOperationException("Enrollment check failed: an acknowledged application is missing, or numbers have gaps or repeats.");
        output.WriteLine("check: OK");
    }
}
