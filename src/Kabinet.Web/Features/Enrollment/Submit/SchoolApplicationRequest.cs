namespace Kabinet.Web.Features.Enrollment.Submit;

/// <summary>What the parent asks for, the same from the form and from the API; the hash of its normalised form guards the idempotency key.</summary>
public sealed record SchoolApplicationRequest
{
    public SchoolApplicationKind Kind { get; init; }

    public int ChildId { get; init; }

    /// <summary>The municipality chosen on the form (null from the API: the school's own).</summary>
    public int? MunicipalityId { get; init; }

    public int SchoolId { get; init; }

    public int SchoolYear { get; init; }

    public int? Grade { get; init; }

    public string? CurrentSchool { get; init; }

    public int? CurrentGrade { get; init; }

    public AdmissionRight Right { get; init; }

    public string? SiblingName { get; init; }

    public string? Street { get; init; }

    public string? House { get; init; }

    public bool AdaptedProgramme { get; init; }

    public string? Language { get; init; }

    public string? NativeLanguage { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? BirthCertificateSeries { get; init; }

    public string? BirthCertificateNumber { get; init; }

    public DateOnly? BirthCertificateIssuedOn { get; init; }

    public bool ConsentPersonalData { get; init; }

    public bool ConsentCharter { get; init; }

    /// <summary>Text fields trimmed, empty ones null: two requests that differ only in spaces are the same request.</summary>
    public SchoolApplicationRequest Normalised() => this with
    {
        CurrentSchool = Clean(CurrentSchool),
        SiblingName = Clean(SiblingName),
        Street = Clean(Street),
        House = Clean(House),
        Language = Clean(Language),
        NativeLanguage = Clean(NativeLanguage),
        Phone = Clean(Phone),
        Email = Clean(Email)?.ToLowerInvariant(),
        BirthCertificateSeries = Clean(BirthCertificateSeries)?.ToUpperInvariant(),
        BirthCertificateNumber = Clean(BirthCertificateNumber),
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A scan sent with the form.</summary>
public sealed record ScanUpload(SchoolDocumentKind Kind, IFormFile File);

/// <summary>A refusal for one field («Street», «Documents», …), in Russian.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>What the applicant gets back: the same JSON for the first answer and every replay.</summary>
public sealed record SubmissionReceipt(int Id, string Number, DateTime RegisteredAt, SchoolApplicationStatus Status, string StatusTitle, string Link);

public enum SubmissionResult
{
    /// <summary>Accepted now (201).</summary>
    Created,

    /// <summary>The same key and request were accepted before: the same answer (201).</summary>
    Replayed,

    /// <summary>Refused; nothing was stored (422 / the form with messages).</summary>
    Invalid,

    /// <summary>Not the applicant's child (404).</summary>
    NotFound,

    /// <summary>The key was used for another request (409).</summary>
    KeyConflict,

    /// <summary>The database did not answer; nothing was acknowledged (503).</summary>
    Unavailable,
}

public sealed record SubmissionOutcome(SubmissionResult Result, string? ReceiptJson, int? ApplicationId, IReadOnlyList<FieldProblem> Problems)
{
    public static SubmissionOutcome Refused(params FieldProblem[] problems) => new(SubmissionResult.Invalid, null, null, problems);

    public static readonly SubmissionOutcome Missing = new(SubmissionResult.NotFound, null, null, []);

    public static readonly SubmissionOutcome Conflict = new(SubmissionResult.KeyConflict, null, null,
        [new FieldProblem("IdempotencyKey", EnrollmentSubmissions.KeyReused)]);

    public static readonly SubmissionOutcome Down = new(SubmissionResult.Unavailable, null, null, []);
}
