using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Common.Email;

internal static class EmailModule
{
    public static void AddEmail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>()
            .Bind(builder.Configuration.GetSection("Email"))
            .PostConfigure<IServiceProvider>((o, sp) =>
            {
                if (string.IsNullOrWhiteSpace(o.PickupDirectory))
                    o.PickupDirectory = Path.Combine(sp.GetRequiredService<DatabaseSettings>().DataDirectory, "mail");
            });
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(sp));
        services.AddOptions<SmsOptions>()
            .Bind(builder.Configuration.GetSection("Sms"))
            .PostConfigure<IServiceProvider>((o, sp) =>
            {
                if (string.IsNullOrWhiteSpace(o.PickupDirectory))
                    o.PickupDirectory = Path.Combine(sp.GetRequiredService<DatabaseSettings>().DataDirectory, "sms");
            });
        services.AddHttpClient(SmsRuTransport.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ISmsTransport>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.UsesGateway
            ? ActivatorUtilities.CreateInstance<SmsRuTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectorySmsTransport>(sp));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
    }

    public static void ConfigureModel(ModelBuilder model) => model.Entity<OutboxMessage>(e =>
    {
        e.ToTable("outbox_messages");
        e.Property(m => m.Kind).HasMaxLength(50);
        e.Property(m => m.Channel).HasConversion<string>().HasMaxLength(8);
        e.Property(m => m.To).HasMaxLength(320);
        e.Property(m => m.ToName).HasMaxLength(300);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.Property(m => m.LockedBy).HasMaxLength(200);
        // The dispatcher's round reads the first unsent letters by due time: an index of only the unsent ones, in that
        // order, answers it by reading a batch however many letters were sent before (a queue's index must not grow
        // with its history, or every round scans the sent letters).
        e.HasIndex(m => new { m.NextAttemptAt, m.Id }).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_due");
    });
}
