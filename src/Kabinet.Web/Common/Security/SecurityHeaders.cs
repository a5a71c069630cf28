namespace Kabinet.Web.Common.Security;

/// <summary>Headers every response carries: a CSP without inline scripts, no framing, no MIME sniffing, a strict referrer.</summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly object ImageSourceKey = new();

    /// <summary>
    /// Lets this one response show images from one more origin (the map page's tile server); every other
    /// response keeps images to Kabinet itself. The source must come from checked settings, never from the request.
    /// </summary>
    public static void AllowImagesFrom(this HttpContext context, string source)
    {
        if (source.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '\'' or '"'))
            throw new ArgumentException($"Not a CSP source: {source}", nameof(source));
        context.Items[ImageSourceKey] = source;
    }

    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items[ImageSourceKey] is string images
                ? ContentSecurityPolicy.Replace("img-src 'self' data:;", $"img-src 'self' data: {images};", StringComparison.Ordinal)
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Referrer-Policy"))
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin"; // a page may ask for stricter (no-referrer)
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
