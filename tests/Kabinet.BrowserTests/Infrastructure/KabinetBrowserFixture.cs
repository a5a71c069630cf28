namespace Kabinet.BrowserTests.Infrastructure;

/// <summary>
/// One Kabinet on a real port and one headless Chromium for the whole test run.
/// Each test opens its own <see cref="BrowserSession"/>: a fresh browser context (no cookies) and a page.
/// A derived fixture may run its own Kabinet on another clock.
/// </summary>
public class KabinetBrowserFixture : IAsyncLifetime
{
    private const string DebianChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly KabinetServer _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KabinetBrowserFixture()
        : this(clock: null)
    {
    }

    /// <summary>A Kabinet whose TimeProvider is <paramref name="clock"/> (the system clock when null).</summary>
    protected KabinetBrowserFixture(TimeProvider? clock) => _server = new KabinetServer(clock);

    public string BaseUrl => _server.BaseUrl;

    /// <summary>Waits for the newest letter to an address whose subject contains the text (the app sends from a background loop).</summary>
    public async Task<MimeKit.MimeMessage> WaitForLetterAsync(string to, string subjectContains, TimeSpan? timeout = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            if (Directory.Exists(_server.MailFolder))
            {
                foreach (var file in Directory.GetFiles(_server.MailFolder, "*.eml").OrderDescending(StringComparer.Ordinal))
                {
                    var letter = await MimeKit.MimeMessage.LoadAsync(file);
                    if (letter.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
                        && letter.Subject?.Contains(subjectContains, StringComparison.Ordinal) == true)
                        return letter;
                }
            }

            if (waited.Elapsed > limit)
                throw new TimeoutException($"No letter to {to} about «{subjectContains}» arrived.");
            await Task.Delay(250);
        }
    }

    public async ValueTask InitializeAsync()
    {
        _server.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>A fresh browser context and page at the given viewport, collecting console errors, page errors and failed requests.</summary>
    internal async Task<BrowserSession> OpenAsync(int width = 1280, int height = 800)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser fixture is not initialised.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "ru-RU",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Debian's Chromium when it is installed (never downloads anything then); elsewhere Playwright's own
    /// Chromium, installed once. Fails loudly rather than skipping the browser tests.
    /// </summary>
    private static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        var options = new BrowserTypeLaunchOptions { Headless = true, Args = ChromiumArgs };
        if (File.Exists(DebianChromium))
        {
            options.ExecutablePath = DebianChromium;
            return await playwright.Chromium.LaunchAsync(options);
        }

        try
        {
            var exitCode = Microsoft.Playwright.Program.Main(["install", "chromium"]);
            if (exitCode != 0)
                throw new InvalidOperationException($"'playwright install chromium' exited with code {exitCode}.");
            return await playwright.Chromium.LaunchAsync(options);
        }
        catch (Exception e) when (e is PlaywrightException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"No Chromium for the browser tests: {DebianChromium} is missing and Playwright could not provide its own ({e.Message}). " +
                "Install Debian's chromium (apt-get install chromium), or allow Playwright to download its browser " +
                "(network access to its CDN, or run 'pwsh bin/Debug/net10.0/playwright.ps1 install chromium').",
                e);
        }
    }
}
