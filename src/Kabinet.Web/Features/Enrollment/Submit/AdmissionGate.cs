using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Features.Enrollment.Submit;

public sealed class EnrollmentOptions
{
    public const string Section = "Enrollment";

    /// <summary>Submissions in flight on one node; more wait for a slot.</summary>
    public int MaxConcurrentSubmissions { get; set; } = 64;

    /// <summary>How long a submission waits for a slot before it is answered 503.</summary>
    public int QueueWaitMs { get; set; } = 2000;

    /// <summary>
    /// Submissions that may wait for a slot; more are answered 503 at once. A bounded queue answers a burst in
    /// milliseconds instead of holding every connection for the whole wait (which turns a burst into client timeouts).
    /// </summary>
    public int MaxWaiting { get; set; } = 128;

    /// <summary>The Retry-After of a 503, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Submissions one account may make a minute; more are answered 429.</summary>
    public int SubmissionsPerMinute { get; set; } = 20;
}

/// <summary>Why a submission was not let in: 503 (the node is full) or 429 (this account sent too many), and when to try again.</summary>
public sealed record GateRefusal(int Status, int RetryAfterSeconds);

/// <summary>
/// Keeps a burst from turning into timeouts and 500s: at most N submissions run at once on this node, the rest wait a
/// little and are then told plainly to try again (503 + Retry-After); one account is limited per minute (429).
/// </summary>
public sealed class AdmissionGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly EnrollmentOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, Window> _accounts = new();
    private int _waiting;

    public AdmissionGate(IOptions<EnrollmentOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var max = Math.Max(0, _options.MaxConcurrentSubmissions);
        _slots = new SemaphoreSlim(max, Math.Max(1, max));
    }

    public int RetryAfterSeconds => Math.Max(1, _options.RetryAfterSeconds);

    /// <summary>A slot (dispose it when done), or the refusal.</summary>
    public async Task<(IDisposable? Slot, GateRefusal? Refusal)> EnterAsync(int accountId, CancellationToken ct)
    {
        var minute = _time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = _accounts.AddOrUpdate(accountId, _ => new Window(minute, 1), (_, w) => w.Minute == minute ? w with { Count = w.Count + 1 } : new Window(minute, 1));
        if (window.Count > _options.SubmissionsPerMinute)
        {
            var left = (int)(((minute + 1) * 60) - _time.GetUtcNow().ToUnixTimeSeconds());
            return (null, new GateRefusal(StatusCodes.Status429TooManyRequests, Math.Max(1, left)));
        }

        if (_accounts.Count > 100_000)
            Forget(minute);

        if (_slots.Wait(0, CancellationToken.None))
            return (new Slot(_slots), null);
        if (Interlocked.Increment(ref _waiting) > _options.MaxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            return (null, new GateRefusal(StatusCodes.Status503ServiceUnavailable, RetryAfterSeconds));
        }

        try
        {
            if (!await _slots.WaitAsync(Math.Max(0, _options.QueueWaitMs), ct))
                return (null, new GateRefusal(StatusCodes.Status503ServiceUnavailable, RetryAfterSeconds));
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return (new Slot(_slots), null);
    }

    public void Dispose() => _slots.Dispose();

    private void Forget(long minute)
    {
        foreach (var (account, window) in _accounts)
        {
            if (window.Minute < minute)
                _accounts.TryRemove(account, out _);
        }
    }

    private sealed record Window(long Minute, int Count);

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots.Release();
        }
    }
}
