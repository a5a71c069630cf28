using Kabinet.Web.Features.Enrollment.Submit;

namespace Kabinet.Web.Features.Enrollment.Apply;

/// <summary>The fields of the application form, named as <see cref="SchoolApplicationRequest"/> so that errors land next to them.</summary>
public sealed class ApplyForm
{
    /// <summary>Generated when the form is first shown and kept across re-renders: pressing «Отправить» twice files one application.</summary>
    public string? IdempotencyKey { get; set; }

    public int ChildId { get; set; }

    public int SchoolId { get; set; }

    public int SchoolYear { get; set; }

    public int? Grade { get; set; }

    public string? CurrentSchool { get; set; }

    public int? CurrentGrade { get; set; }

    public AdmissionRight Right { get; set; }

    public string? SiblingName { get; set; }

    public string? Street { get; set; }

    public string? House { get; set; }

    public bool AdaptedProgramme { get; set; }

    public string? Language { get; set; } = "русский";

    public string? NativeLanguage { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? BirthCertificateSeries { get; set; }

    public string? BirthCertificateNumber { get; set; }

    public DateOnly? BirthCertificateIssuedOn { get; set; }

    public bool ConsentPersonalData { get; set; }

    public bool ConsentCharter { get; set; }

    public IFormFile? RightProof { get; set; }

    public IFormFile? SiblingBirthCertificate { get; set; }

    public IFormFile? PmpkConclusion { get; set; }

    public IFormFile? Certificate { get; set; }

    public IFormFile? AgePermission { get; set; }

    public SchoolApplicationRequest ToRequest(SchoolApplicationKind kind, int municipalityId) => new()
    {
        Kind = kind, ChildId = ChildId, MunicipalityId = municipalityId, SchoolId = SchoolId, SchoolYear = SchoolYear, Grade = Grade,
        CurrentSchool = CurrentSchool, CurrentGrade = CurrentGrade, Right = Right, SiblingName = SiblingName, Street = Street, House = House,
        AdaptedProgramme = AdaptedProgramme, Language = Language, NativeLanguage = NativeLanguage, Phone = Phone, Email = Email,
        BirthCertificateSeries = BirthCertificateSeries, BirthCertificateNumber = BirthCertificateNumber, BirthCertificateIssuedOn = BirthCertificateIssuedOn,
        ConsentPersonalData = ConsentPersonalData, ConsentCharter = ConsentCharter,
    };

    public IReadOnlyList<ScanUpload> Scans()
    {
        var scans = new List<ScanUpload>();
        void Add(SchoolDocumentKind kind, IFormFile? file)
        {
            if (file is not null)
                scans.Add(new ScanUpload(kind, file));
        }

        Add(SchoolDocumentKind.RightProof, RightProof);
        Add(SchoolDocumentKind.SiblingBirthCertificate, SiblingBirthCertificate);
        Add(SchoolDocumentKind.PmpkConclusion, PmpkConclusion);
        Add(SchoolDocumentKind.Certificate, Certificate);
        Add(SchoolDocumentKind.AgePermission, AgePermission);
        return scans;
    }

    public static SchoolApplicationKind? KindOf(string? slug) => slug switch
    {
        "first-grade" => SchoolApplicationKind.FirstGrade,
        "transfer" => SchoolApplicationKind.Transfer,
        "tenth-grade" => SchoolApplicationKind.TenthGrade,
        _ => null,
    };

    public static string Slug(SchoolApplicationKind kind) => kind switch
    {
        SchoolApplicationKind.FirstGrade => "first-grade",
        SchoolApplicationKind.Transfer => "transfer",
        _ => "tenth-grade",
    };
}
