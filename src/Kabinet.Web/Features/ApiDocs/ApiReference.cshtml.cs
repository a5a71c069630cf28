using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.ApiDocs;

public sealed record ApiOperation(string Method, string Path, string? Summary, string? Description, IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<int> StatusCodes);

public sealed record ApiParameter(string Name, string Source, string Type, bool Required);

/// <summary>
/// The API reference people read: built on the server from the same endpoint descriptions as
/// /openapi/v1.json, so it is never out of date and needs no script.
/// </summary>
[AllowAnonymous]
public sealed partial class ApiReferenceModel(IApiDescriptionGroupCollectionProvider apiExplorer) : PageModel
{
    public IReadOnlyList<IGrouping<string, ApiOperation>> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = apiExplorer.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(d => (Tag: d.ActionDescriptor.EndpointMetadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? "Прочее", Operation: ToOperation(d)))
            .OrderBy(x => x.Tag).ThenBy(x => x.Operation.Path, StringComparer.Ordinal)
            .GroupBy(x => x.Tag, x => x.Operation)
            .ToList();
    }

    private static ApiOperation ToOperation(ApiDescription d)
    {
        var metadata = d.ActionDescriptor.EndpointMetadata;
        return new ApiOperation(
            d.HttpMethod ?? "GET",
            "/" + RouteConstraint().Replace(d.RelativePath!, "{$1}"),
            metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary,
            metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description,
            [.. d.ParameterDescriptions
                .Where(p => p.Source.Id is "Query" or "Path")
                .Select(p => new ApiParameter(p.Name, p.Source.Id == "Path" ? "путь" : "запрос", TypeName(p.Type), p.IsRequired))],
            [.. d.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order()]);
    }

    // "{id:int}" is written "{id}", as in the OpenAPI document.
    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex RouteConstraint();

    private static string TypeName(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "",
            _ when type == typeof(int) || type == typeof(long) => "целое",
            _ when type == typeof(string) => "строка",
            _ when type == typeof(bool) => "логическое",
            _ => type.Name,
        };
    }
}
