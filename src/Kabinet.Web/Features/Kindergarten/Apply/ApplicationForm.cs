using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;

namespace Kabinet.Web.Features.Kindergarten.Apply;

/// <summary>What a parent fills in to apply or to edit an application (bound from the form).</summary>
public sealed class ApplicationForm
{
    public DateOnly? DesiredDate { get; set; }

    /// <summary>Kindergarten ids in order of priority; empty slots are 0.</summary>
    public List<int> Kindergartens { get; set; } = [];

    /// <summary>For each slot: a brother or sister already attends that kindergarten.</summary>
    public List<bool> Siblings { get; set; } = [];

    public List<string?> SiblingNames { get; set; } = [];

    public GroupFocus Focus { get; set; } = GroupFocus.General;

    public string? Need { get; set; }

    public DailyMode Mode { get; set; } = DailyMode.Full;

    public string Language { get; set; } = "русский";

    public bool AdaptedProgramme { get; set; }

    public BenefitKind Benefit { get; set; }

    public int? BenefitGroundId { get; set; }

    public bool Consent { get; set; }

    public static readonly string[] Needs =
    [
        "тяжёлые нарушения речи", "фонетико-фонематические нарушения речи", "нарушения зрения", "нарушения слуха",
        "нарушения опорно-двигательного аппарата", "задержка психического развития", "расстройства аутистического спектра",
        "умственная отсталость", "сложные (комплексные) нарушения", "иные ограничения здоровья",
    ];

    public static readonly string[] Languages = ["русский", "шорский", "татарский", "немецкий", "другой"];

    /// <summary>The chosen kindergartens in order, without empty slots: (id, sibling attends, sibling's name).</summary>
    public List<(int OrganisationId, bool Sibling, string? SiblingName)> Choices() =>
        [.. Kindergartens.Select((id, i) => (id, Sibling: i < Siblings.Count && Siblings[i], Name: i < SiblingNames.Count ? SiblingNames[i]?.Trim() : null))
            .Where(c => c.id > 0)
            .Select(c => (c.id, c.Sibling, c.Sibling && !string.IsNullOrWhiteSpace(c.Name) ? c.Name : null))];

    public static ApplicationForm From(QueueApplication application)
    {
        var choices = application.Choices.OrderBy(c => c.Priority).ToList();
        return new ApplicationForm
        {
            DesiredDate = application.DesiredDate,
            Kindergartens = [.. choices.Select(c => c.OrganisationId)],
            Siblings = [.. choices.Select(c => c.SiblingAttends)],
            SiblingNames = [.. choices.Select(c => c.SiblingName)],
            Focus = application.Focus,
            Need = application.Need,
            Mode = application.Mode,
            Language = application.Language,
            AdaptedProgramme = application.AdaptedProgramme,
            Benefit = application.Benefit,
            BenefitGroundId = application.BenefitGroundId,
            Consent = true,
        };
    }
}
