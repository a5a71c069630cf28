using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Kabinet.Web.Common.Errors;
using Kabinet.Web.Common.Health;
using Kabinet.Web.Common.Security;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Localization;

namespace Kabinet.Web.Common.Hosting;

/// <summary>What every request passes through, whatever the module: errors, security headers, culture, logs, health, OpenAPI.</summary>
internal static class PlatformModule
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static void AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Serve the build's compressed static files in every environment, not only Development:
        // otherwise `dotnet run -e Production` answers an empty stylesheet to browsers that accept gzip.
        // A published app has them in wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<Files.FileStore>();
        services.AddErrorHandling();
        services.AddTrustedProxies();
        builder.AddKabinetRateLimits();
        services.AddHealth();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Kabinet API";
            document.Info.Description = "Программный интерфейс портала «Kabinet»: справочники региона и образовательных организаций. Ошибки возвращаются в формате ProblemDetails (RFC 9457).";
            return Task.CompletedTask;
        }));
        // The benchmark's baseline page (same layout, no database) exists only when a benchmark asks for it.
        var benchmarkBaseline = builder.Configuration.GetValue<bool>("Kabinet:BenchmarkBaseline");
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                if (!benchmarkBaseline)
                    o.Conventions.AddPageRouteModelConvention("/Bench/Bare", page => page.Selectors.Clear());
            })
            .AddMvcOptions(o =>
            {
                RussianBindingMessages.Apply(o.ModelBindingMessageProvider);
                // Required fields say so with [Required] and a Russian message; no implicit English "field is required".
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            // Validation happens on the server and the messages come back next to the fields; no data-val-* attributes.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // Russian text goes out as UTF-8 characters, not as &#x...; entities: pages stay readable and light.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "kabinet.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddDataProtection().SetApplicationName("Kabinet").PersistKeysToDbContext<KabinetDbContext>();
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Russian);
            o.SupportedCultures = [Russian];
            o.SupportedUICultures = [Russian];
            o.RequestCultureProviders.Clear();
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
    }

    public static void UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseErrorHandling();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseSecurityHeaders();
        app.UseHttpLogging();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static void MapPlatform(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealth();
        app.MapOpenApi().AllowAnonymous().ExcludeFromDescription();

        // Unknown addresses are a 404 for everyone, not a sign-in prompt: the catch-all endpoint is public
        // and answers 404, which the error handling turns into ProblemDetails (/api) or the Russian page.
        app.MapFallback("{**path}", () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
    }
}
