using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kabinet.Web.Common.Email;

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Sends through a real SMTP server with MailKit, one connection per batch of letters.</summary>
internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(o.SmtpHost!, o.SmtpPort, o.SmtpSecurity, ct);
        if (!string.IsNullOrEmpty(o.SmtpUsername))
            await client.AuthenticateAsync(o.SmtpUsername, o.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>Writes each letter as an .eml file: the development default, read at /dev/mail.</summary>
internal sealed class PickupDirectoryMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        // Date first, then the outbox number: the folder sorts in the order the letters were written.
        var id = new string([.. (message.MessageId ?? Guid.NewGuid().ToString("N")).TakeWhile(c => c != '@').Where(c => char.IsLetterOrDigit(c) || c == '-')]);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{id}.eml";
        var temporary = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, Path.Combine(directory, name)); // readers never see a half-written letter
    }
}
