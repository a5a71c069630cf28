using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kabinet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Kabinet.Web.Data;
using System.Data.Common;

namespace Kabinet.Tests.Platform;

public sealed class ErrorPageTests(DemoApp app)
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/organisations/999999")]
    [InlineData("/organisations/not-a-number")]
    public async Task People_get_a_Russian_404_page(string url)
    {
        var page = await app.CreateBrowser().GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("Страница не найдена", page.Text("h1"));
        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Theory]
    [InlineData("PUT", "/organisations")]
    [InlineData("DELETE", "/no-such-page")]
    [InlineData("PATCH", "/")]
    public async Task Other_methods_get_a_real_error_page_too(string method, string url)
    {
        var response = await app.CreateBrowser().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.True((int)response.StatusCode >= 400);
        Assert.NotEqual("", page.Text("h1"));
        Assert.Equal($"Код ответа: {(int)response.StatusCode}", page.Text("p.muted:last-of-type"));
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/v1/organisations/999999")]
    public async Task Programs_get_ProblemDetails_404(string url)
    {
        var response = await app.CreateBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Не найдено", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unparseable_api_parameters_are_a_400_ProblemDetails_not_a_500()
    {
        var response = await app.CreateBrowser().GetAsync("/api/v1/organisations?page=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_failing_page_shows_the_Russian_error_page_without_a_stack_trace()
    {
        await using var failing = new KabinetApp(services: s => s.ConfigureDbContext<SqliteKabinetDbContext>(o => o.AddInterceptors(new FailOrganisationQueries()))
            .ConfigureDbContext<PostgresKabinetDbContext>(o => o.AddInterceptors(new FailOrganisationQueries())));
        await failing.InitializeAsync();
        var browser = failing.CreateBrowser();

        var response = await browser.GetAsync("/organisations");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Что-то пошло не так", Html.Parse(body).Text("h1"));
        Assert.DoesNotContain(FailOrganisationQueries.Message, body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Kabinet", body, StringComparison.Ordinal);

        var api = await browser.GetAsync("/api/v1/organisations");
        var apiBody = await api.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(FailOrganisationQueries.Message, apiBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_database_is_down_people_and_programs_are_told_to_retry()
    {
        await using var down = KabinetApp.WithUnreachableDatabase();
        var browser = down.CreateBrowser();

        var page = await browser.GetAsync("/organisations");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Equal("Сервис временно недоступен", Html.Parse(await page.Content.ReadAsStringAsync()).Text("h1"));

        var api = await browser.GetAsync("/api/v1/organisations");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Makes every query on organisations fail the way an unexpected bug would.</summary>
    private sealed class FailOrganisationQueries : DbCommandInterceptor
    {
        public const string Message = "Simulated failure 7f3a";

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("FROM organisations", StringComparison.Ordinal) || command.CommandText.Contains("FROM \"organisations\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException(Message)
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("organisations", StringComparison.Ordinal)
                ? throw new InvalidOperationException(Message)
                : base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
