using AngleSharp.Html.Dom;

namespace Kabinet.Tests.Enrollment;

/// <summary>Filling the application form as a parent would.</summary>
internal static class FormSteps
{
    public static Dictionary<string, string> FirstGradeForm(int childId, int schoolId, string key) => new()
    {
        ["Form.IdempotencyKey"] = key,
        ["Form.ChildId"] = childId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.SchoolId"] = schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.SchoolYear"] = "2027",
        ["Form.Right"] = "None",
        ["Form.Street"] = "ул. Весенняя",
        ["Form.House"] = "10",
        ["Form.AdaptedProgramme"] = "false",
        ["Form.Language"] = "русский",
        ["Form.Phone"] = "8 913 123 45 67",
        ["Form.Email"] = "",
        ["Form.BirthCertificateSeries"] = "II-ЛО",
        ["Form.BirthCertificateNumber"] = "654321",
        ["Form.BirthCertificateIssuedOn"] = "2020-06-01",
        ["Form.ConsentPersonalData"] = "true",
        ["Form.ConsentCharter"] = "true",
    };

    /// <summary>Posts the form of a page already opened, with its anti-forgery token.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, IHtmlDocument page, string url, Dictionary<string, string> fields, string? handler = null)
    {
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        var target = handler is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return browser.PostAsync(target, new FormUrlEncodedContent(form));
    }
}
