namespace Kabinet.Web.Features.Faq;

/// <summary>
/// One question of «Вопрос-ответ» with its answer in Markdown. Regional administrators write them;
/// everyone reads the published ones, grouped by section.
/// </summary>
public sealed class FaqEntry
{
    public const int MaxSection = 100;
    public const int MaxQuestion = 300;
    public const int MaxAnswer = 20_000;
    public const int MaxOrder = 9999;

    public int Id { get; set; }

    /// <summary>The topic the question is shown under («Документы», «Льготы»…).</summary>
    public string Section { get; private set; } = "";

    public string Question { get; private set; } = "";

    public string AnswerMarkdown { get; private set; } = "";

    /// <summary>Place within the section (smaller first); sections follow their first question.</summary>
    public int Order { get; private set; }

    public bool Published { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Who saved it last; empty for questions loaded with the portal.</summary>
    public int? UpdatedByAccountId { get; private set; }

    /// <summary>Grows with every change; two administrators editing at once cannot overwrite each other unseen.</summary>
    public int Version { get; private set; }

    public static FaqEntry Create(string section, string question, string answerMarkdown, int order, bool published, int? accountId, DateTime now)
    {
        var entry = new FaqEntry();
        entry.Change(section, question, answerMarkdown, order, published, accountId, now);
        return entry;
    }

    public void Change(string section, string question, string answerMarkdown, int order, bool published, int? accountId, DateTime now)
    {
        Section = section;
        Question = question;
        AnswerMarkdown = answerMarkdown;
        Order = order;
        Published = published;
        Touch(accountId, now);
    }

    /// <summary>Hides the question from the public page; it stays in the administrators' list and can be published again.</summary>
    public void Unpublish(int accountId, DateTime now)
    {
        Published = false;
        Touch(accountId, now);
    }

    private void Touch(int? accountId, DateTime now)
    {
        UpdatedAt = now;
        UpdatedByAccountId = accountId;
        Version++;
    }
}
