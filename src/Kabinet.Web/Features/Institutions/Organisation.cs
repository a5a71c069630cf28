using Kabinet.Web.Common.Text;

namespace Kabinet.Web.Features.Institutions;

/// <summary>An educational organisation: kindergarten, school, college or additional education.</summary>
public sealed class Organisation
{
    public int Id { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>Full name as in the charter, e.g. «Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 1»».</summary>
    public string FullName { get; private set; } = "";

    /// <summary>Short name, e.g. «МБОУ «Гимназия № 1»».</summary>
    public string ShortName { get; private set; } = "";

    /// <summary>Both names and the address folded for case- and ё-insensitive search on any database.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The short name folded with numbers zero-padded, so «№ 2» sorts before «№ 10».</summary>
    public string SortName { get; private set; } = "";

    public string Address { get; private set; } = "";

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    /// <summary>Head's position as the organisation names it: «Директор», «Заведующий».</summary>
    public string? HeadPosition { get; set; }

    /// <summary>Head's full name (фамилия, имя, отчество).</summary>
    public string? HeadName { get; set; }

    public void Rename(string fullName, string shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        ArgumentException.ThrowIfNullOrWhiteSpace(shortName);
        FullName = fullName.Trim();
        ShortName = shortName.Trim();
        // Sorted by number, then by the proper name rather than the legal form (МБОУ, МАОУ).
        var quote = ShortName.IndexOf('«', StringComparison.Ordinal);
        SortName = SearchTextFolding.SortKey(quote >= 0 ? ShortName[quote..] : ShortName);
        RefreshSearchText();
    }

    /// <summary>Sets the address and the point on the map; the address is searchable too.</summary>
    public void Relocate(string address, double latitude, double longitude)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
            throw new ArgumentOutOfRangeException(nameof(latitude), "Coordinates are out of range.");
        Address = address.Trim();
        Latitude = latitude;
        Longitude = longitude;
        RefreshSearchText();
    }

    private void RefreshSearchText() => SearchText = SearchTextFolding.Fold($"{ShortName} {FullName} {Address}");

    /// <summary>Kinds that run an academic year with classes (schools) or study groups (colleges).</summary>
    public bool HasAcademicYears => Kind is OrganisationKind.School or OrganisationKind.College;
}
