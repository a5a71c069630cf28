using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Kindergarten;

/// <summary>The regional administrators' list of legal grounds for a benefit: add, correct, withdraw; nobody else may.</summary>
public sealed class BenefitGroundTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private const string Page = "/admin/kindergarten/grounds";

    [Fact]
    public async Task A_regional_administrator_adds_a_ground_that_parents_are_then_offered()
    {
        var admin = await app.SignedInAsync("demo.region");

        var response = await admin.SubmitFormAsync(Page, new Dictionary<string, string>
        {
            ["Kind"] = "FirstPriority", ["Title"] = "  Дети медицинских работников участковой службы ", ["LegalBasis"] = "Закон Кемеровской области от 01.01.2026 № 1-ОЗ",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ground = await GroundAsync("Дети медицинских работников участковой службы");
        Assert.NotNull(ground);
        Assert.True(ground.Id > BenefitGroundList.Initial.Length, "a new ground takes a new id after the seeded ones");
        Assert.Equal((BenefitKind.FirstPriority, true), (ground.Kind, ground.Active));
        var list = await admin.GetPageAsync(Page);
        Assert.Contains("Дети медицинских работников участковой службы", list.Text(".results"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "п. 1 ст. 2 Закона", "Title", "Укажите, кому положена льгота")]
    [InlineData("Дети судей", "п. 3 ст. 19 Закона РФ № 3132-1", "Title", "уже есть в списке")]
    [InlineData("Дети сотрудников МЧС", "", "LegalBasis", "Укажите норму закона")]
    public async Task A_bad_ground_is_refused_next_to_its_field_and_nothing_is_saved(string title, string basis, string field, string message)
    {
        var admin = await app.SignedInAsync("demo.region");
        var before = await CountAsync();

        var response = await admin.SubmitFormAsync(Page, new Dictionary<string, string> { ["Kind"] = "OutOfTurn", ["Title"] = title, ["LegalBasis"] = basis });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text($"#{field}-error"), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_corrected_and_withdrawn_ground_keeps_its_kind_and_is_marked_withdrawn()
    {
        var admin = await app.SignedInAsync("demo.region");

        var response = await admin.SubmitFormAsync($"{Page}/13", new Dictionary<string, string>
        {
            ["Title"] = "Дети из приёмных семей с тремя и более детьми", ["LegalBasis"] = "Закон Кемеровской области от 16.03.2001 № 26-ОЗ (в ред. 2025 г.)", ["Active"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ground = await GroundAsync("Дети из приёмных семей с тремя и более детьми");
        Assert.NotNull(ground);
        Assert.Equal((13, BenefitKind.FirstPriority, false), (ground.Id, ground.Kind, ground.Active));
        Assert.Contains("снято", (await admin.GetPageAsync(Page)).Text(".results"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "/account/login")]
    [InlineData("demo.roditel", "/error/403")]
    [InlineData("demo.uchitel", "/error/403")]
    [InlineData("demo.admin", "/error/403")]
    [InlineData("demo.operator", "/error/403")]
    [InlineData("demo.region", null)]
    public async Task Only_regional_administrators_keep_the_list(string? login, string? sentTo)
    {
        var browser = login is null ? app.CreateBrowser() : await app.SignedInAsync(login);

        foreach (var url in new[] { Page, $"{Page}/1", $"{Page}/9999" })
        {
            var response = await browser.GetAsync(url);
            if (sentTo is null)
                Assert.Equal(url.EndsWith("9999", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
            else
                Assert.StartsWith(sentTo, response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString ?? $"{(int)response.StatusCode}", StringComparison.Ordinal);
        }
    }

    private async Task<BenefitGround?> GroundAsync(string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().BenefitGrounds.AsNoTracking().FirstOrDefaultAsync(g => g.Title == title);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().BenefitGrounds.CountAsync();
    }
}
