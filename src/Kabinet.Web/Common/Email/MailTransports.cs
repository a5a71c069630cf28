using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kabinet.Web.Common.Email;

/// <summary>Where letters go. The outbox sends a round of letters through one session.</summary>
public interface IMailTransport
{
    IMailSession Open();
}

/// <summary>A round of letters: each is sent or throws on its own; the session is disposed at the end of the round.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>
/// Sends through a real SMTP server with MailKit, one connection per round of letters: the connection, TLS and
/// authentication are paid once, not for every letter (an enrollment morning brings a letter per application). It
/// connects at the first letter, and again if the server dropped the connection after a failure.
/// </summary>
internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public IMailSession Open() => new Session(options.Value);

    private sealed class Session(EmailOptions o) : IMailSession
    {
        private readonly SmtpClient _client = new() { Timeout = 30_000 };

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            if (!_client.IsConnected)
            {
                await _client.ConnectAsync(o.SmtpHost!, o.SmtpPort, o.SmtpSecurity, ct);
                if (!string.IsNullOrEmpty(o.SmtpUsername))
                    await _client.AuthenticateAsync(o.SmtpUsername, o.SmtpPassword ?? "", ct);
            }

            await _client.SendAsync(message, ct);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                    await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
            {
                // The letters of the round are already accepted by the server; a failed QUIT changes nothing.
            }
            finally
            {
                _client.Dispose();
            }
        }
    }
}

/// <summary>Writes each letter as an .eml file: the development default, read at /dev/mail.</summary>
internal sealed class PickupDirectoryMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public IMailSession Open()
    {
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        return new Session(directory);
    }

    private sealed class Session(string directory) : IMailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            // Date first, then the outbox number: the folder sorts in the order the letters were written.
            var id = new string([.. (message.MessageId ?? Guid.NewGuid().ToString("N")).TakeWhile(c => c != '@').Where(c => char.IsLetterOrDigit(c) || c == '-')]);
            var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{id}.eml";
            var temporary = Path.Combine(directory, name + ".tmp");

            // A letter of a few kilobytes is formatted in memory and written with one call: asynchronous file writes on
            // Linux are thread-pool round trips, one per buffer. Readers never see a half-written letter (the rename), and
            // a letter sent again after a crash (delivery is at least once) replaces its own earlier copy and leftovers.
            using var buffer = new MemoryStream();
            message.WriteTo(buffer, ct);
            File.WriteAllBytes(temporary, buffer.ToArray());
            File.Move(temporary, Path.Combine(directory, name), overwrite: true);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
