using System.Text.RegularExpressions;
using Kabinet.Web.Common.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kabinet.Web.Features.DevTools;

public sealed record LetterSummary(string File, DateTimeOffset Date, string To, string Subject);

public sealed record TextMessage(DateTime Written, string Phone, string Text);

/// <summary>
/// Development only: the letters Kabinet "sent" into the pickup folder, newest first, so that a developer
/// can follow registration and recovery links without a mail server. 404 in every other environment.
/// </summary>
[AllowAnonymous]
public sealed partial class MailModel(IWebHostEnvironment environment, IOptions<EmailOptions> options, IOptions<SmsOptions> sms) : PageModel
{
    /// <summary>Text messages written to the SMS pickup folder (no gateway configured), newest first.</summary>
    public IReadOnlyList<TextMessage> Texts { get; private set; } = [];

    public IReadOnlyList<LetterSummary> Letters { get; private set; } = [];

    public MimeMessage? Open { get; private set; }

    public string? OpenFile { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? letter, CancellationToken ct)
    {
        if (!environment.IsDevelopment() || options.Value.UsesSmtp)
            return NotFound();

        var folder = options.Value.PickupDirectory;
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").OrderByDescending(f => f, StringComparer.Ordinal).Take(100).ToList()
            : [];
        var letters = new List<LetterSummary>();
        foreach (var file in files)
        {
            using var message = await MimeMessage.LoadAsync(file, ct);
            letters.Add(new LetterSummary(Path.GetFileName(file), message.Date, message.To.ToString(), message.Subject ?? ""));
        }

        Letters = letters;
        var smsFolder = sms.Value.PickupDirectory;
        if (!sms.Value.UsesGateway && Directory.Exists(smsFolder))
        {
            var texts = new List<TextMessage>();
            foreach (var file in Directory.GetFiles(smsFolder, "*.txt").OrderByDescending(f => f, StringComparer.Ordinal).Take(50))
            {
                var (phone, text) = PickupDirectorySmsTransport.Read(await System.IO.File.ReadAllTextAsync(file, ct));
                texts.Add(new TextMessage(System.IO.File.GetLastWriteTimeUtc(file), phone, text));
            }

            Texts = texts;
        }

        if (letter is not null)
        {
            // Only a name from the list: never a path.
            var file = files.FirstOrDefault(f => Path.GetFileName(f) == letter);
            if (file is null)
                return NotFound();
            Open = await MimeMessage.LoadAsync(file, ct);
            OpenFile = letter;
        }

        return Page();
    }

    /// <summary>The letter's text split into plain pieces and links, for rendering without raw HTML.</summary>
    public static IEnumerable<(string Text, bool IsLink)> Pieces(string text)
    {
        var last = 0;
        foreach (Match m in LinkPattern().Matches(text))
        {
            if (m.Index > last)
                yield return (text[last..m.Index], false);
            yield return (m.Value, true);
            last = m.Index + m.Length;
        }

        if (last < text.Length)
            yield return (text[last..], false);
    }

    [GeneratedRegex(@"https?://[^\s<>""«»]+")]
    private static partial Regex LinkPattern();
}
