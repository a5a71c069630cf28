using Kabinet.Web.Common.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Errors;

/// <summary>The page people see for any failed request: plain Russian, what happened and what to do.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public string? Detail { get; private set; }

    public string? RequestId { get; private set; }

    public IActionResult OnGet(int status) => Show(status);

    public IActionResult OnPost(int status) => Show(status);

    // A failed PUT, DELETE or PATCH is re-executed with its own method; it gets the same page.
    public IActionResult OnPut(int status) => Show(status);

    public IActionResult OnDelete(int status) => Show(status);

    public IActionResult OnPatch(int status) => Show(status);

    private PageResult Show(int status)
    {
        // An exception may have asked for a more precise status than the generic 500.
        if (HttpContext.Items[ErrorHandling.ErrorPageStatusKey] is int fromException)
            status = fromException;
        Detail = HttpContext.Items[ErrorHandling.ErrorPageDetailKey] as string;
        Status = status is >= 400 and <= 599 ? status : 404;
        RequestId = Status >= 500 ? HttpContext.TraceIdentifier : null;
        (Heading, Explanation) = Status switch
        {
            404 => ("Страница не найдена", "Возможно, в адресе опечатка или страница была перемещена. Проверьте адрес или начните с главной страницы."),
            403 => ("Недостаточно прав", "Эта страница доступна другим пользователям. Если вам нужен доступ, обратитесь к администратору своей организации."),
            401 => ("Нужно войти", "Войдите в личный кабинет, чтобы открыть эту страницу."),
            400 => ("Запрос не удалось обработать", "Данные запроса повреждены или устарели. Вернитесь на предыдущую страницу и повторите действие."),
            409 => ("Действие не выполнено", "Действие противоречит правилам. Подробности ниже."),
            429 => ("Слишком много запросов", "Подождите немного и повторите попытку."),
            503 => ("Сервис временно недоступен", "Мы уже знаем о проблеме. Повторите попытку через минуту."),
            _ when Status >= 500 => ("Что-то пошло не так", "На сервере произошла ошибка. Мы записали её и разберёмся. Повторите попытку позже."),
            _ => ("Запрос не выполнен", "Вернитесь на предыдущую страницу и повторите действие."),
        };
        if (Status == 503)
            Response.Headers.RetryAfter = "30";
        Response.StatusCode = Status;
        return Page();
    }
}
