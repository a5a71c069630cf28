using Kabinet.Web.Common.Applications;
using Kabinet.Web.Common.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Features.Applications;

/// <summary>«Заявления»: every application of an account from every module, and the complaint «Не выдали логин и пароль».</summary>
internal static class ApplicationsModule
{
    public static void AddApplications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IApplicationSource, Complaints.ComplaintSource>();
        builder.Services.AddScoped<Staff.ComplaintDesk>();
        builder.Services.AddOptions<ComplaintOptions>()
            .Bind(builder.Configuration.GetSection(ComplaintOptions.Section))
            .PostConfigure(o => o.Check());
        builder.Services.AddStartupSettingsCheck(sp => _ = sp.GetRequiredService<IOptions<ComplaintOptions>>().Value);
    }

    public static void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Complaint>(e =>
        {
            e.ToTable("complaints");
            e.Ignore(c => c.Number);
            e.Property(c => c.ChildName).HasMaxLength(Complaint.MaxName);
            e.Property(c => c.ClassName).HasMaxLength(Complaint.MaxClass);
            e.Property(c => c.Text).HasMaxLength(Complaint.MaxText);
            e.Property(c => c.Answer).HasMaxLength(Complaint.MaxAnswer);
            e.Property(c => c.Phone).HasMaxLength(16);
            e.Property(c => c.Email).HasMaxLength(254);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasMany(c => c.History).WithOne().HasForeignKey(h => h.ComplaintId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(c => c.AuthorAccountId);
            e.HasIndex(c => new { c.OrganisationId, c.CreatedAt });
            e.HasIndex(c => new { c.MunicipalityId, c.CreatedAt });
        });

        model.Entity<ComplaintEvent>(e =>
        {
            e.ToTable("complaint_events");
            e.Property(h => h.From).HasConversion<string>().HasMaxLength(16);
            e.Property(h => h.To).HasConversion<string>().HasMaxLength(16);
            e.Property(h => h.Comment).HasMaxLength(Complaint.MaxAnswer);
            e.HasIndex(h => new { h.ComplaintId, h.At });
        });
    }
}

/// <summary>Settings of complaints (section «Applications»).</summary>
public sealed class ComplaintOptions
{
    public const string Section = "Applications";

    /// <summary>Days an organisation has to answer; older unanswered complaints are highlighted to the operator.</summary>
    public int ComplaintAnswerDays { get; set; } = 5;

    internal void Check()
    {
        if (ComplaintAnswerDays is < 1 or > 90)
            throw new ConfigurationProblemException($"{Section}:ComplaintAnswerDays must be from 1 to 90 days, not {ComplaintAnswerDays}.");
    }
}
