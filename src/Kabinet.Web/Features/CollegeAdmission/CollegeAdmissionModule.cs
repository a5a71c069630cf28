using Kabinet.Web.Common.Applications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission;

/// <summary>Admission to colleges (СПО): admission plans, applications, public ranking lists and the admissions office.</summary>
internal static class CollegeAdmissionModule
{
    public static void AddCollegeAdmission(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RankingList>();
        builder.Services.AddScoped<CollegeApplications>();
        builder.Services.AddScoped<IApplicationSource, CollegeApplicationSource>();
    }

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Speciality>(e =>
        {
            e.ToTable("college_specialities");
            e.Property(s => s.Code).HasMaxLength(16);
            e.Property(s => s.Name).HasMaxLength(300);
            e.Property(s => s.Qualification).HasMaxLength(200);
            e.Property(s => s.Form).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Basis).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => new { s.AdmissionYear, s.MunicipalityId });
            e.HasIndex(s => new { s.OrganisationId, s.AdmissionYear });
        });

        model.Entity<CollegeApplication>(e =>
        {
            e.ToTable("college_applications");
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.DocumentLevel).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.DocumentSeries).HasMaxLength(20);
            e.Property(a => a.DocumentNumber).HasMaxLength(30);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.Number);
            e.Ignore(a => a.Average);
            e.Ignore(a => a.IsActive);
            e.HasOne<Speciality>().WithMany().HasForeignKey(a => a.SpecialityId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            // One active application per person and speciality, even when a parent and the student file at the same moment.
            e.HasIndex(a => new { a.SpecialityId, a.EntrantPersonId }).IsUnique().HasFilter("status NOT IN ('Refused', 'Withdrawn')")
                .HasDatabaseName("ix_college_applications_one_active_per_speciality");
            // The ranking list reads a speciality's applications in rank order.
            e.HasIndex(a => new { a.SpecialityId, a.Status, a.PriorityRight, a.AverageHundredths });
            e.HasIndex(a => new { a.OrganisationId, a.Status });
            e.HasIndex(a => a.MunicipalityId);
            e.HasIndex(a => a.SubmittedByAccountId);
            e.HasIndex(a => a.EntrantPersonId);
        });

        model.Entity<CollegeStatusChange>(e =>
        {
            e.ToTable("college_status_changes");
            e.Property(h => h.From).HasConversion<string>().HasMaxLength(16);
            e.Property(h => h.To).HasConversion<string>().HasMaxLength(16);
            e.Property(h => h.Comment).HasMaxLength(1000);
            e.HasIndex(h => new { h.ApplicationId, h.At });
        });

        model.Entity<CollegeDocument>(e =>
        {
            e.ToTable("college_documents");
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(d => d.FileName).HasMaxLength(Common.Files.FileNames.MaxLength + 10);
            e.Property(d => d.ContentType).HasMaxLength(100);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.StorageKey).HasMaxLength(100);
            e.HasIndex(d => d.ApplicationId);
            e.HasIndex(d => d.StorageKey).IsUnique();
        });
    }
}
