using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Support;

internal static class SupportModule
{
    public static void ConfigureModel(ModelBuilder model) => model.Entity<SupportRequest>(e =>
    {
        e.ToTable("support_requests");
        e.Property(r => r.AuthorName).HasMaxLength(200);
        e.Property(r => r.ContactEmail).HasMaxLength(254);
        e.Property(r => r.Login).HasMaxLength(256);
        e.Property(r => r.Text).HasMaxLength(SupportRequest.MaxText);
        e.Property(r => r.Answer).HasMaxLength(SupportRequest.MaxText);
        e.Property(r => r.IpAddress).HasMaxLength(64);
        e.Property(r => r.AnsweredAt).IsConcurrencyToken();
        e.HasIndex(r => new { r.AnsweredAt, r.CreatedAt });
    });
}
