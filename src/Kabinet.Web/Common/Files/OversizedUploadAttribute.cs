using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Kabinet.Web.Common.Files;

/// <summary>
/// A form post larger than the page accepts is answered with a message next to the file field instead of a
/// failed form read (400/413) or a dropped connection: before anything reads the form (anti-forgery runs at
/// order 1000, the size limits at 900) the body is read to its end and discarded, and the browser is sent back
/// to the page (at <paramref name="anchor"/>) with <paramref name="problem"/> in <see cref="ProblemKey"/> of TempData.
/// Bodies too big even to discard are left to the server's limit.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OversizedUploadAttribute(long maxRequestBytes, string problem, string anchor) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>The most a refused upload is read for, so that the browser gets the answer rather than a reset.</summary>
    public const long MaxDiscardBytes = 200L * 1024 * 1024;

    public const string ProblemKey = "upload-problem";

    public int Order => 100;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.ContentLength is not { } length || length <= maxRequestBytes)
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
        tempData[ProblemKey] = problem;
        tempData.Save();
        context.Result = new RedirectResult(http.Request.Path + http.Request.QueryString + "#" + anchor);
    }
}
