using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Email;
using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.Tests.Platform;

/// <summary>Letters go through the outbox to a real SMTP server (MailKit client → SmtpServer), and survive the server being down.</summary>
public sealed class MailOutboxTests
{
    [Fact]
    public async Task A_letter_reaches_the_SMTP_server()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = new KabinetApp(SmtpSettings(smtp.Port));
        await app.InitializeAsync();

        await EnqueueAsync(app, "ivanova@mail.example", "Проверка почты");
        var sent = await app.DeliverMailAsync();

        Assert.Equal(1, sent);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("Проверка почты", message.Subject);
        Assert.Equal("ivanova@mail.example", message.To.Mailboxes.Single().Address);
        Assert.Contains("Текст письма", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("noreply@kabinet.example", message.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task While_the_mail_server_is_down_letters_wait_and_are_retried_with_growing_pauses()
    {
        var port = TestSmtpServer.FreePort();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        await using var app = new KabinetApp(SmtpSettings(port), services => services.AddSingleton<TimeProvider>(clock));
        await app.InitializeAsync();

        await EnqueueAsync(app, "petrov@mail.example", "Письмо переживёт сбой");
        Assert.Equal(0, await app.DeliverMailAsync());
        var first = await LetterAsync(app);
        Assert.Equal((1, (DateTime?)null), (first.Attempts, first.SentAt));
        Assert.NotNull(first.LastError);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(1), first.NextAttemptAt);

        // Not due yet: nothing is tried.
        Assert.Equal(0, await app.DeliverMailAsync());
        Assert.Equal(1, (await LetterAsync(app)).Attempts);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await app.DeliverMailAsync());
        var second = await LetterAsync(app);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(2), second.NextAttemptAt);

        await using var smtp = TestSmtpServer.Start(port);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await app.DeliverMailAsync());
        Assert.Equal("Письмо переживёт сбой", Assert.Single(smtp.Messages).Subject);
        Assert.NotNull((await LetterAsync(app)).SentAt);

        // Sent once, never again.
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await app.DeliverMailAsync());
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task Two_dispatchers_never_send_the_same_letter_twice()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = new KabinetApp(SmtpSettings(smtp.Port));
        await app.InitializeAsync();
        for (var i = 0; i < 10; i++)
            await EnqueueAsync(app, $"parent{i}@mail.example", $"Письмо {i}");

        // Two "nodes": two dispatchers racing over one outbox.
        var other = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);
        var sent = await Task.WhenAll(app.DeliverMailAsync(), other.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(10, sent.Sum());
        Assert.Equal(10, smtp.Messages.Count);
        Assert.Equal(10, smtp.Messages.Select(m => m.Subject).Distinct().Count());
    }

    [Fact]
    public async Task A_busy_outbox_goes_out_in_rounds_and_each_letter_is_marked_sent_once()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < 130; i++)
                outbox.Enqueue(new EmailMessage("test", $"parent{i}@mail.example", null, $"Письмо {i}", "Текст письма."));
            await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().SaveChangesAsync();
        }

        // A round takes a batch of the due letters; the next round the rest; then nothing is left to send.
        Assert.Equal(100, await app.DeliverMailAsync());
        Assert.Equal(30, await app.DeliverMailAsync());
        Assert.Equal(0, await app.DeliverMailAsync());

        Assert.Equal(130, (await app.LettersAsync()).Count(m => m.Subject?.StartsWith("Письмо ", StringComparison.Ordinal) == true));
        await using var check = app.Services.CreateAsyncScope();
        var letters = await check.ServiceProvider.GetRequiredService<KabinetDbContext>().OutboxMessages.AsNoTracking().Where(m => m.Kind == "test").ToListAsync();
        Assert.Equal(130, letters.Count);
        Assert.All(letters, m => Assert.Equal((1, true, (string?)null, (DateTime?)null), (m.Attempts, m.SentAt is not null, m.LockedBy, m.LockedUntil)));
    }

    [Fact]
    public async Task A_round_of_letters_goes_to_the_SMTP_server_over_one_connection()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = new KabinetApp(SmtpSettings(smtp.Port));
        await app.InitializeAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < 12; i++)
                outbox.Enqueue(new EmailMessage("test", $"parent{i}@mail.example", null, $"Письмо {i}", "Текст письма."));
            await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().SaveChangesAsync();
        }

        Assert.Equal(12, await app.DeliverMailAsync());
        Assert.Equal(12, smtp.Messages.Count(m => m.Subject?.StartsWith("Письмо ", StringComparison.Ordinal) == true));
        Assert.Equal(1, smtp.Sessions);
    }

    [Fact]
    public async Task A_letter_sent_again_after_a_crash_replaces_its_earlier_copy_in_the_pickup_folder()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(new EmailMessage("test", "parent@mail.example", null, "Письмо после сбоя", "Текст письма."));
            var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
            await db.SaveChangesAsync();
            id = (await db.OutboxMessages.SingleAsync(m => m.Kind == "test")).Id;
        }

        // The process was killed after the file was written (and after a half-written retry) but before the letter was marked sent.
        var folder = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory;
        Directory.CreateDirectory(folder);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var letter = await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().OutboxMessages.SingleAsync(m => m.Id == id);
            var name = Path.Combine(folder, $"{letter.CreatedAt:yyyyMMdd-HHmmss}-outbox-{id:D12}{letter.CreatedAt.Ticks}.eml");
            await File.WriteAllTextAsync(name, "копия до сбоя");
            await File.WriteAllTextAsync(name + ".tmp", "недописанное");
        }

        Assert.Equal(1, await app.DeliverMailAsync());
        var files = Directory.GetFiles(folder, $"*-outbox-{id:D12}*");
        var file = Assert.Single(files);
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        Assert.Equal("Письмо после сбоя", (await MimeKit.MimeMessage.LoadAsync(file)).Subject);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 60)]
    [InlineData(30, 60)]
    public void Retries_wait_longer_each_time_up_to_an_hour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxMessage.Backoff(attempts));

    private static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:SmtpSecurity"] = "None",
    };

    private static async Task EnqueueAsync(KabinetApp app, string to, string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(new EmailMessage("test", to, null, subject, "Текст письма."));
        await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().SaveChangesAsync();
    }

    private static async Task<OutboxMessage> LetterAsync(KabinetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().OutboxMessages.AsNoTracking().Where(m => m.Kind == "test").SingleAsync();
    }
}
