namespace Kabinet.Web.Common.Time;

/// <summary>The region's clock: Kuzbass lives on Asia/Novokuznetsk (UTC+7). Store UTC, show local.</summary>
public static class RegionTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Novokuznetsk");

    public static DateTime LocalNow(this TimeProvider time) => TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, Zone);

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.LocalNow());
}
