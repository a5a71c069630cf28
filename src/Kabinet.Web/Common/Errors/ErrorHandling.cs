using Kabinet.Web.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Kabinet.Web.Common.Errors;

/// <summary>
/// One place that turns failures into answers: ProblemDetails for programs (/api), a Russian page for
/// people. Never a stack trace.
/// </summary>
internal static class ErrorHandling
{
    public static bool IsApiRequest(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static void AddErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
            c.ProblemDetails.Title ??= TitleFor(c.ProblemDetails.Status ?? 500);
        });
        services.AddExceptionHandler<KnownExceptionHandler>();
    }

    public static void UseErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // Failures people caused (a bad request, a broken rule) are answered, not logged as server errors.
            SuppressDiagnosticsCallback = c => c.Exception is RuleViolationException or BadHttpRequestException,
        });
        app.UseWhen(c => c.Request.IsApiRequest(), api => api.UseStatusCodePages(c =>
            WriteProblemAsync(c.HttpContext, c.HttpContext.Response.StatusCode, detail: null)));
        app.UseWhen(c => !c.Request.IsApiRequest(), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "Запрос составлен неверно",
        401 => "Нужно войти в систему",
        403 => "Недостаточно прав",
        404 => "Не найдено",
        405 => "Метод не поддерживается",
        409 => "Действие нарушает правила",
        413 => "Слишком большой запрос",
        429 => "Слишком много запросов",
        503 => "Сервис временно недоступен",
        _ => status >= 500 ? "Внутренняя ошибка сервиса" : "Ошибка запроса",
    };

    public static Task WriteProblemAsync(HttpContext http, int status, string? detail)
    {
        var problem = TypedResults.Problem(statusCode: status, title: TitleFor(status), detail: detail);
        return problem.ExecuteAsync(http);
    }

    /// <summary>Maps exceptions people can act on to their status; everything else is a logged 500.</summary>
    private sealed class KnownExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            // The middleware has already pointed the request at /error/500; the original path tells who asked.
            var originalPath = new PathString(http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path);
            var (status, detail) = exception switch
            {
                RuleViolationException e => (StatusCodes.Status409Conflict, e.Message),
                BadHttpRequestException e => (e.StatusCode, "Запрос не удалось разобрать."),
                _ when DbExceptions.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "База данных временно недоступна. Повторите попытку через минуту."),
                _ => (StatusCodes.Status500InternalServerError, (string?)null),
            };

            if (status == StatusCodes.Status503ServiceUnavailable)
                http.Response.Headers.RetryAfter = "30";

            if (!originalPath.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                // Pages: the exception handler re-executes /error/500, which shows this status instead.
                http.Items[ErrorPageStatusKey] = status;
                http.Items[ErrorPageDetailKey] = status == 409 ? detail : null;
                return false;
            }

            http.Request.Path = originalPath;
            http.Response.StatusCode = status;
            await WriteProblemAsync(http, status, detail);
            return true;
        }
    }

    public const string ErrorPageStatusKey = "kabinet.error.status";
    public const string ErrorPageDetailKey = "kabinet.error.detail";
}
