using System.Net;
using Kabinet.Tests.Infrastructure;
using static Kabinet.Tests.Enrollment.EnrollmentTestData;

namespace Kabinet.Tests.Enrollment;

/// <summary>A node with no free slot and a one-a-minute account limit: nothing is registered, and people are told when to try again.</summary>
public sealed class OverloadedApp() : EnrollmentApp(new Dictionary<string, string?>
{
    ["Enrollment:MaxConcurrentSubmissions"] = "0",
    ["Enrollment:QueueWaitMs"] = "0",
    ["Enrollment:RetryAfterSeconds"] = "7",
    ["Enrollment:SubmissionsPerMinute"] = "2",
});

public sealed class OverloadTests(OverloadedApp app) : IClassFixture<OverloadedApp>
{
    [Fact]
    public async Task A_full_node_answers_503_with_Retry_After_then_the_account_limit_429_and_nothing_is_saved()
    {
        var (school, _) = await GymnasiumAsync(app);
        var child = await FirstGraderAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var before = await CountAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // a fresh minute of the account limit, whatever ran before

        var full = await PostAsync(parent, FirstGrade(child, school), "k-1");
        await PostAsync(parent, FirstGrade(child, school), "k-1");
        var limited = await PostAsync(parent, FirstGrade(child, school), "k-1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), full.Headers.RetryAfter?.Delta);
        Assert.Contains("НЕ зарегистрировано", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task The_form_comes_back_with_everything_entered_the_same_key_and_a_plain_message()
    {
        var (school, municipality) = await GymnasiumAsync(app);
        var child = await NewChildAsync(app, "demo.roditel", new DateOnly(2020, 2, 2), "Фёдор");
        var parent = await app.SignedInAsync("demo.roditel");
        var url = $"/enrollment/apply/first-grade?municipality={municipality}";
        var page = await parent.GetPageAsync(url);
        var key = page.QuerySelector("input[name='Form.IdempotencyKey']")!.GetAttribute("value")!;
        var before = await CountAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await FormSteps.PostFormAsync(parent, page, url, FormSteps.FirstGradeForm(child, school, key));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        var again = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Заявление НЕ зарегистрировано: сейчас очень много обращений. Данные формы сохранены — нажмите «Отправить» ещё раз через 7 секунд.", again.Text("#overload"), StringComparison.Ordinal);
        Assert.Equal(key, again.QuerySelector("input[name='Form.IdempotencyKey']")!.GetAttribute("value"));
        Assert.Equal("ул. Весенняя", again.QuerySelector("input[name='Form.Street']")!.GetAttribute("value"));
        Assert.Equal("II-ЛО", again.QuerySelector("input[name='Form.BirthCertificateSeries']")!.GetAttribute("value"));
        Assert.Equal(before, await CountAsync(app));
    }
}
