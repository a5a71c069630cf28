namespace Kabinet.Web.Common.Hosting;

/// <summary>
/// Links that leave the site (in letters) are built from Kabinet:PublicUrl, never from the request's Host
/// header, which an attacker controls (a poisoned password-reset link).
/// </summary>
public sealed class PublicUrls(IConfiguration configuration)
{
    private readonly string _base = (configuration["Kabinet:PublicUrl"] is { Length: > 0 } url ? url : "http://localhost:5000").TrimEnd('/');

    public string To(string path) => _base + (path.StartsWith('/') ? path : "/" + path);
}
