namespace Kabinet.BrowserTests.Infrastructure;

/// <summary>A test's own browser context and page, with everything that went wrong in the browser recorded.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                Record($"console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.RequestFailed += (_, request) => Record($"request failed: {request.Method} {request.Url}: {request.Failure}");
    }

    public IPage Page { get; }

    /// <summary>Console errors, uncaught script errors and failed requests seen so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
                return [.. _problems];
        }
    }

    public void AssertNoProblems() =>
        Assert.True(Problems.Count == 0, $"The browser reported problems on {Page.Url}:\n{string.Join('\n', Problems)}");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Record(string problem)
    {
        lock (_problems)
            _problems.Add(problem);
    }
}
