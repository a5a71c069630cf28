using Microsoft.Extensions.Caching.Memory;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>
/// The diary's own memory cache, bounded in size (ADR 10): class weeks and students' weeks keyed by the class's
/// journal version, and people's names. Its own instance, so its size limit does not touch the app's shared cache.
/// </summary>
public sealed class DiaryCache(IConfiguration configuration) : IDisposable
{
    /// <summary>Size units: a student's week is 1, a class week <see cref="ClassWeekSize"/>; a unit is roughly a kilobyte.</summary>
    public const int ClassWeekSize = 20;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = configuration.GetValue("Diary:CacheSize", 200_000),
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

    public void Dispose() => _cache.Dispose();
}
