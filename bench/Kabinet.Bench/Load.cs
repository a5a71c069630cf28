using System.Diagnostics;
using System.Net;

/// <summary>What every benchmark mode shares: signing in through the real form, and a closed-loop run of GETs.</summary>
internal static class Load
{
    // Signs in like a browser: the form's anti-forgery token and cookie, then the login form; returns the cookies to send.
    public static async Task<CookieJar> SignInAsync(HttpClient client, string credentials)
    {
        var (login, password) = (credentials[..credentials.IndexOf(':', StringComparison.Ordinal)], credentials[(credentials.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var cookies = new CookieJar();
        using var form = await client.GetAsync("/account/login");
        cookies.Keep(form);
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            // «Запомнить меня», as on a parent's own phone: the session outlives a pause between benchmark runs.
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Login"] = login, ["Password"] = password, ["Remember"] = "true", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookies.Header);
        using var signedIn = await client.SendAsync(post);
        cookies.Keep(signedIn);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            var why = System.Text.RegularExpressions.Regex.Match(await signedIn.Content.ReadAsStringAsync(), "<li>([^<]+)</li>|class=\"field-error\"[^>]*>([^<]+)<").Value;
            throw new InvalidOperationException($"Sign-in as {login} failed: {(int)signedIn.StatusCode} {why}");
        }
        return cookies;
    }

    // Closed loop: each connection sends its next request as soon as the last one is answered (the server's ceiling).
    // Connection c works as users[c % users.Count] (anonymous when there are none).
    public static Task<Result> RunAsync(HttpClient client, string path, IReadOnlyList<Session> users, int connections, TimeSpan duration) =>
        RunAsync(client, path, users, connections, duration, rate: null);

    // Open loop at a fixed rate: request k is due at start + k / rate, connection c sends requests c, c + N, c + 2N, …
    // Latency counts from when a request was due, not from when it was sent, so a stalled server is not hidden by
    // the generator waiting for it (coordinated omission).
    public static async Task<Result> RunAsync(HttpClient client, string path, IReadOnlyList<Session> users, int connections, TimeSpan duration, double? rate)
    {
        var begin = Stopwatch.GetTimestamp();
        var stopAt = begin + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            var errors = 0;
            var user = users.Count == 0 ? null : users[c % users.Count];
            var url = user is null ? path : path.Replace("{my-application}", user.Application, StringComparison.Ordinal).Replace("{my-child}", user.Child, StringComparison.Ordinal);
            for (long k = c; ; k += connections)
            {
                var started = rate is { } perSecond ? begin + (long)(k / perSecond * Stopwatch.Frequency) : Stopwatch.GetTimestamp();
                if (started >= stopAt)
                    break;
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), started);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (user is not null)
                        request.Headers.Add("Cookie", user.Cookies.Header);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    user?.Cookies.Keep(response);
                    if (!response.IsSuccessStatusCode)
                        errors++;
                }
                catch (HttpRequestException)
                {
                    errors++;
                }
                catch (TaskCanceledException)
                {
                    errors++;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return (latencies, errors);
        })).ToArray();

        var started = Stopwatch.GetTimestamp();
        var done = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = done.SelectMany(d => d.latencies).Order().ToArray();
        return new Result(all, done.Sum(d => d.errors), elapsed);
    }
}

/// <summary>
/// A browser's cookies for the site: what Set-Cookie sends replaces the cookie of that name. The sign-in cookie is renewed
/// after the security-stamp check (every minute); a client that kept the first one would be re-checked on every request.
/// </summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _pairs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Header { get; private set; } = "";

    /// <summary>A jar with the cookies of a saved Cookie header.</summary>
    public static CookieJar From(string header)
    {
        var jar = new CookieJar();
        foreach (var pair in header.Split("; ", StringSplitOptions.RemoveEmptyEntries))
            jar._pairs[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair;
        jar.Header = header;
        return jar;
    }

    public void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
            return;
        lock (_lock)
        {
            foreach (var header in values)
            {
                var pair = header.Split(';')[0];
                _pairs[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair;
            }

            Header = string.Join("; ", _pairs.Values);
        }
    }
}

internal sealed record Result(double[] SortedLatencies, int Errors, double Seconds)
{
    public int Requests => SortedLatencies.Length;

    public double Throughput => Requests / Seconds;

    public double Percentile(double p) =>
        SortedLatencies.Length == 0 ? double.NaN : SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)Math.Ceiling(p * SortedLatencies.Length) - 1)];
}
