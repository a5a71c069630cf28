using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Notifications;

internal static class NotificationsModule
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<NotificationCentre>();
    }

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(n => n.Kind).HasMaxLength(50);
            e.Property(n => n.Title).HasMaxLength(200);
            e.Property(n => n.Text).HasMaxLength(2000);
            e.Property(n => n.Link).HasMaxLength(300);
            e.HasIndex(n => new { n.AccountId, n.ReadAt });
            e.HasIndex(n => new { n.AccountId, n.CreatedAt });
        });

        model.Entity<NotificationPreference>(e =>
        {
            e.ToTable("notification_preferences");
            e.HasKey(p => new { p.AccountId, p.Kind });
            e.Property(p => p.Kind).HasMaxLength(50);
        });
    }
}
