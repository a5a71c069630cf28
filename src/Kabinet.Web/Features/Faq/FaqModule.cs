using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Faq;

internal static class FaqModule
{
    public static void AddFaq(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<FaqMarkdown>();

    public static void ConfigureModel(ModelBuilder model) => model.Entity<FaqEntry>(e =>
    {
        e.ToTable("faq_entries");
        e.Property(f => f.Section).HasMaxLength(FaqEntry.MaxSection);
        e.Property(f => f.Question).HasMaxLength(FaqEntry.MaxQuestion);
        e.Property(f => f.AnswerMarkdown).HasMaxLength(FaqEntry.MaxAnswer);
        e.Property(f => f.Version).IsConcurrencyToken();
        e.HasIndex(f => new { f.Published, f.Order });
    });
}
