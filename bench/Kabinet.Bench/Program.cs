using System.Globalization;
using System.Net;

// Kabinet HTTP benchmark: a closed-loop load generator. For each target it runs N concurrent
// connections for a fixed time and prints throughput, p50/p95/p99 latency, errors, and the ratio of
// the target's throughput to the app's bare baseline page measured in the same run.
//
//   dotnet run -c Release --project bench/Kabinet.Bench -- --base http://127.0.0.1:5099 \
//       --connections 32 --seconds 10 /bench/bare / /organisations?q=школа
//
// The first path is the baseline. bench/run.sh starts Kabinet on region data and calls this.
// --sign-in login:password signs in through the real form first and sends the session cookie with every
// request; a path may then contain {my-application}, the first application listed at /kindergarten, or {my-child}, the
// first child the parent's diary (/diary) links to.
// --users login{n}:N:password signs in N people (login{n} with n = 01 … N) and spreads the connections over
// them, each connection with its own person's cookie and {my-application}: N concurrent users, not one.
// --rate R also runs every target after the baseline in an open loop at R requests/s over the same connections and
// prints its latency (counted from when each request was due): the latency at a given load, where the closed loop
// gives the ceiling and the latency of a saturated server.

if (args.Length > 0 && args[0] == "enroll")
{
    await EnrollmentBench.RunAsync(args[1..]);
    return;
}

var options = Options.Parse(args);
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    AllowAutoRedirect = false,
};
using var client = new HttpClient(handler) { BaseAddress = new Uri(options.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
var paths = options.Paths.ToList();
var users = new List<Session>();
foreach (var credentials in options.SignIn is { } one ? [one] : ExpandUsers(options.Users))
{
    var cookie = await Load.SignInAsync(client, credentials);
    var application = paths.Exists(p => p.Contains("{my-application}", StringComparison.Ordinal))
        ? await FirstLinkAsync(client, cookie, "/kindergarten", "href=\"/kindergarten/([0-9]+)\"")
        : "";
    var child = paths.Exists(p => p.Contains("{my-child}", StringComparison.Ordinal))
        ? await FirstLinkAsync(client, cookie, "/diary", "href=\"/diary/([0-9]+)\"")
        : "";
    users.Add(new Session(cookie, application, child));
}

Console.WriteLine(FormattableString.Invariant($"Kabinet bench: {options.Connections} connections, {options.Seconds} s per target after {options.WarmupSeconds} s warm-up, {Environment.ProcessorCount} CPUs, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC"));
Console.WriteLine($"{"target",-48} {"requests",9} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"vs bare",8}");

double? baseline = null;
foreach (var path in paths)
{
    await Load.RunAsync(client, path, users, options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds));
    var result = await Load.RunAsync(client, path, users, options.Connections, TimeSpan.FromSeconds(options.Seconds));
    var first = baseline is null;
    baseline ??= result.Throughput;
    Print(Shorten(path), result, baseline.Value);
    if (options.Rate is { } rate && !first)
        Print(FormattableString.Invariant($"  same, open loop at {rate:0} req/s"), await Load.RunAsync(client, path, users, options.Connections, TimeSpan.FromSeconds(options.Seconds), rate), baseline.Value);
}

static void Print(string target, Result result, double baseline) => Console.WriteLine(FormattableString.Invariant(
    $"{target,-48} {result.Requests,9} {result.Throughput,9:0} {result.Percentile(0.50),8:0.0} {result.Percentile(0.95),8:0.0} {result.Percentile(0.99),8:0.0} {result.Errors,7} {result.Throughput / baseline,8:0.00}"));

// The first id a signed-in page links to (the person's own application or child); a missing link stops the run, it would measure 404s.
static async Task<string> FirstLinkAsync(HttpClient client, CookieJar cookie, string page, string pattern)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, page);
    request.Headers.Add("Cookie", cookie.Header);
    using var response = await client.SendAsync(request);
    var match = System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), pattern);
    return match.Success
        ? match.Groups[1].Value
        : throw new InvalidOperationException($"{page} answered {(int)response.StatusCode} without a link matching {pattern}");
}

// "bench.roditel.{n}:50:secret" → bench.roditel.01:secret … bench.roditel.50:secret.
static IEnumerable<string> ExpandUsers(string? pattern)
{
    if (pattern is null)
        yield break;
    var parts = pattern.Split(':', 3);
    var count = int.Parse(parts[1], CultureInfo.InvariantCulture);
    for (var n = 1; n <= count; n++)
        yield return parts[0].Replace("{n}", n.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal) + ":" + parts[2];
}

static string Shorten(string path) => path.Length <= 48 ? path : path[..45] + "...";

internal sealed record Session(CookieJar Cookies, string Application, string Child);

internal sealed record Options(string BaseUrl, int Connections, int Seconds, int WarmupSeconds, IReadOnlyList<string> Paths, string? SignIn, string? Users, double? Rate)
{
    public static Options Parse(string[] args)
    {
        var baseUrl = "http://127.0.0.1:5099";
        int connections = 32, seconds = 10, warmup = 3;
        string? signIn = null, users = null;
        double? rate = null;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--base": baseUrl = args[++i]; break;
                case "--connections": connections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--sign-in": signIn = args[++i]; break;
                case "--users": users = args[++i]; break;
                case "--rate": rate = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: paths.Add(args[i]); break;
            }
        }

        if (paths.Count == 0)
            throw new ArgumentException("Give at least one path; the first one is the baseline.");
        return new Options(baseUrl, connections, seconds, warmup, paths, signIn, users, rate);
    }
}
