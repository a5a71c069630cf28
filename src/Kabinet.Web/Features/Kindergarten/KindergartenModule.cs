using Kabinet.Web.Features.Kindergarten.Allocation;
using Kabinet.Web.Features.Kindergarten.Documents;
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
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<QueueChanges>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>(sp => sp.GetRequiredService<QueueChanges>());
        builder.Services.AddScoped<QueuePositions>();
        builder.Services.AddScoped<Apply.FileApplication>();
        builder.Services.AddScoped<ApplicationStatusService>();
        builder.Services.AddScoped<Mine.ParentApplications>();
        builder.Services.AddSingleton<Mine.CardCache>();
        builder.Services.AddScoped<Common.Applications.IApplicationSource, Mine.KindergartenApplicationSource>();
        builder.Services.AddSingleton<AgeLimitArchiver>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgeLimitArchiver>());
        builder.Services.AddScoped<ApplicationDocuments>();
        builder.Services.AddScoped<Allocation.AllocationService>();
        builder.Services.AddScoped<Allocation.ReferralDecisions>();
        builder.Services.AddSingleton<Allocation.ReferralDeadlines>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Allocation.ReferralDeadlines>());
        builder.Services.AddSingleton<Common.Hosting.IBenchmarkCommand, Allocation.AllocationBenchmark>();
        builder.Services.AddScoped<Exchange.ExchangeBoard>();
        builder.Services.AddScoped<Exchange.ExchangeApproval>();
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
            e.HasIndex(a => a.ChildPersonId, "ix_kindergarten_applications_child"); // the family's own applications (the unique index above covers active ones only)
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

        model.Entity<ApplicationDocument>(e =>
        {
            e.ToTable("kindergarten_application_documents");
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(d => d.FileName).HasMaxLength(DocumentRules.MaxFileNameLength + 10);
            e.Property(d => d.ContentType).HasMaxLength(100);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.StorageKey).HasMaxLength(100);
            e.HasOne<QueueApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => new { d.ApplicationId, d.DeletedAt });
            e.HasIndex(d => d.StorageKey).IsUnique();
        });

        model.Entity<Allocation.Referral>(e =>
        {
            e.ToTable("kindergarten_referrals");
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne<QueueApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Allocation.AllocationRun>().WithMany().HasForeignKey(r => r.AllocationRunId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.ApplicationId, r.Status });
            e.HasIndex(r => new { r.MunicipalityId, r.Status });
            e.HasIndex(r => new { r.Status, r.ValidUntil });
            e.HasIndex(r => r.KindergartenGroupId);
        });

        model.Entity<Allocation.AllocationRun>(e =>
        {
            e.ToTable("kindergarten_allocation_runs");
            e.Property(r => r.ResultHash).HasMaxLength(64);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => new { r.MunicipalityId, r.ConfirmedAt });
        });

        model.Entity<Allocation.MunicipalQueueSettings>(e =>
        {
            e.ToTable("kindergarten_queue_settings");
            e.HasKey(s => s.MunicipalityId);
            e.Property(s => s.MunicipalityId).ValueGeneratedNever();
            e.Property(s => s.ExpiredReferral).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.MainAllocationFrom).HasDefaultValue(AllocationPeriod.Default.From);
            e.Property(s => s.MainAllocationTo).HasDefaultValue(AllocationPeriod.Default.To);
            e.Property(s => s.Version).IsConcurrencyToken();
        });

        model.Entity<Exchange.ExchangeAnnouncement>(e =>
        {
            e.ToTable("kindergarten_exchange_announcements");
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Comment).HasMaxLength(Exchange.ExchangeAnnouncement.MaxCommentLength);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<QueueApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Wishes).WithOne().HasForeignKey(w => w.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
            // One active announcement per application, even when two parents publish at the same moment.
            e.HasIndex(a => a.ApplicationId).IsUnique().HasFilter("status = 'Active'").HasDatabaseName("ix_kindergarten_exchange_announcements_one_active");
            e.HasIndex(a => new { a.MunicipalityId, a.Status, a.CreatedAt });
        });

        model.Entity<Exchange.AnnouncementWish>(e =>
        {
            e.ToTable("kindergarten_exchange_wishes");
            e.HasIndex(w => new { w.AnnouncementId, w.OrganisationId }).IsUnique();
        });

        model.Entity<Exchange.PlaceExchange>(e =>
        {
            e.ToTable("kindergarten_exchange_swaps");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.CycleKey).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(600);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.ExchangeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.History).WithOne().HasForeignKey(h => h.ExchangeId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.MunicipalityId, x.Status });
            e.HasIndex(x => x.CycleKey);
        });

        model.Entity<Exchange.ExchangeParticipant>(e =>
        {
            e.ToTable("kindergarten_exchange_participants");
            e.HasOne<Exchange.ExchangeAnnouncement>().WithMany().HasForeignKey(p => p.AnnouncementId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<QueueApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.ExchangeId, p.Position }).IsUnique();
            e.HasIndex(p => p.AnnouncementId);
            e.HasIndex(p => p.ApplicationId);
        });

        model.Entity<Exchange.ExchangeEvent>(e =>
        {
            e.ToTable("kindergarten_exchange_events");
            e.Property(h => h.Text).HasMaxLength(1000);
            e.HasIndex(h => new { h.ExchangeId, h.At });
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
