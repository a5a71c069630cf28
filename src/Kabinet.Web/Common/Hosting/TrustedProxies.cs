using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kabinet.Web.Common.Hosting;

/// <summary>
/// Behind a TLS-terminating load balancer, the client's address and "https" arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from the proxies in Kabinet:TrustedProxies (addresses or
/// networks, comma-separated, e.g. "10.0.0.5,10.1.0.0/16"); loopback is always trusted. Then cookies are
/// Secure, redirects are https and HSTS is sent.
/// </summary>
internal static class TrustedProxies
{
    public const string Key = "Kabinet:TrustedProxies";

    public static void AddTrustedProxies(this IServiceCollection services) =>
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in Parse(configuration[Key]))
            {
                if (entry.Network is { } network)
                    options.KnownIPNetworks.Add(network);
                else
                    options.KnownProxies.Add(entry.Address!);
            }
        });

    /// <summary>Parses the setting; a typo stops start-up with a message instead of silently trusting nobody.</summary>
    public static IReadOnlyList<(IPAddress? Address, System.Net.IPNetwork? Network)> Parse(string? setting)
    {
        var result = new List<(IPAddress?, System.Net.IPNetwork?)>();
        foreach (var raw in (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(raw, out var network))
                result.Add((null, network));
            else if (IPAddress.TryParse(raw, out var address))
                result.Add((address, null));
            else
                throw new ConfigurationProblemException($"«{raw}» в {Key} — не IP-адрес и не сеть: укажите, например, 10.0.0.5 или 10.1.0.0/16 через запятую.");
        }

        return result;
    }
}
