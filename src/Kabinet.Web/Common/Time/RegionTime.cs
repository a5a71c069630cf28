namespace Kabinet.Web.Common.Time;

/// <summary>The region's clock: Kuzbass lives on Asia/Novokuznetsk (UTC+7). Store UTC, show local.</summary>
public static class RegionTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Novokuznetsk");

    public static DateTime LocalNow(this TimeProvider time) => TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, Zone);

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.LocalNow());

    /// <summary>A stored UTC moment in the region's time.</summary>
    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A moment of the region's clock as UTC, for storing and comparing.</summary>
    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>«29.11.2026 14:05» in the region's time, for a stored UTC moment.</summary>
    public static string Display(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
