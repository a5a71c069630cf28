using Microsoft.Extensions.Caching.Memory;

namespace Kabinet.Web.Common.Caching;

/// <summary>
/// A module's own memory cache, bounded in size (ADR 10): its own instance, so that its size limit does not touch
/// the app's shared cache, whose entries carry no size. Entries are compacted a tenth at a time when it is full.
/// </summary>
public abstract class BoundedCache(long sizeLimit) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = sizeLimit,
        CompactionPercentage = 0.1,
    });

    public bool TryGet<T>(object key, out T value) where T : class
    {
        if (_cache.TryGetValue(key, out var found) && found is T typed)
        {
            value = typed;
            return true;
        }

        value = null!;
        return false;
    }

    public void Set<T>(object key, T value, long size, TimeSpan absolute, TimeSpan sliding) where T : class
    {
        using var entry = _cache.CreateEntry(key);
        entry.Value = value;
        entry.Size = size;
        entry.AbsoluteExpirationRelativeToNow = absolute;
        entry.SlidingExpiration = sliding;
    }

    public void Dispose()
    {
        _cache.Dispose();
        GC.SuppressFinalize(this);
    }
}
