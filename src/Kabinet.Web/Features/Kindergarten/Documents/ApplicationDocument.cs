namespace Kabinet.Web.Features.Kindergarten.Documents;

/// <summary>What a scan attached to an application is (Приказ 236 п.9: the documents presented).</summary>
public enum ApplicationDocumentKind
{
    BirthCertificate,
    BenefitDocument,
    PmpkConclusion,
    MedicalDocument,
    Other,
}

/// <summary>
/// A scan a family attached to a kindergarten application. The file lives in the document store under a random
/// key; the name the parent gave it is kept only for display. Removing it hides it and keeps both the row and
/// the file: nothing a person submitted is ever lost.
/// </summary>
public sealed class ApplicationDocument
{
    public int Id { get; set; }

    public int ApplicationId { get; init; }

    public ApplicationDocumentKind Kind { get; init; }

    /// <summary>The original file name, cleaned for display and for the download's name; never part of a path.</summary>
    public string FileName { get; init; } = "";

    /// <summary>The type found in the content (application/pdf, image/jpeg, image/png), not the one the browser claimed.</summary>
    public string ContentType { get; init; } = "";

    public long Size { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex: what was received can be proven later.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>Where the store keeps it: «yyyy/random id».</summary>
    public string StorageKey { get; init; } = "";

    public int UploadedByAccountId { get; init; }

    public DateTime UploadedAt { get; init; }

    public DateTime? DeletedAt { get; private set; }

    public int? DeletedByAccountId { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public void Delete(int byAccountId, DateTime now)
    {
        DeletedAt = now;
        DeletedByAccountId = byAccountId;
    }
}

public static class ApplicationDocumentKinds
{
    public static string Title(this ApplicationDocumentKind kind) => kind switch
    {
        ApplicationDocumentKind.BirthCertificate => "Свидетельство о рождении",
        ApplicationDocumentKind.BenefitDocument => "Документ, подтверждающий льготу",
        ApplicationDocumentKind.PmpkConclusion => "Заключение ПМПК",
        ApplicationDocumentKind.MedicalDocument => "Медицинский документ",
        ApplicationDocumentKind.Other => "Другой документ",
        _ => kind.ToString(),
    };
}
