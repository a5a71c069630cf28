using Kabinet.Web.Common.Applications;
using Kabinet.Web.Features.Enrollment.Submit;
using Kabinet.Web.Features.Enrollment.Territories;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment;

/// <summary>School enrollment: 1st grade, transfers and 10th grade, campaigns, assigned territories, the enrollment day.</summary>
internal static class EnrollmentModule
{
    public static void AddEnrollment(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EnrollmentOptions>().Bind(builder.Configuration.GetSection(EnrollmentOptions.Section));
        builder.Services.AddSingleton<AdmissionGate>();
        builder.Services.AddScoped<EnrollmentSubmissions>();
        builder.Services.AddSingleton<EnrollmentWriter>();
        builder.Services.AddScoped<EnrollmentReference>();
        builder.Services.AddScoped<SchoolApplicationDecisions>();
        builder.Services.AddScoped<SchoolApplicationSource>();
        builder.Services.AddScoped<IApplicationSource>(sp => sp.GetRequiredService<SchoolApplicationSource>());
    }

    public static void MapEnrollment(this WebApplication app) => EnrollmentApi.Map(app);

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<EnrollmentCampaign>(e =>
        {
            e.ToTable("enrollment_campaigns");
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.MunicipalityId, c.StartYear }).IsUnique();
        });

        model.Entity<SchoolIntake>(e =>
        {
            e.ToTable("enrollment_school_intakes");
            e.HasKey(i => new { i.OrganisationId, i.StartYear });
        });

        model.Entity<SchoolTerritory>(e =>
        {
            e.ToTable("enrollment_territories");
            e.HasKey(t => t.OrganisationId);
            e.Property(t => t.OrganisationId).ValueGeneratedNever();
            e.Property(t => t.Lines).HasMaxLength(20000);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasIndex(t => t.MunicipalityId);
        });

        model.Entity<SchoolApplication>(e =>
        {
            e.ToTable("school_applications");
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Right).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Number).HasMaxLength(32);
            e.Property(a => a.CurrentSchool).HasMaxLength(300);
            e.Property(a => a.SiblingName).HasMaxLength(200);
            e.Property(a => a.Street).HasMaxLength(200);
            e.Property(a => a.House).HasMaxLength(20);
            e.Property(a => a.Language).HasMaxLength(50);
            e.Property(a => a.NativeLanguage).HasMaxLength(50);
            e.Property(a => a.Phone).HasMaxLength(30);
            e.Property(a => a.Email).HasMaxLength(200);
            e.Property(a => a.BirthCertificateSeries).HasMaxLength(20);
            e.Property(a => a.BirthCertificateNumber).HasMaxLength(20);
            e.Property(a => a.OrderNumber).HasMaxLength(50);
            e.Property(a => a.RefusalReason).HasMaxLength(1000);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<EnrollmentCampaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            // The number is the order of acceptance: unique per campaign and kind, and the gapless check reads it in order.
            e.HasIndex(a => new { a.CampaignId, a.Kind, a.Sequence }).IsUnique();
            // One active application per child, school and year, even when two parents press «Отправить» at once.
            e.HasIndex(a => new { a.ChildPersonId, a.SchoolId, a.SchoolYear }).IsUnique()
                .HasFilter("status IN ('Registered', 'UnderReview')").HasDatabaseName("ix_school_applications_one_active");
            e.HasIndex(a => new { a.SchoolId, a.SchoolYear, a.Kind, a.Sequence });
            e.HasIndex(a => new { a.MunicipalityId, a.SchoolYear });
            // The children a school has enrolled in 1st grade, counted against its places for every 1st-grade
            // submission (cached briefly): only enrolled rows are in it, so the count does not read every application.
            e.HasIndex(a => new { a.SchoolId, a.SchoolYear }).HasFilter("status = 'Enrolled' AND kind = 'FirstGrade'")
                .HasDatabaseName("ix_school_applications_first_grade_enrolled");
            e.HasIndex(a => a.SubmittedByAccountId);
            e.HasIndex(a => a.ChildPersonId);
        });

        model.Entity<SchoolApplicationChange>(e =>
        {
            e.ToTable("school_application_changes");
            e.Property(h => h.From).HasConversion<string>().HasMaxLength(16);
            e.Property(h => h.To).HasConversion<string>().HasMaxLength(16);
            e.Property(h => h.Comment).HasMaxLength(1000);
            e.HasIndex(h => new { h.ApplicationId, h.At });
        });

        model.Entity<SchoolApplicationDocument>(e =>
        {
            e.ToTable("school_application_documents");
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(d => d.FileName).HasMaxLength(140);
            e.Property(d => d.ContentType).HasMaxLength(100);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.StorageKey).HasMaxLength(100);
            e.HasIndex(d => d.StorageKey).IsUnique();
        });

        model.Entity<SubmissionKey>(e =>
        {
            e.ToTable("school_submission_keys");
            e.Property(k => k.Key).HasMaxLength(255);
            e.Property(k => k.RequestHash).HasMaxLength(64);
            e.Property(k => k.Response).HasMaxLength(2000);
            e.HasIndex(k => new { k.AccountId, k.Key }).IsUnique();
            e.HasOne<SchoolApplication>().WithMany().HasForeignKey(k => k.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
