using Kabinet.Web.Common.Applications;
using Kabinet.Web.Features.AdditionalEducation.Catalogue;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.AdditionalEducation.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation;

/// <summary>The additional-education certificate (ПФДО): applications, certificates and their yearly money, the programme catalogue and enrolments.</summary>
internal static class AdditionalEducationModule
{
    public static void AddAdditionalEducation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PfdoNotices>();
        builder.Services.AddScoped<FamilyScope>();
        builder.Services.AddScoped<CertificateIssuing>();
        builder.Services.AddScoped<EnrolmentDesk>();
        builder.Services.AddScoped<IApplicationSource, PfdoApplicationSource>();
    }

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<CertificateApplication>(e =>
        {
            e.ToTable("pfdo_certificate_applications");
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.ResidenceAddress).HasMaxLength(300);
            e.Property(a => a.ProofStorageKey).HasMaxLength(100);
            e.Property(a => a.ProofFileName).HasMaxLength(Common.Files.FileNames.MaxLength + 10);
            e.Property(a => a.ProofContentType).HasMaxLength(100);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasMany(a => a.History).WithOne().HasForeignKey(h => h.CertificateApplicationId).OnDelete(DeleteBehavior.Cascade);
            // One application under consideration per child, even when both parents press «Отправить» at once.
            e.HasIndex(a => a.ChildPersonId).IsUnique().HasFilter("status IN ('Submitted', 'UnderReview')").HasDatabaseName("ix_pfdo_certificate_applications_one_open_per_child");
            e.HasIndex(a => a.ChildPersonId, "ix_pfdo_certificate_applications_child");
            e.HasIndex(a => new { a.MunicipalityId, a.Status, a.SubmittedAt });
            e.HasIndex(a => a.SubmittedByAccountId);
        });

        model.Entity<PfdoStatusChange>(e =>
        {
            e.ToTable("pfdo_status_changes");
            e.Property(h => h.From).HasMaxLength(40);
            e.Property(h => h.To).HasMaxLength(40);
            e.Property(h => h.Comment).HasMaxLength(1000);
            e.HasIndex(h => new { h.CertificateApplicationId, h.At });
            e.HasIndex(h => new { h.EnrolmentId, h.At });
        });

        model.Entity<Certificate>(e =>
        {
            e.ToTable("pfdo_certificates");
            e.Property(c => c.Number).HasMaxLength(20);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            // One certificate per child, ever.
            e.HasIndex(c => c.ChildPersonId).IsUnique();
            e.HasIndex(c => c.Number).IsUnique();
            e.HasOne<CertificateApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<CertificateBalance>(e =>
        {
            e.ToTable("pfdo_certificate_balances");
            e.HasIndex(b => new { b.CertificateId, b.Year }).IsUnique();
            e.HasOne<Certificate>().WithMany().HasForeignKey(b => b.CertificateId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable(t => t.HasCheckConstraint("ck_pfdo_certificate_balances_not_negative", "balance_kopecks >= 0"));
        });

        model.Entity<CertificateNominal>(e =>
        {
            e.ToTable("pfdo_certificate_nominals");
            e.HasKey(n => new { n.MunicipalityId, n.Year });
        });

        model.Entity<LedgerEntry>(e =>
        {
            e.ToTable("pfdo_ledger");
            e.Property(l => l.Text).HasMaxLength(300);
            e.HasIndex(l => new { l.CertificateId, l.At });
            e.HasOne<Certificate>().WithMany().HasForeignKey(l => l.CertificateId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Programme>(e =>
        {
            e.ToTable("pfdo_programmes");
            e.Property(p => p.Name).HasMaxLength(Programme.MaxNameLength);
            e.Property(p => p.SearchText).HasMaxLength(Programme.MaxNameLength + Programme.MaxTextLength + 1);
            e.Property(p => p.Description).HasMaxLength(Programme.MaxTextLength);
            e.Property(p => p.Schedule).HasMaxLength(500);
            e.Property(p => p.Direction).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Funding).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.MunicipalityId, p.IsActive, p.Direction });
            e.HasIndex(p => p.OrganisationId);
            e.ToTable(t => t.HasCheckConstraint("ck_pfdo_programmes_places", "taken >= 0 AND taken <= places"));
        });

        model.Entity<ProgrammeEnrolment>(e =>
        {
            e.ToTable("pfdo_enrolments");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.History).WithOne().HasForeignKey(h => h.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            // One active enrolment of a child on a programme, even with two clicks at once.
            e.HasIndex(x => new { x.ProgrammeId, x.ChildPersonId }).IsUnique().HasFilter("status IN ('Submitted', 'Enrolled')").HasDatabaseName("ix_pfdo_enrolments_one_active");
            e.HasIndex(x => new { x.ChildPersonId, x.Status });
            e.HasIndex(x => new { x.OrganisationId, x.Status, x.SubmittedAt });
        });
    }
}
