using System.Threading.RateLimiting;

namespace Kabinet.Web.Common.Security;

/// <summary>
/// Limits per client address on forms anyone can post (ASVS 2.4.1): the ones that send letters (registration,
/// support) so nobody floods mailboxes, and recovery, which also checks link tokens. Only POSTs count.
/// Counters are per node, in memory.
/// </summary>
public static class KabinetRateLimits
{
    public const string LetterForms = "letter-forms";

    public const string Recovery = "recovery";

    internal static void AddKabinetRateLimits(this WebApplicationBuilder builder)
    {
        var letterForms = builder.Configuration.GetValue("Security:LetterFormsPerHourPerIp", 10);
        var recovery = builder.Configuration.GetValue("Security:RecoveryRequestsPerHourPerIp", 30);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "3600";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(LetterForms, http => PerAddress(http, LetterForms, letterForms));
            o.AddPolicy(Recovery, http => PerAddress(http, Recovery, recovery));
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, string policy, int perHour) =>
        HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"{policy}:{ClientKey(http.Connection.RemoteIpAddress)}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1) })
            : RateLimitPartition.GetNoLimiter("read");

    /// <summary>An IPv4 address as is; an IPv6 address by its /64 network, which one subscriber usually holds whole.</summary>
    public static string ClientKey(System.Net.IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }
}
