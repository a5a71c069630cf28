using System.Text.Json;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kabinet.Web.Common.Health;

/// <summary>
/// /health/live: the process answers. /health/ready: it can serve, i.e. the database answers and its
/// schema is current. Load balancers take a node out of rotation on 503.
/// </summary>
internal static class HealthEndpoints
{
    public static void AddHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableHttpMetrics();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private sealed class DatabaseReadinessCheck(KabinetDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(ct))
                    return HealthCheckResult.Unhealthy("База данных недоступна.");
                var pending = await db.Database.GetPendingMigrationsAsync(ct);
                return pending.Any()
                    ? HealthCheckResult.Unhealthy("Схема базы данных не обновлена: выполните команду migrate.")
                    : HealthCheckResult.Healthy("База данных доступна.");
            }
            catch (Exception e) when (DbExceptions.IsUnavailable(e))
            {
                return HealthCheckResult.Unhealthy("База данных недоступна.", e);
            }
        }
    }
}
