using Kabinet.Web.Features.Kindergarten.Queue;
using Kabinet.Web.Common.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Features.Kindergarten;

/// <summary>The kindergarten queue: applications, their statuses, queue positions and the operators' back office.</summary>
internal static class KindergartenModule
{
    public static void AddKindergarten(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<QueuePositions>();
        builder.Services.AddScoped<Apply.FileApplication>();
        builder.Services.AddScoped<ApplicationStatusService>();
        builder.Services.AddScoped<Mine.ParentApplications>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<Statistics.QueueStatistics>();
        builder.Services.AddOptions<Statistics.StatisticsOptions>()
            .Bind(builder.Configuration.GetSection(Statistics.StatisticsOptions.Section))
            .PostConfigure(o => o.Check());
        builder.Services.AddStartupSettingsCheck(sp => _ = sp.GetRequiredService<IOptions<Statistics.StatisticsOptions>>().Value);
    }

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<QueueApplication>(e =>
        {
            e.ToTable("kindergarten_applications");
            e.Property(a => a.Focus).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Mode).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Benefit).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.BenefitStatus).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Need).HasMaxLength(100);
            e.Property(a => a.Language).HasMaxLength(50);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasMany(a => a.Choices).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<BenefitGround>().WithMany().HasForeignKey(a => a.BenefitGroundId).OnDelete(DeleteBehavior.Restrict);
            // One active application per child, even when two parents file at the same moment.
            e.HasIndex(a => a.ChildPersonId).IsUnique().HasFilter("status NOT IN ('Refused', 'Archived')").HasDatabaseName("ix_kindergarten_applications_one_active_per_child");
            e.HasIndex(a => new { a.AdmissionYear, a.AgeGroup, a.Status });
            e.HasIndex(a => new { a.MunicipalityId, a.Status, a.RegisteredAt });
            e.HasIndex(a => a.ApplicantPersonId);
        });

        model.Entity<ApplicationChoice>(e =>
        {
            e.ToTable("kindergarten_application_choices");
            e.Property(c => c.SiblingName).HasMaxLength(200);
            e.HasIndex(c => new { c.ApplicationId, c.Priority }).IsUnique();
            e.HasIndex(c => new { c.OrganisationId, c.ApplicationId });
        });

        model.Entity<StatusChange>(e =>
        {
            e.ToTable("kindergarten_status_changes");
            e.Property(h => h.From).HasConversion<string>().HasMaxLength(16);
            e.Property(h => h.To).HasConversion<string>().HasMaxLength(16);
            e.Property(h => h.Comment).HasMaxLength(1000);
            e.HasIndex(h => new { h.ApplicationId, h.At });
            // Statistics count referrals and enrollments since 1 September without reading the whole history.
            e.HasIndex(h => new { h.To, h.At });
        });

        model.Entity<BenefitGround>(e =>
        {
            e.ToTable("kindergarten_benefit_grounds");
            e.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(g => g.Title).HasMaxLength(300);
            e.Property(g => g.LegalBasis).HasMaxLength(500);
            e.HasData(BenefitGroundList.Initial);
        });
    }
}
