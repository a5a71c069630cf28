using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Tests.Enrollment;

/// <summary>
/// The reduced crash test of bench/enrollment.sh: Kabinet runs as a real process on its own database; a family submits
/// to every school of its municipality at once and presses again with the same key until each is acknowledged, while
/// the process is killed with SIGKILL twice and restarted. Every acknowledged application is then in the database
/// exactly once, with the number it was acknowledged with, and the campaign's numbers run 1..N without gaps.
/// </summary>
public sealed partial class CrashTests
{
    [Fact]
    public async Task Applications_acknowledged_before_a_SIGKILL_are_kept_once_and_numbered_without_gaps()
    {
        await using var database = TestDatabase.Create();
        var settings = database.Settings.Select(s => $"--{s.Key}={s.Value}")
            .Concat(["--Logging:LogLevel:Default=Warning", "--Enrollment:SubmissionsPerMinute=1000"]).ToArray();
        Assert.Equal(0, await RunToEndAsync(["seed", "--scale", "demo", .. settings]));

        // The operator opens the 1st-grade windows today (as /enrollment/operator does), for the demo family's first-grader.
        int childId, schoolYear;
        DateOnly born;
        List<int> schools;
        await using (var db = database.CreateContext())
        {
            var today = TimeProvider.System.Today();
            schoolYear = AcademicCalendar.StartYearOf(today) + 1;
            var parent = await db.Users.Where(u => u.UserName == "demo.roditel").Select(u => u.PersonId).SingleAsync();
            var child = await db.FamilyLinks.Where(l => l.GuardianId == parent).Join(db.People.Where(p => p.FirstName == "Алиса"), l => l.ChildId, p => p.Id, (l, p) => new { p.Id, p.BirthDate })
                .SingleAsync();
            (childId, born) = (child.Id, child.BirthDate!.Value);
            var kemerovo = await db.Municipalities.Where(m => m.Name.StartsWith("Кемеровский городской")).Select(m => m.Id).SingleAsync();
            schools = await db.Organisations.Where(o => o.MunicipalityId == kemerovo && o.Kind == OrganisationKind.School).Select(o => o.Id).ToListAsync();
            var campaign = await db.EnrollmentCampaigns.SingleAsync(c => c.MunicipalityId == kemerovo && c.StartYear == schoolYear);
            (campaign.PriorityFrom, campaign.PriorityTo, campaign.GeneralFrom, campaign.GeneralTo) = (today.AddDays(-1), today.AddDays(30), today, today.AddDays(60));
            await db.SaveChangesAsync();
        }

        var port = FreePort();
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        var server = await StartAsync(settings, port, client);
        try
        {
            var cookie = await SignInAsync(client);
            var receipts = new Dictionary<int, (int Id, string Number)>();
            var submissions = schools.Select(school => Task.Run(async () =>
            {
                var key = Guid.NewGuid().ToString();
                var started = Stopwatch.StartNew();
                while (started.Elapsed < TimeSpan.FromMinutes(3))
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/school/applications") { Content = new StringContent(Body(childId, born, school, schoolYear), Encoding.UTF8, "application/json") };
                        request.Headers.Add("Cookie", cookie);
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await client.SendAsync(request);
                        var body = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            using var json = JsonDocument.Parse(body);
                            lock (receipts)
                                receipts[school] = (json.RootElement.GetProperty("id").GetInt32(), json.RootElement.GetProperty("number").GetString()!);
                            return;
                        }

                        Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}: {body}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The server is down: the family presses again with the same key.
                    }

                    await Task.Delay(100);
                }
            })).ToList();

            // Kill the server twice while submissions are under way, once some are acknowledged.
            for (var kill = 1; kill <= 2; kill++)
            {
                var deadline = Stopwatch.StartNew();
                while (receipts.Count < kill * schools.Count / 3 && deadline.Elapsed < TimeSpan.FromSeconds(60))
                    await Task.Delay(20);
                server.Kill();
                await server.WaitForExitAsync();
                server.Dispose();
                server = await StartAsync(settings, port, client);
            }

            await Task.WhenAll(submissions);
            Assert.Equal(schools.Count, receipts.Count);

            await using var db = database.CreateContext();
            var stored = await db.SchoolApplications.Where(a => a.ChildPersonId == childId).ToListAsync();
            Assert.Equal(schools.Order(), stored.Select(a => a.SchoolId).Order());
            Assert.All(receipts, r => Assert.Equal(r.Value.Number, stored.Single(a => a.Id == r.Value.Id).Number));
            var campaign = stored[0].CampaignId;
            var numbers = await db.SchoolApplications.Where(a => a.CampaignId == campaign && a.Kind == stored[0].Kind).Select(a => a.Sequence).OrderBy(n => n).ToListAsync();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
            server.Dispose();
        }
    }

    private static string Body(int childId, DateOnly born, int schoolId, int schoolYear) => JsonSerializer.Serialize(new
    {
        kind = "FirstGrade", childId, schoolId, schoolYear, right = "None", street = "ул. Весенняя", house = "10", adaptedProgramme = false, language = "русский",
        phone = "+7 900 000-00-00", birthCertificate = new { series = "I-ЛО", number = "123456", issuedOn = born.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        consentPersonalData = true, consentCharter = true,
    });

    /// <summary>The app's own build next to this test assembly, run as a separate process (Production, its own port).</summary>
    private static ProcessStartInfo Kabinet(IEnumerable<string> args)
    {
        var folder = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(folder, "Kabinet.Web.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return info;
    }

    private static async Task<int> RunToEndAsync(string[] args)
    {
        using var process = Process.Start(Kabinet(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await output + await errors);
        return process.ExitCode;
    }

    private static async Task<Process> StartAsync(string[] settings, int port, HttpClient client)
    {
        var process = Process.Start(Kabinet([.. settings, "--urls", $"http://127.0.0.1:{port}"]))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                    return process;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            Assert.False(process.HasExited, "Kabinet exited while starting");
            await Task.Delay(200);
        }

        throw new TimeoutException("Kabinet did not become ready in 90 s");
    }

    private static async Task<string> SignInAsync(HttpClient client)
    {
        var cookies = new Dictionary<string, string>();
        void Keep(HttpResponseMessage response)
        {
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                cookies[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair;
            }
        }

        using var form = await client.GetAsync("/account/login");
        Keep(form);
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Login"] = "demo.roditel", ["Password"] = "Kuzbass-demo-2026", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Values));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Keep(signedIn);
        return string.Join("; ", cookies.Values);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
