using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kabinet.Web.Features.Kindergarten.Apply;

/// <summary>What the shared application form shows: the values, the kindergartens of the municipality and the benefit grounds.</summary>
public sealed record ApplicationFormView(ApplicationForm Form, IReadOnlyList<NamedItem> Kindergartens, IReadOnlyList<BenefitGround> Grounds, ModelStateDictionary ModelState)
{
    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string? Invalid(string key) => Error(key) is null ? null : "true";

    public string? DescribedBy(string key, string? hint = null) =>
        string.Join(' ', new[] { hint, Error(key) is null ? null : $"{key}-error" }.Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;
}
