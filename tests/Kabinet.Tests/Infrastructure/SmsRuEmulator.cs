using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kabinet.Tests.Infrastructure;

/// <summary>
/// The SMS.ru gateway's sending protocol on a local port, for testing Kabinet's real client: POST /sms/send
/// with api_id, to, msg, from and json=1 (form-encoded), answered as sms.ru answers — an overall status and
/// one per number, status_code 100 for an accepted message, 200 for a wrong api_id, 201 when the balance is
/// spent, 202 for a malformed number, 207 for a number that cannot receive messages. It can also be switched
/// to answering 503 (the gateway is down).
/// </summary>
public sealed class SmsRuEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _sent;

    private SmsRuEmulator(WebApplication app) => _app = app;

    public string ApiId { get; } = "A1B2C3D4-0000-1111-2222-333344445555";

    public Uri Url { get; private set; } = null!;

    /// <summary>Messages accepted: (number as sent, text, sender name).</summary>
    public ConcurrentQueue<(string To, string Text, string? From)> Accepted { get; } = new();

    public bool Down { get; set; }

    public decimal Balance { get; set; } = 100m;

    /// <summary>Numbers the "operator" refuses (code 207).</summary>
    public HashSet<string> Unreachable { get; } = [];

    public static async Task<SmsRuEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var emulator = new SmsRuEmulator(app);
        app.MapPost("/sms/send", (Func<HttpContext, Task<IResult>>)emulator.SendAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.Url = new Uri(address + "/");
        return emulator;
    }

    private async Task<IResult> SendAsync(HttpContext http)
    {
        if (Down)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        var form = await http.Request.ReadFormAsync();
        if (form["api_id"] != ApiId)
            return Error(200, "Неправильный api_id");
        if (string.IsNullOrEmpty(form["msg"]))
            return Error(205, "Сообщение слишком длинное (превышает 8 СМС) или пустое");
        var price = 3.5m;
        if (Balance < price)
            return Error(201, "Не хватает средств на лицевом счету");

        var numbers = new Dictionary<string, object>();
        foreach (var to in form["to"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (to.Length != 11 || !to.All(char.IsAsciiDigit) || to[0] != '7')
            {
                numbers[to] = new { status = "ERROR", status_code = 202, status_text = "Неправильно указан номер телефона получателя, либо на него нет маршрута" };
            }
            else if (Unreachable.Contains(to))
            {
                numbers[to] = new { status = "ERROR", status_code = 207, status_text = "На этот номер нельзя отправлять сообщения" };
            }
            else
            {
                Balance -= price;
                Accepted.Enqueue((to, form["msg"].ToString(), form.TryGetValue("from", out var from) ? from.ToString() : null));
                var id = Interlocked.Increment(ref _sent);
                numbers[to] = new { status = "OK", status_code = 100, sms_id = string.Create(CultureInfo.InvariantCulture, $"000000-{10000000 + id}") };
            }
        }

        return Results.Json(new { status = "OK", status_code = 100, sms = numbers, balance = Balance });
    }

    private static IResult Error(int code, string text) => Results.Json(new { status = "ERROR", status_code = code, status_text = text });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
