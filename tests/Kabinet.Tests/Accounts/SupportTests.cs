using System.Net;
using Kabinet.Tests.Infrastructure;

namespace Kabinet.Tests.Accounts;

/// <summary>«Напишите в техническую поддержку»: numbered, stored, answered by a regional administrator, answer e-mailed.</summary>
public sealed class SupportTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task A_request_gets_a_number_and_a_copy_and_the_administrator_s_answer_arrives_by_e_mail()
    {
        var email = $"mother{Guid.NewGuid():N}@mail.example";
        var response = await app.CreateBrowser().SubmitFormAsync("/support/new", new Dictionary<string, string>
        {
            ["AuthorName"] = "Анна Сергеевна",
            ["ContactEmail"] = email,
            ["Login"] = "ivanova.as",
            ["Text"] = "Школа не выдала логин сыну, 3Б класс.",
        });
        Assert.Equal("/support/sent", response.Headers.Location?.OriginalString);
        var copy = Assert.Single(await app.LettersAsync(email));
        var number = System.Text.RegularExpressions.Regex.Match(copy.Subject ?? "", @"№ (\d+)").Groups[1].Value;
        Assert.NotEmpty(number);

        var admin = await app.SignedInAsync("demo.region");
        var list = await admin.GetPageAsync("/admin/support");
        Assert.Contains(list.QuerySelectorAll("a.results__name"), a => a.TextContent == $"№ {number} — Анна Сергеевна");

        var answered = await admin.SubmitFormAsync($"/admin/support/{number}", new Dictionary<string, string> { ["Answer"] = "Логин выдан, проверьте почту." });
        Assert.Equal("/admin/support", answered.Headers.Location?.OriginalString);
        var letters = await app.LettersAsync(email);
        var answer = letters[^1];
        Assert.Equal($"Kabinet: ответ на обращение № {number}", answer.Subject);
        Assert.Contains("Логин выдан, проверьте почту.", answer.TextBody, StringComparison.Ordinal);

        // Answered once: the form is gone and a second answer is refused.
        var page = await admin.GetPageAsync($"/admin/support/{number}");
        Assert.Null(page.QuerySelector("textarea#Answer"));
    }

    [Theory]
    [InlineData("", "x@mail.example", "Текст", "AuthorName", "Напишите, как к вам обращаться.")]
    [InlineData("Анна", "not an email", "Текст", "ContactEmail", "Укажите адрес электронной почты")]
    [InlineData("Анна", "x@mail.example", "", "Text", "Опишите, что случилось.")]
    public async Task A_bad_request_form_comes_back_with_the_message_next_to_the_field(string name, string email, string text, string field, string message)
    {
        var response = await app.CreateBrowser().SubmitFormAsync("/support/new", new Dictionary<string, string>
        {
            ["AuthorName"] = name,
            ["ContactEmail"] = email,
            ["Text"] = text,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.Parse(await response.Content.ReadAsStringAsync()).Text($"#{field}-error"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo.roditel")]
    [InlineData("demo.admin")]
    [InlineData("demo.operator")]
    public async Task Only_regional_administrators_see_support_requests(string login)
    {
        var browser = await app.SignedInAsync(login);

        var response = await browser.GetAsync("/admin/support");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/error/403", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
