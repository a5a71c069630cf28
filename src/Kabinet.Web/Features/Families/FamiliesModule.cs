using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families;

internal static class FamiliesModule
{
    public static void AddFamilies(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FamilyDirectory>();
        builder.Services.AddScoped<Children.AddChild>();
    }

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.LastName).HasMaxLength(100);
            e.Property(p => p.FirstName).HasMaxLength(100);
            e.Property(p => p.MiddleName).HasMaxLength(100);
            e.Property(p => p.Sex).HasConversion<string>().HasMaxLength(8);
            e.Property(p => p.Snils).HasMaxLength(11);
            e.Property(p => p.DocumentKind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.DocumentSeries).HasMaxLength(20);
            e.Property(p => p.DocumentNumber).HasMaxLength(30);
            e.Property(p => p.DocumentIssuedBy).HasMaxLength(300);
            e.Property(p => p.RegistrationAddress).HasMaxLength(500);
            e.Property(p => p.ResidenceAddress).HasMaxLength(500);
            e.HasIndex(p => new { p.LastName, p.FirstName, p.BirthDate });
        });

        model.Entity<FamilyLink>(e =>
        {
            e.ToTable("family_links");
            e.Property(l => l.Relation).HasConversion<string>().HasMaxLength(16);
            e.HasOne(l => l.Guardian).WithMany().HasForeignKey(l => l.GuardianId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(l => l.Child).WithMany().HasForeignKey(l => l.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.GuardianId, l.ChildId }).IsUnique();
            e.HasIndex(l => l.ChildId);
        });

        model.Entity<ChildLinkRequest>(e =>
        {
            e.ToTable("child_link_requests");
            e.Property(r => r.Relation).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.DocumentKind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.LastName).HasMaxLength(100);
            e.Property(r => r.FirstName).HasMaxLength(100);
            e.Property(r => r.MiddleName).HasMaxLength(100);
            e.Property(r => r.DocumentSeries).HasMaxLength(20);
            e.Property(r => r.DocumentNumber).HasMaxLength(30);
            e.Property(r => r.Comment).HasMaxLength(1000);
            e.Property(r => r.DecidedAt).IsConcurrencyToken();
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.GuardianId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.OrganisationId, r.Status });
            e.HasIndex(r => r.GuardianId);
        });

        model.Entity<PersonalDataAccess>(e =>
        {
            e.ToTable("personal_data_access");
            e.Property(a => a.Action).HasMaxLength(20);
            e.Property(a => a.What).HasMaxLength(300);
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.SubjectPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.SubjectPersonId, a.At });
        });
    }
}
