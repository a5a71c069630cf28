using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kabinet.Web.Features.Messages;

/// <summary>The text and files of a message as _MessageFields.cshtml renders them, with their errors.</summary>
public sealed record MessageFields(ModelStateDictionary ModelState, string? Text, string TextLabel)
{
    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
