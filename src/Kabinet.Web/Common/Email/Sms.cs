using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Common.Email;

/// <summary>A text message to a Russian mobile number (+79XXXXXXXXX), sent through the same outbox as letters.</summary>
public sealed record SmsMessage(string Kind, string Phone, string Text);

public interface ISmsTransport
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>
/// Sms:ApiId set → messages go to the SMS.ru HTTP gateway (Sms:GatewayUrl, https://sms.ru by default);
/// not set → each message is written as a text file to &lt;Kabinet:DataDirectory&gt;/sms (listed at /dev/mail).
/// </summary>
public sealed class SmsOptions
{
    public Uri GatewayUrl { get; set; } = new("https://sms.ru/");

    public string? ApiId { get; set; }

    /// <summary>The sender name agreed with the gateway («KABINET»); the gateway's default when empty.</summary>
    public string? From { get; set; }

    public string PickupDirectory { get; set; } = "";

    public bool UsesGateway => !string.IsNullOrWhiteSpace(ApiId);
}

/// <summary>The gateway refused a message: its status code and text (code 200 — wrong api_id, 201 — no money, 202 — bad number, ...).</summary>
public sealed class SmsGatewayException(int code, string text) : Exception($"SMS gateway refused the message: {code} {text}")
{
    public int Code { get; } = code;
}

/// <summary>
/// The SMS.ru protocol: POST /sms/send with api_id, to (digits, 7XXXXXXXXXX), msg, from and json=1; the answer
/// has an overall status and one per number, «OK» with status_code 100 when the message is accepted.
/// </summary>
internal sealed class SmsRuTransport(IHttpClientFactory clients, IOptions<SmsOptions> options) : ISmsTransport
{
    public const string ClientName = "sms.ru";

    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        var o = options.Value;
        var number = new string([.. phone.Where(char.IsAsciiDigit)]);
        var form = new Dictionary<string, string> { ["api_id"] = o.ApiId!, ["to"] = number, ["msg"] = text, ["json"] = "1" };
        if (!string.IsNullOrWhiteSpace(o.From))
            form["from"] = o.From;
        using var response = await clients.CreateClient(ClientName).PostAsync(new Uri(o.GatewayUrl, "sms/send"), new FormUrlEncodedContent(form), ct);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<SmsRuAnswer>(ct)
            ?? throw new SmsGatewayException(0, "empty answer");
        if (answer.Status != "OK")
            throw new SmsGatewayException(answer.StatusCode, answer.StatusText ?? "");
        if (answer.Sms is null || !answer.Sms.TryGetValue(number, out var one))
            throw new SmsGatewayException(0, $"no status for {number}");
        if (one.Status != "OK")
            throw new SmsGatewayException(one.StatusCode, one.StatusText ?? "");
    }

    private sealed record SmsRuAnswer(
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("status_code")] int StatusCode,
        [property: JsonPropertyName("status_text")] string? StatusText,
        [property: JsonPropertyName("sms")] Dictionary<string, SmsRuNumber>? Sms);

    private sealed record SmsRuNumber(
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("status_code")] int StatusCode,
        [property: JsonPropertyName("status_text")] string? StatusText,
        [property: JsonPropertyName("sms_id")] string? SmsId);
}

/// <summary>Writes each message as a small text file (first line the number, then the text): the development default.</summary>
public sealed class PickupDirectorySmsTransport(IOptions<SmsOptions> options, TimeProvider time) : ISmsTransport
{
    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        var name = $"{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss-fffffff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.txt";
        var temporary = Path.Combine(directory, name + ".tmp");
        await File.WriteAllTextAsync(temporary, $"{phone}\n{text}", ct);
        File.Move(temporary, Path.Combine(directory, name));
    }

    /// <summary>Reads a file written above: (number, text).</summary>
    public static (string Phone, string Text) Read(string content)
    {
        var newline = content.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? (content, "") : (content[..newline], content[(newline + 1)..]);
    }
}
