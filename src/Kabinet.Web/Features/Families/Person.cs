namespace Kabinet.Web.Features.Families;

/// <summary>A person the portal knows: a child, a parent, a student or an employee.</summary>
public sealed class Person
{
    public int Id { get; set; }

    public required string LastName { get; set; }

    public required string FirstName { get; set; }

    /// <summary>Отчество; not everybody has one.</summary>
    public string? MiddleName { get; set; }

    /// <summary>Unknown until the person fills the profile (adults registering themselves).</summary>
    public DateOnly? BirthDate { get; set; }

    public Sex? Sex { get; set; }

    /// <summary>СНИЛС, 11 digits without separators.</summary>
    public string? Snils { get; set; }

    public DocumentKind? DocumentKind { get; set; }

    public string? DocumentSeries { get; set; }

    public string? DocumentNumber { get; set; }

    public DateOnly? DocumentIssuedOn { get; set; }

    public string? DocumentIssuedBy { get; set; }

    /// <summary>Адрес регистрации (по месту жительства).</summary>
    public string? RegistrationAddress { get; set; }

    /// <summary>Адрес фактического проживания.</summary>
    public string? ResidenceAddress { get; set; }

    /// <summary>Whether a document typed by someone is this person's document on record.</summary>
    public bool HasDocument(DocumentKind kind, string series, string number) =>
        DocumentKind == kind && DocumentSeries == series && DocumentNumber == number;

    /// <summary>«Иванова Мария Петровна».</summary>
    public string FullName => MiddleName is null ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";
}

public enum Sex
{
    Female,
    Male,
}

/// <summary>A legal representative's link to a child (родитель, законный представитель).</summary>
public sealed class FamilyLink
{
    public int Id { get; set; }

    public int GuardianId { get; set; }

    public Person? Guardian { get; set; }

    public int ChildId { get; set; }

    public Person? Child { get; set; }

    public FamilyRelation Relation { get; set; }
}

public enum FamilyRelation
{
    Mother,
    Father,
    Guardian,
}

public static class FamilyRelationNames
{
    public static string Title(this FamilyRelation relation) => relation switch
    {
        FamilyRelation.Mother => "мать",
        FamilyRelation.Father => "отец",
        _ => "законный представитель",
    };
}
