using System.Net;
using System.Text.RegularExpressions;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Email;
using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.Tests.Accounts;

/// <summary>A new mobile number replaces the old one only after the code sent to it by SMS (pickup folder or the SMS.ru gateway).</summary>
public sealed partial class PhoneChangeTests
{
    private const string Password = Kabinet.Web.Data.Seed.Seeder.DemoPassword;

    [Fact]
    public async Task A_new_number_replaces_the_old_one_only_after_the_SMS_code()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var parent = await app.SignedInAsync("demo.roditel");
        var before = (await parent.GetPageAsync("/account/profile")).Text("dl.details");

        var badNumber = await RequestAsync(parent, "8 (3842) 12-34-56", Password);
        Assert.Contains("мобильный номер", Html.Parse(await badNumber.Content.ReadAsStringAsync()).Text("#NewPhone-error"), StringComparison.Ordinal);
        var wrongPassword = await RequestAsync(parent, "8 (913) 555-00-11", "nope");
        Assert.Equal("Пароль неверный.", Html.Parse(await wrongPassword.Content.ReadAsStringAsync()).Text("#PhonePassword-error"));
        Assert.Empty(await app.TextsAsync());

        var requested = await RequestAsync(parent, "8 (913) 555-00-11", Password);
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var code = CodeIn(Assert.Single(await app.TextsAsync("+79135550011")).Text);
        var pending = await parent.GetPageAsync("/account/profile");
        Assert.Equal(before, pending.Text("dl.details")); // the old number stays until the code is entered
        Assert.Contains("+7 (913) 555-00-11", pending.Text("label[for=PhoneCode]"), StringComparison.Ordinal);

        var wrong = await ConfirmAsync(parent, code == "000000" ? "111111" : "000000");
        Assert.Contains("Осталось попыток: 4", Html.Parse(await wrong.Content.ReadAsStringAsync()).Text("#PhoneCode-error"), StringComparison.Ordinal);
        var right = await ConfirmAsync(parent, code);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("+7 (913) 555-00-11 (подтверждён)", (await parent.GetPageAsync("/account/profile")).Text("dl.details"), StringComparison.Ordinal);
        Assert.Contains(await app.LettersAsync("demo.roditel@kabinet.example"), l => l.Subject == "Kabinet: номер телефона изменён");
    }

    [Fact]
    public async Task A_number_belongs_to_whoever_confirmed_it_last()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var first = await app.SignedInAsync("demo.roditel");
        var second = await app.SignedInAsync("demo.uchitel");
        await RequestAsync(first, "+79135550022", Password);
        await ConfirmAsync(first, CodeIn((await app.TextsAsync("+79135550022"))[^1].Text));

        await RequestAsync(second, "+79135550022", Password);
        await ConfirmAsync(second, CodeIn((await app.TextsAsync("+79135550022"))[^1].Text));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var owners = await db.Users.Where(a => a.PhoneNumber == "+79135550022").ToDictionaryAsync(a => a.UserName!, a => a.PhoneNumberConfirmed);
        Assert.Equal(new Dictionary<string, bool> { ["demo.roditel"] = false, ["demo.uchitel"] = true }, owners);
    }

    [Fact]
    public async Task Codes_per_hour_are_limited_so_nobody_sends_SMS_in_bulk_through_the_portal()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var parent = await app.SignedInAsync("demo.roditel");
        for (var i = 0; i < Kabinet.Web.Features.Accounts.Profile.ProfileModel.CodesPerHour; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(parent, $"+7913555003{i}", Password)).StatusCode);

        var refused = await RequestAsync(parent, "+79135550039", Password);

        Assert.Contains("Не больше 5 кодов в час", Html.Parse(await refused.Content.ReadAsStringAsync()).Text("#NewPhone-error"), StringComparison.Ordinal);
        Assert.Equal(5, (await app.TextsAsync()).Count);
    }

    [Fact]
    public async Task The_code_goes_through_the_SMS_ru_gateway_when_one_is_configured()
    {
        await using var gateway = await SmsRuEmulator.StartAsync();
        await using var app = new KabinetApp(GatewaySettings(gateway, gateway.ApiId));
        await app.InitializeAsync();
        var parent = await app.SignedInAsync("demo.roditel");

        await RequestAsync(parent, "+7 913 555-00-44", Password);
        Assert.Equal(1, await app.DeliverMailAsync());

        var (to, text, from) = Assert.Single(gateway.Accepted);
        Assert.Equal(("79135550044", "KABINET"), (to, from));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(parent, CodeIn(text))).StatusCode);
        Assert.Contains("(подтверждён)", (await parent.GetPageAsync("/account/profile")).Text("dl.details"), StringComparison.Ordinal);
        Assert.Empty(await app.TextsAsync()); // nothing fell back to the pickup folder
    }

    [Fact]
    public async Task While_the_gateway_is_down_or_refuses_the_message_waits_in_the_outbox_and_goes_out_later()
    {
        await using var gateway = await SmsRuEmulator.StartAsync();
        gateway.Down = true;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        await using var app = new KabinetApp(GatewaySettings(gateway, gateway.ApiId), services => services.AddSingleton<TimeProvider>(clock));
        await app.InitializeAsync();
        await EnqueueAsync(app, "+79135550055", "Kabinet: проверка");

        Assert.Equal(0, await app.DeliverMailAsync());
        Assert.Contains("503", (await MessageAsync(app)).LastError, StringComparison.Ordinal);

        gateway.Down = false;
        gateway.Balance = 0m;
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await app.DeliverMailAsync());
        var refused = await MessageAsync(app);
        Assert.Equal(2, refused.Attempts);
        Assert.Contains("201", refused.LastError, StringComparison.Ordinal);

        gateway.Balance = 50m;
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await app.DeliverMailAsync());
        Assert.Equal(("79135550055", "Kabinet: проверка"), (Assert.Single(gateway.Accepted).To, gateway.Accepted.Single().Text));
        Assert.NotNull((await MessageAsync(app)).SentAt);
    }

    [Theory]
    [InlineData("wrong-api-id", "+79135550066", "200")]
    [InlineData(null, "+79135550077", "207")]
    public async Task A_refusal_by_the_gateway_is_recorded_and_nothing_is_lost(string? apiId, string phone, string code)
    {
        await using var gateway = await SmsRuEmulator.StartAsync();
        gateway.Unreachable.Add("79135550077");
        await using var app = new KabinetApp(GatewaySettings(gateway, apiId ?? gateway.ApiId));
        await app.InitializeAsync();
        await EnqueueAsync(app, phone, "Kabinet: проверка");

        Assert.Equal(0, await app.DeliverMailAsync());

        var message = await MessageAsync(app);
        Assert.Null(message.SentAt);
        Assert.Contains(code, message.LastError, StringComparison.Ordinal);
        Assert.Empty(gateway.Accepted);
    }

    private static Dictionary<string, string?> GatewaySettings(SmsRuEmulator gateway, string apiId) => new()
    {
        ["Sms:GatewayUrl"] = gateway.Url.ToString(),
        ["Sms:ApiId"] = apiId,
        ["Sms:From"] = "KABINET",
    };

    private static Task<HttpResponseMessage> RequestAsync(HttpClient browser, string phone, string password) =>
        browser.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["NewPhone"] = phone, ["PhonePassword"] = password }, handler: "RequestPhone");

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient browser, string code) =>
        browser.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["PhoneCode"] = code }, handler: "ConfirmPhone");

    private static string CodeIn(string text) => SixDigits().Match(text).Value;

    private static async Task EnqueueAsync(KabinetApp app, string phone, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(new SmsMessage("test", phone, text));
        await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().SaveChangesAsync();
    }

    private static async Task<OutboxMessage> MessageAsync(KabinetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Channel == OutboxChannel.Sms);
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
