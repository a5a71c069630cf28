using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Kabinet.Web.Features.Messages;

/// <summary>
/// A message with more attachments than the form accepts gets the reason next to the file field instead of a failed
/// form read (400/413): before anything reads the form the body is read to its end and discarded, and the browser is
/// sent back to the page. As Kindergarten's OversizedUploadAttribute, with this module's limits.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OversizedMessageAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>The most a refused upload is read for, so that the browser gets the answer rather than a reset.</summary>
    public const long MaxDiscardBytes = 200L * 1024 * 1024;

    public const string ProblemKey = "messages.upload-problem";

    public const string Problem = "Файлы вместе слишком большие: каждый — не больше 10 МБ, не больше 5 файлов. Приложите их снова.";

    public int Order => 100;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.ContentLength is not { } length || length <= AttachmentRules.MaxRequestBytes)
            return;

        if (length <= MaxDiscardBytes && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxDiscardBytes;
            try
            {
                await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // The browser went away or sent too slowly: nobody is waiting for the message.
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }
        }

        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData[ProblemKey] = Problem;
        tempData.Save();
        context.Result = new RedirectResult(http.Request.Path + http.Request.QueryString + "#files");
    }
}
