using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kabinet.Web.Data.Seed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Infrastructure;

/// <summary>
/// Kabinet running in-process on its own fresh database (SQLite or PostgreSQL), driven through HTTP
/// like a browser would: cookies kept, redirects not followed, so tests see what the server answers.
/// </summary>
public class KabinetApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public KabinetApp(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Database = TestDatabase.Create();
        _settings = new Dictionary<string, string?>(Database.Settings)
        {
            ["Database:SeedDemoOnEmpty"] = "true",
            ["Security:LetterFormsPerHourPerIp"] = "1000",
            ["Security:RecoveryRequestsPerHourPerIp"] = "1000",
            // Tests deliver letters explicitly (DeliverMailAsync) instead of waiting for the background loop.
            ["Email:DispatchInBackground"] = "false",
            ["Kindergarten:ReferralDeadlinesInBackground"] = "false",
            ["Diary:DigestInBackground"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        _services = services;
    }

    public TestDatabase Database { get; }

    /// <summary>An app pointed at a PostgreSQL server that does not answer, started without touching it.</summary>
    public static KabinetApp WithUnreachableDatabase() => new(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=2",
        ["Database:MigrateOnStart"] = "false",
        ["Database:SeedDemoOnEmpty"] = "false",
    });

    /// <summary>Starts the app (migrations, demo data) before the first test uses it.</summary>
    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFilter>();
            _services?.Invoke(services);
        });
    }

    /// <summary>A client that behaves like a browser on https: keeps cookies, does not follow redirects.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    /// <summary>Signs in through the real sign-in form; returns the browser and the response to the form.</summary>
    public async Task<(HttpClient Browser, HttpResponseMessage Response)> SignInAsync(string login, string password = Seeder.DemoPassword)
    {
        var browser = CreateBrowser();
        var response = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = password,
        });
        return (browser, response);
    }

    /// <summary>Signs in and checks that it worked.</summary>
    public async Task<HttpClient> SignedInAsync(string login)
    {
        var (browser, response) = await SignInAsync(login);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {login} failed: {(int)response.StatusCode}");
        return browser;
    }

    /// <summary>Runs the outbox once, as the background dispatcher would.</summary>
    public Task<int> DeliverMailAsync() => Services.GetRequiredService<Kabinet.Web.Common.Email.OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>Letters written to the pickup folder (no SMTP server configured), oldest first.</summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> LettersAsync(string? to = null)
    {
        await DeliverMailAsync();
        var folder = Path.Combine(Database.DataDirectory, "mail");
        if (!Directory.Exists(folder))
            return [];
        var letters = new List<MimeKit.MimeMessage>();
        foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            var letter = await MimeKit.MimeMessage.LoadAsync(file);
            if (to is null || letter.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                letters.Add(letter);
        }

        return letters;
    }

    /// <summary>Text messages written to the SMS pickup folder (no gateway configured), oldest first: (phone, text).</summary>
    public async Task<IReadOnlyList<(string Phone, string Text)>> TextsAsync(string? phone = null)
    {
        await DeliverMailAsync();
        var folder = Path.Combine(Database.DataDirectory, "sms");
        if (!Directory.Exists(folder))
            return [];
        var texts = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = Kabinet.Web.Common.Email.PickupDirectorySmsTransport.Read(await File.ReadAllTextAsync(file));
            if (phone is null || text.Phone == phone)
                texts.Add(text);
        }

        return texts;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The in-process test server has no client address; requests get 127.0.0.1, or the address a test puts into
/// the X-Test-Client-Address header (to act as several clients).
/// </summary>
internal sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, following) =>
        {
            http.Connection.RemoteIpAddress = System.Net.IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address)
                ? address
                : System.Net.IPAddress.Loopback;
            await following(http);
        });
        next(app);
    };
}

/// <summary>One app with the demo region, shared by all tests that only read.</summary>
public sealed class DemoApp : KabinetApp;

/// <summary>An app with the demo region for one test class that changes data.</summary>
public sealed class IsolatedApp : KabinetApp;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient browser, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await browser.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return Parser.ParseDocument(body);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Opens a page with a form, fills the fields and posts it (to a named handler if given) with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient browser, string url, IDictionary<string, string> fields, string? handler = null, string? tokenFrom = null)
    {
        var page = await browser.GetPageAsync(tokenFrom ?? url);
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No anti-forgery token on {url}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        var target = handler is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await browser.PostAsync(target, new FormUrlEncodedContent(form));
    }

    public static string Text(this IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No element {selector}");
}
