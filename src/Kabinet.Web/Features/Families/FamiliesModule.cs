using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families;

internal static class FamiliesModule
{
    public static void AddFamilies(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<FamilyDirectory>();

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.LastName).HasMaxLength(100);
            e.Property(p => p.FirstName).HasMaxLength(100);
            e.Property(p => p.MiddleName).HasMaxLength(100);
            e.Property(p => p.Sex).HasConversion<string>().HasMaxLength(8);
            e.HasIndex(p => new { p.LastName, p.FirstName });
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
    }
}
