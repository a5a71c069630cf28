using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

/// <summary>
/// The 1st-grade enrollment morning (issue 6), against POST /api/v1/school/applications with an Idempotency-Key:
///   enroll sustained — N connections submit new applications in a closed loop: acknowledged (201) per second and
///                      latency, with the signed-in bare page measured in the same run as the baseline;
///   enroll burst     — an open-loop burst (e.g. 20,000 requests in 10 s: every submission sent `attempts` times with
///                      the same key, as families press again): every answer must be 201, 429 or 503 — no 500s, no
///                      timeouts — and every key answered 201 always with the same application;
///   enroll crash     — every submission retried with its key until acknowledged (through connection errors while
///                      bench/enrollment.sh kills the server with SIGKILL and restarts it).
/// The plan (from `Kabinet.Web bench enrollment-setup`) lists families: login, child, school year, schools. The
/// acknowledged receipts (id and number) are written to --receipts for `Kabinet.Web bench enrollment-check`, which
/// checks them against the database.
/// </summary>
internal static class EnrollmentBench
{
    private const string Endpoint = "/api/v1/school/applications";

    private sealed record Family(string Login, int ChildId, int SchoolYear, int[] Schools, DateOnly Born);

    private sealed record Submission(Family Family, CookieJar Cookies, int SchoolId, string Key);

    private sealed record Answer(int Status, double Milliseconds, string? Body, string? Failure);

    public static async Task RunAsync(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : throw new ArgumentException("enroll sustained|burst|crash …");
        var o = EnrollOptions.Parse(args[1..]);
        var plan = File.ReadLines(o.Plan).Where(l => l.Length > 0 && l[0] != '#').Select(ParseFamily).Take(o.Families).ToList();
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = mode == "sustained" ? o.Connections : 8000,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(o.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

        // A sign-in costs the server a password hash (~80 ms of CPU): the cookies of earlier runs are kept next to the
        // plan and used again while the server still honours them, so that a run can have tens of thousands of families.
        var signing = Stopwatch.StartNew();
        var saved = File.Exists(o.Plan + ".cookies")
            ? File.ReadLines(o.Plan + ".cookies").Select(l => l.Split('\t')).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal)
            : [];
        var cookies = new CookieJar[plan.Count];
        var applied = new HashSet<int>?[plan.Count];
        var fresh = 0;
        await Parallel.ForAsync(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            if (saved.TryGetValue(plan[i].Login, out var header))
            {
                cookies[i] = CookieJar.From(header);
                applied[i] = await AppliedSchoolsAsync(client, cookies[i]);
            }

            if (applied[i] is null)
            {
                cookies[i] = await Load.SignInAsync(client, plan[i].Login + ":" + o.Password);
                applied[i] = await AppliedSchoolsAsync(client, cookies[i]) ?? throw new InvalidOperationException($"{plan[i].Login}: signed in, but {Endpoint} refused the cookie");
                Interlocked.Increment(ref fresh);
            }
        });
        await File.WriteAllLinesAsync(o.Plan + ".cookies", saved.Concat(plan.Select((f, i) => KeyValuePair.Create(f.Login, cookies[i].Header)))
            .GroupBy(p => p.Key).Select(g => g.Key + "\t" + g.Last().Value));
        Console.WriteLine(FormattableString.Invariant($"{plan.Count} families ready in {signing.Elapsed.TotalSeconds:0} s ({fresh} signed in now, the others with a saved cookie); {Environment.ProcessorCount} CPUs, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC"));
        if (o.ReadyFile is { } ready)
            await File.WriteAllTextAsync(ready, "signed in\n");

        // Round r takes each family's r-th school it has not applied to yet: families take turns, as on the morning.
        var work = new List<Submission>();
        for (var round = 0; work.Count < o.Submissions && plan.Count > 0; round++)
        {
            var added = 0;
            for (var i = 0; i < plan.Count && work.Count < o.Submissions; i++)
            {
                var free = plan[i].Schools.Where(s => !applied[i]!.Contains(s)).ToList();
                if (round < free.Count)
                {
                    work.Add(new Submission(plan[i], cookies[i], free[round], Guid.NewGuid().ToString()));
                    added++;
                }
            }

            if (added == 0)
                break;
        }

        if (work.Count < o.Submissions)
            Console.WriteLine($"(the plan's families have only {work.Count} schools left to apply to; asked for {o.Submissions})");
        var receipts = new ConcurrentDictionary<string, (int Id, string Number)>();
        var ok = mode switch
        {
            "sustained" => await SustainedAsync(client, o, cookies, work, receipts),
            "burst" => await BurstAsync(client, o, work, receipts),
            "crash" => await CrashAsync(client, o, work, receipts),
            _ => throw new ArgumentException($"Unknown mode {mode}: sustained, burst or crash."),
        };
        if (o.Receipts is { } path)
            await File.AppendAllLinesAsync(path, receipts.Values.Select(r => FormattableString.Invariant($"{r.Id}\t{r.Number}")));
        if (!ok)
            Environment.ExitCode = 1;
    }

    private static async Task<bool> SustainedAsync(HttpClient client, EnrollOptions o, CookieJar[] cookies, List<Submission> work,
        ConcurrentDictionary<string, (int Id, string Number)> receipts)
    {
        var users = cookies.Select(c => new Session(c, "", "")).ToList();
        var queue = new ConcurrentQueue<Submission>(work);
        // Both paths are warmed up before they are measured (the JIT's tiers, EF's query cache, the pools): a server on
        // the morning has been running for a while. Warm-up submissions are real and are checked with the others.
        await SubmitAsync(client, o.Connections, queue, new ConcurrentBag<Answer>(), receipts, TimeSpan.FromSeconds(o.WarmupSeconds));
        await Load.RunAsync(client, "/bench/bare", users, o.Connections, TimeSpan.FromSeconds(2));
        var bare = await Load.RunAsync(client, "/bench/bare", users, o.Connections, TimeSpan.FromSeconds(o.Seconds));

        var answers = new ConcurrentBag<Answer>();
        var started = Stopwatch.GetTimestamp();
        await SubmitAsync(client, o.Connections, queue, answers, receipts, TimeSpan.FromSeconds(o.Seconds));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (queue.IsEmpty)
            Console.WriteLine(FormattableString.Invariant($"(the plan ran out after {elapsed:0.0} s: give more families for a longer run)"));

        var sorted = answers.Select(a => a.Milliseconds).Order().ToArray();
        var acknowledged = answers.Count(a => a.Status == 201);
        Console.WriteLine($"{"target",-40} {"requests",9} {"req/s",9} {"ack/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"vs bare",8}");
        Console.WriteLine(FormattableString.Invariant(
            $"{"/bench/bare (signed in)",-40} {bare.Requests,9} {bare.Throughput,9:0} {"",9} {bare.Percentile(0.50),8:0.0} {bare.Percentile(0.95),8:0.0} {bare.Percentile(0.99),8:0.0} {1.0,8:0.00}"));
        var result = new Result(sorted, 0, elapsed);
        Console.WriteLine(FormattableString.Invariant(
            $"{"POST " + Endpoint,-40} {result.Requests,9} {result.Throughput,9:0} {acknowledged / elapsed,9:0} {result.Percentile(0.50),8:0.0} {result.Percentile(0.95),8:0.0} {result.Percentile(0.99),8:0.0} {acknowledged / elapsed / bare.Throughput,8:0.00}"));
        Console.WriteLine("answers: " + Tally(answers));
        return answers.All(a => a.Status is 201 or 429 or 503);
    }

    /// <summary>A closed loop: each connection submits the next application of the queue as soon as it is answered.</summary>
    private static Task SubmitAsync(HttpClient client, int connections, ConcurrentQueue<Submission> queue, ConcurrentBag<Answer> answers,
        ConcurrentDictionary<string, (int Id, string Number)> receipts, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stopAt && queue.TryDequeue(out var submission))
            {
                var answer = await SendAsync(client, submission);
                answers.Add(answer);
                Keep(receipts, submission, answer);
            }
        })));
    }

    private static async Task<bool> BurstAsync(HttpClient client, EnrollOptions o, List<Submission> work, ConcurrentDictionary<string, (int Id, string Number)> receipts)
    {
        var distinct = Math.Min(work.Count, (int)Math.Ceiling(o.Requests / (double)o.Attempts));
        var answers = new ConcurrentBag<Answer>();
        var mismatched = 0;
        var tasks = new List<Task>(o.Requests);
        var perSecond = o.Requests / (double)o.Seconds;
        var started = Stopwatch.GetTimestamp();
        for (var sent = 0; sent < o.Requests;)
        {
            var due = Math.Min(o.Requests, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * perSecond) + 1);
            for (; sent < due; sent++)
            {
                // Request r repeats submission r mod distinct: the first presses go out first, the repeats after them.
                var submission = work[sent % distinct];
                tasks.Add(Task.Run(async () =>
                {
                    var answer = await SendAsync(client, submission);
                    answers.Add(answer);
                    if (answer.Status == 201 && !Keep(receipts, submission, answer))
                        Interlocked.Increment(ref mismatched);
                }));
            }

            await Task.Delay(1);
        }

        var sentIn = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.WhenAll(tasks);
        var all = answers.Select(a => a.Milliseconds).Order().ToArray();
        var result = new Result(all, 0, Stopwatch.GetElapsedTime(started).TotalSeconds);
        var bad = answers.Count(a => a.Status is not (201 or 429 or 503));
        Console.WriteLine(FormattableString.Invariant(
            $"burst: {o.Requests} requests ({distinct} submissions × {o.Attempts} presses) sent in {sentIn:0.0} s, all answered in {result.Seconds:0.0} s; latency p50 {result.Percentile(0.50):0} ms, p95 {result.Percentile(0.95):0} ms, p99 {result.Percentile(0.99):0} ms, max {all.LastOrDefault():0} ms"));
        Console.WriteLine("answers: " + Tally(answers));
        Console.WriteLine($"acknowledged submissions: {receipts.Count}; a key answered with two different applications: {mismatched}");
        var ok = bad == 0 && mismatched == 0;
        Console.WriteLine(ok ? "burst: OK — only 201, 429 and 503" : $"burst: FAILED — {bad} answers other than 201/429/503 (errors and timeouts included), {mismatched} inconsistent replays");
        return ok;
    }

    private static async Task<bool> CrashAsync(HttpClient client, EnrollOptions o, List<Submission> work, ConcurrentDictionary<string, (int Id, string Number)> receipts)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(o.Deadline * Stopwatch.Frequency);
        var attempts = 0;
        var failures = new ConcurrentDictionary<string, int>();
        var refused = new ConcurrentBag<string>();
        var perSecond = o.Requests / (double)o.Seconds;
        var started = Stopwatch.GetTimestamp();
        var tasks = new List<Task>(work.Count);
        for (var next = 0; next < work.Count;)
        {
            var due = Math.Min(work.Count, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * perSecond) + 1);
            for (; next < due; next++)
            {
                var submission = work[next];
                tasks.Add(Task.Run(async () =>
                {
                    // A family presses again with the same key until it has its number.
                    while (Stopwatch.GetTimestamp() < deadline)
                    {
                        Interlocked.Increment(ref attempts);
                        var answer = await SendAsync(client, submission);
                        if (answer.Status == 201)
                        {
                            Keep(receipts, submission, answer);
                            return;
                        }

                        failures.AddOrUpdate(answer.Failure ?? answer.Status.ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                        if (answer.Status is >= 400 and < 500 and not 429)
                        {
                            refused.Add($"{answer.Status}: {answer.Body}");
                            return;
                        }

                        await Task.Delay(answer.Status is 429 or 503 ? 1000 : 250);
                    }
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(tasks);
        Console.WriteLine(FormattableString.Invariant(
            $"crash: {work.Count} submissions, {attempts} attempts in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s; acknowledged {receipts.Count}; refused {refused.Count}"));
        Console.WriteLine("failed attempts (retried): " + string.Join(", ", failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} × {f.Value}")));
        foreach (var r in refused.Take(5))
            Console.WriteLine("  refused " + r);
        return receipts.Count == work.Count;
    }

    /// <summary>Keeps the receipt of an acknowledged submission; false when the same key was acknowledged before with another application.</summary>
    private static bool Keep(ConcurrentDictionary<string, (int Id, string Number)> receipts, Submission submission, Answer answer)
    {
        if (answer.Status != 201 || answer.Body is null)
            return true;
        using var json = JsonDocument.Parse(answer.Body);
        var receipt = (json.RootElement.GetProperty("id").GetInt32(), json.RootElement.GetProperty("number").GetString() ?? "");
        return receipts.GetOrAdd(submission.Key, receipt) == receipt;
    }

    private static async Task<Answer> SendAsync(HttpClient client, Submission s)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(Body(s), Encoding.UTF8, "application/json") };
            request.Headers.Add("Cookie", s.Cookies.Header);
            request.Headers.Add("Idempotency-Key", s.Key);
            using var response = await client.SendAsync(request);
            s.Cookies.Keep(response);
            var body = await response.Content.ReadAsStringAsync();
            return new Answer((int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, body, null);
        }
        // A server killed mid-connect can surface as a bare SocketException rather than an HttpRequestException.
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException)
        {
            var failure = e is TaskCanceledException ? "timeout" : e.InnerException?.GetType().Name ?? e.GetType().Name;
            return new Answer(0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, failure);
        }
    }

    private static string Body(Submission s) => JsonSerializer.Serialize(new
    {
        kind = "FirstGrade",
        childId = s.Family.ChildId,
        schoolId = s.SchoolId,
        schoolYear = s.Family.SchoolYear,
        right = "None",
        street = "ул. Весенняя",
        house = "12",
        adaptedProgramme = false,
        language = "русский",
        phone = "+7 900 000-00-00",
        birthCertificate = new { series = "I-ЛО", number = (100000 + (s.Family.ChildId % 900000)).ToString(CultureInfo.InvariantCulture), issuedOn = s.Family.Born.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        consentPersonalData = true,
        consentCharter = true,
    });

    // The schools the family has applied to; null when the cookie is no longer honoured.
    private static async Task<HashSet<int>?> AppliedSchoolsAsync(HttpClient client, CookieJar cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint);
        request.Headers.Add("Cookie", cookie.Header);
        using var response = await client.SendAsync(request);
        cookie.Keep(response);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Forbidden)
            return null;
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(a => a.GetProperty("schoolId").GetInt32())];
    }

    private static string Tally(IEnumerable<Answer> answers) =>
        string.Join(", ", answers.GroupBy(a => a.Failure ?? a.Status.ToString(CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}"));

    private static Family ParseFamily(string line)
    {
        var f = line.Split('\t');
        return new Family(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture),
            [.. f[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))],
            DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed record EnrollOptions(
        string BaseUrl, string Plan, string Password, int Families, int Submissions, int Connections, int Seconds, int Requests, int Attempts, int Deadline,
        string? Receipts, string? ReadyFile, int WarmupSeconds)
    {
        public static EnrollOptions Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
                values[args[i].TrimStart('-')] = args[i + 1];
            int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            var requests = Int("requests", 20_000);
            return new EnrollOptions(
                values.GetValueOrDefault("base", "http://127.0.0.1:5099"),
                values.TryGetValue("plan", out var plan) ? plan : throw new ArgumentException("--plan FILE (from Kabinet.Web bench enrollment-setup) is required."),
                values.GetValueOrDefault("password", "Kuzbass-demo-2026"),
                Int("families", int.MaxValue), Int("submissions", requests), Int("connections", 64), Int("seconds", 10), requests, Int("attempts", 3),
                Int("deadline", 180), values.GetValueOrDefault("receipts"), values.GetValueOrDefault("ready-file"), Int("warmup", 20));
        }
    }
}
