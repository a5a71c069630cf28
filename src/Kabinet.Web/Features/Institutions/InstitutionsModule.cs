using Kabinet.Web.Common.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Features.Institutions;

internal static class InstitutionsModule
{
    public static void AddInstitutions(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<InstitutionDirectory>();
        builder.Services.AddScoped<Search.SearchOrganisations>();
        builder.Services.AddScoped<Profile.OrganisationProfile>();
        builder.Services.AddScoped<Map.FindKindergartens>();
        builder.Services.AddOptions<Map.MapOptions>()
            .Bind(builder.Configuration.GetSection(Map.MapOptions.Section))
            .PostConfigure(o => o.Check());
        builder.Services.AddStartupSettingsCheck(sp => _ = sp.GetRequiredService<IOptions<Map.MapOptions>>().Value);
    }

    public static void MapInstitutions(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Образовательные организации").AllowAnonymous();
        Search.SearchOrganisations.MapEndpoints(api);
        Profile.OrganisationProfile.MapEndpoint(api);
    }

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Municipality>(e =>
        {
            e.ToTable("municipalities");
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Centre).HasMaxLength(100);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(m => m.Name).IsUnique();
        });

        model.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(o => o.FullName).HasMaxLength(500);
            e.Property(o => o.ShortName).HasMaxLength(300);
            e.Property(o => o.SearchText).HasMaxLength(1200);
            e.Property(o => o.SortName).HasMaxLength(400);
            e.Property(o => o.Address).HasMaxLength(300);
            e.Property(o => o.Phone).HasMaxLength(50);
            e.Property(o => o.Email).HasMaxLength(200);
            e.Property(o => o.Website).HasMaxLength(300);
            e.Property(o => o.HeadPosition).HasMaxLength(100);
            e.Property(o => o.HeadName).HasMaxLength(300);
            e.HasOne(o => o.Municipality).WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => new { o.MunicipalityId, o.Kind, o.SortName });
        });

        model.Entity<AcademicYear>(e =>
        {
            e.ToTable("academic_years");
            e.Property(y => y.PeriodKind).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Organisation>().WithMany().HasForeignKey(y => y.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(y => y.Periods).WithOne().HasForeignKey(p => p.AcademicYearId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(y => new { y.OrganisationId, y.StartYear }).IsUnique();
        });

        model.Entity<StudyPeriod>(e =>
        {
            e.ToTable("study_periods");
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(p => new { p.AcademicYearId, p.Number }).IsUnique();
        });

        model.Entity<ClassGroup>(e =>
        {
            e.ToTable("class_groups");
            e.Property(c => c.Name).HasMaxLength(50);
            e.Property(c => c.Speciality).HasMaxLength(300);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AcademicYear>().WithMany().HasForeignKey(c => c.AcademicYearId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.ClassTeacher).WithMany().HasForeignKey(c => c.ClassTeacherId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(c => new { c.AcademicYearId, c.Name }).IsUnique();
            e.HasIndex(c => c.OrganisationId);
        });

        model.Entity<KindergartenGroup>(e =>
        {
            e.ToTable("kindergarten_groups");
            e.Property(g => g.Name).HasMaxLength(100);
            e.Property(g => g.Focus).HasConversion<string>().HasMaxLength(16);
            e.Property(g => g.Mode).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(g => g.OrganisationId);
        });

        model.Entity<Employee>(e =>
        {
            e.ToTable("employees");
            e.Property(x => x.Position).HasMaxLength(200);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.OrganisationId);
            e.HasIndex(x => x.PersonId);
        });

        model.Entity<ClassMembership>(e =>
        {
            e.ToTable("class_memberships");
            e.HasOne<ClassGroup>().WithMany().HasForeignKey(x => x.ClassGroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ClassGroupId, x.PersonId }).IsUnique();
            e.HasIndex(x => x.PersonId);
        });

        model.Entity<KindergartenPlacement>(e =>
        {
            e.ToTable("kindergarten_placements");
            e.HasOne<KindergartenGroup>().WithMany().HasForeignKey(x => x.KindergartenGroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.KindergartenGroupId, x.PersonId }).IsUnique();
            e.HasIndex(x => x.PersonId);
        });
    }
}
