using Kabinet.Web.Common.Paging;
using Kabinet.Web.Common.Text;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Institutions.Search;

public sealed record OrganisationFilter(string? Text, int? MunicipalityId, OrganisationKind? Kind);

public sealed record OrganisationListItem(
    int Id, string ShortName, string FullName, OrganisationKind Kind, int MunicipalityId, string MunicipalityName, string Address);

public sealed record MunicipalityItem(int Id, string Name, string Centre, MunicipalityKind Kind, double Latitude, double Longitude);

/// <summary>The public register of organisations: by municipality and kind, by part of the name in any letter case.</summary>
public sealed class SearchOrganisations(KabinetDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<Page<OrganisationListItem>> HandleAsync(OrganisationFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Organisations.AsNoTracking();
        if (filter.MunicipalityId is { } municipalityId)
            query = query.Where(o => o.MunicipalityId == municipalityId);
        if (filter.Kind is { } kind)
            query = query.Where(o => o.Kind == kind);
        foreach (var term in SearchTextFolding.Terms(filter.Text))
            query = query.Where(o => o.SearchText.Contains(term));

        var total = await query.CountAsync(ct);
        var offset = (long)(page - 1) * pageSize;
        if (offset >= total)
            return new Page<OrganisationListItem>([], page, pageSize, total); // past the end: nothing to fetch

        var items = await query
            .OrderBy(o => o.Municipality!.SortOrder)
            .ThenBy(o => o.MunicipalityId)
            .ThenBy(o => o.Kind == OrganisationKind.Kindergarten ? 0 : o.Kind == OrganisationKind.School ? 1 : o.Kind == OrganisationKind.College ? 2 : 3)
            .ThenBy(o => o.SortName)
            .ThenBy(o => o.Id)
            .Skip((int)offset).Take(pageSize)
            .Select(o => new OrganisationListItem(o.Id, o.ShortName, o.FullName, o.Kind, o.MunicipalityId, o.Municipality!.Name, o.Address))
            .ToListAsync(ct);
        return new Page<OrganisationListItem>(items, page, pageSize, total);
    }

    public Task<List<MunicipalityItem>> MunicipalitiesAsync(CancellationToken ct) =>
        db.Municipalities.AsNoTracking()
            .OrderBy(m => m.SortOrder)
            .Select(m => new MunicipalityItem(m.Id, m.Name, m.Centre, m.Kind, m.Latitude, m.Longitude))
            .ToListAsync(ct);

    public static void MapEndpoints(RouteGroupBuilder api)
    {
        api.MapGet("/municipalities", async (SearchOrganisations search, CancellationToken ct) =>
                TypedResults.Ok(await search.MunicipalitiesAsync(ct)))
            .WithName("ListMunicipalities")
            .WithSummary("Муниципалитеты Кузбасса")
            .WithDescription("Городские и муниципальные округа и районы в порядке регионального реестра.");

        api.MapGet("/organisations", ListAsync)
            .WithName("SearchOrganisations")
            .WithSummary("Поиск образовательных организаций")
            .WithDescription("Фильтры: часть названия (q, без учёта регистра и буквы «ё»), муниципалитет (municipalityId), тип (kind: Kindergarten, School, College, AdditionalEducation). Постранично: page ≥ 1, pageSize от 1 до 100.");
    }

    private static async Task<Results<Ok<Page<OrganisationListItem>>, ValidationProblem>> ListAsync(
        SearchOrganisations search, CancellationToken ct,
        string? q = null, int? municipalityId = null, string? kind = null, int page = 1, int pageSize = 30)
    {
        var errors = new Dictionary<string, string[]>();
        OrganisationKind? parsedKind = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (OrganisationKindNames.TryParse(kind, out var k))
                parsedKind = k;
            else
                errors["kind"] = ["Неизвестный тип организации: допустимы Kindergarten, School, College, AdditionalEducation."];
        }

        if (page < 1)
            errors["page"] = ["Номер страницы начинается с 1."];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"Размер страницы — от 1 до {MaxPageSize}."];
        if (q is { Length: > 200 })
            errors["q"] = ["Строка поиска длиннее 200 символов."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Параметры запроса заданы неверно");

        return TypedResults.Ok(await search.HandleAsync(new OrganisationFilter(q, municipalityId, parsedKind), page, pageSize, ct));
    }
}
