using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kabinet.Web.Common.Forms;

/// <summary>One form field as _Field.cshtml renders it: label, hint, input, and the error next to it (tied with aria).</summary>
public sealed record FieldModel(
    ModelStateDictionary ModelState,
    string Name,
    string Label,
    string? Value,
    string Type = "text",
    string? Autocomplete = null,
    string? Hint = null,
    bool Required = true,
    int MaxLength = 256)
{
    public string? Error => ModelState[Name]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>Passwords are never sent back to the browser.</summary>
    public string? ShownValue => Type == "password" ? null : Value;

    public string? DescribedBy
    {
        get
        {
            var ids = new[] { Hint is null ? null : Name + "-hint", Error is null ? null : Name + "-error" }.Where(i => i is not null);
            var joined = string.Join(' ', ids);
            return joined.Length == 0 ? null : joined;
        }
    }
}
