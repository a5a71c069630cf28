using Kabinet.Web.Common.Caching;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>
/// The diary's own bounded cache (ADR 10): class weeks and students' weeks keyed by the class's journal version,
/// and people's names.
/// </summary>
public sealed class DiaryCache(IConfiguration configuration) : BoundedCache(configuration.GetValue("Diary:CacheSize", 200_000))
{
    /// <summary>Size units: a student's week is 1, a class week <see cref="ClassWeekSize"/>; a unit is roughly a kilobyte.</summary>
    public const int ClassWeekSize = 20;
}
