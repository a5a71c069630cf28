using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kabinet.Web.Common.Files;
using Kabinet.Web.Common.Text;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Enrollment.Territories;
using Kabinet.Web.Features.Families;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment.Submit;

/// <summary>
/// Takes a school application, from the form and from the API alike: everything is checked first (nothing is stored
/// on a refusal), the scans are saved, and the node's <see cref="EnrollmentWriter"/> stores the application with its
/// number, history, scans, idempotency key and the parent's notification in one transaction with others waiting
/// (ADR 11). Only a committed application is acknowledged.
/// </summary>
public sealed class EnrollmentSubmissions(
    KabinetDbContext db, FamilyDirectory families, EnrollmentReference reference,
    FileStore files, EnrollmentWriter writer, TimeProvider time, ILogger<EnrollmentSubmissions> logger)
{
    public const string KeyReused = "Этот ключ уже использован для другого заявления.";
    public const int MaxKeyLength = 255;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The youngest (6 years 6 months) and oldest (8 years) age on 1 September for the 1st grade without the founder's permission.</summary>
    public static bool FirstGradeAge(DateOnly born, int schoolYear)
    {
        var september = new DateOnly(schoolYear, 9, 1);
        return born.AddMonths(78) <= september && born.AddYears(8) >= september;
    }

    public static string Link(int id) => $"/enrollment/applications/{id}";

    public async Task<SubmissionOutcome> SubmitAsync(int accountId, int personId, string key, SchoolApplicationRequest raw, IReadOnlyList<ScanUpload> scans, CancellationToken ct)
    {
        // A key already stored is answered by the writer (or, when this press is refused, right here) from what was stored.
        var request = raw.Normalised();
        var hash = Hash(request);
        var child = (await families.ChildrenOfAsync(personId, ct)).FirstOrDefault(c => c.Id == request.ChildId);
        if (child is null)
            return await ReplayAsync(accountId, key, hash, ct) ?? SubmissionOutcome.Missing;

        var checkedRequest = await CheckAsync(request, child, scans, ct);
        if (checkedRequest.Problems.Count > 0)
        {
            // A press with the same key may have been stored before (then it is "a duplicate" now): a key answers as it
            // did the first time.
            return await ReplayAsync(accountId, key, hash, ct)
                ?? new SubmissionOutcome(SubmissionResult.Invalid, null, null, checkedRequest.Problems);
        }

        var stored = new List<PendingDocument>();
        try
        {
            foreach (var scan in scans)
            {
                await using var stream = scan.File.OpenReadStream();
                var file = await files.SaveAsync(stream, ScanFiles.MaxFileBytes, ct);
                if (file is null)
                    return SubmissionOutcome.Refused(new FieldProblem(scan.Kind.ToString(), "Файл больше 10 МБ."));
                var type = checkedRequest.ContentTypes[scan.Kind];
                stored.Add(new PendingDocument(scan.Kind, file.Key, file.Size, file.Sha256, FileNames.Display(scan.File.FileName, ScanFiles.Extension(type)), type));
            }
        }
        catch (IOException e)
        {
            // The disk refused the scans: nothing is stored, and the parent is told to press again.
            Discard(stored);
            logger.LogWarning(e, "The scans of a school application of account {AccountId} were not stored", accountId);
            return SubmissionOutcome.Down;
        }
        catch
        {
            Discard(stored);
            throw;
        }

        // From here the writer owns the application: it is answered when committed or refused, even if this request is gone.
        var outcome = await writer.WriteAsync(new PendingApplication(accountId, personId, key, hash, request, checkedRequest.CampaignId, checkedRequest.MunicipalityId,
            checkedRequest.Grade, checkedRequest.OnTerritory, checkedRequest.Phone, checkedRequest.Email, stored));
        if (outcome.Result is not SubmissionResult.Created)
            Discard(stored);
        return outcome;
    }

    private async Task<SubmissionOutcome?> ReplayAsync(int accountId, string key, string hash, CancellationToken ct)
    {
        var existing = await db.Set<SubmissionKey>().AsNoTracking()
            .Where(k => k.AccountId == accountId && k.Key == key)
            .Select(k => new { k.RequestHash, k.Response, k.ApplicationId })
            .FirstOrDefaultAsync(ct);
        if (existing is null)
            return null;
        return existing.RequestHash == hash
            ? new SubmissionOutcome(SubmissionResult.Replayed, existing.Response, existing.ApplicationId, [])
            : SubmissionOutcome.Conflict;
    }

    /// <summary>The refusal of a second active application for the same child, school and year.</summary>
    internal static FieldProblem Duplicate(string number) =>
        new(nameof(SchoolApplicationRequest.SchoolId), $"У ребёнка уже есть заявление № {number} в эту школу на этот учебный год. Второе подать нельзя — отзовите первое, если хотите подать заново.");

    private sealed record CheckedRequest(
        IReadOnlyList<FieldProblem> Problems, int CampaignId = 0, int MunicipalityId = 0, int Grade = 0, bool OnTerritory = false,
        string Phone = "", string? Email = null, IReadOnlyDictionary<SchoolDocumentKind, string> ContentTypes = null!);

    private async Task<CheckedRequest> CheckAsync(SchoolApplicationRequest r, PersonSummary child, IReadOnlyList<ScanUpload> scans, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        void Add(string field, string message) => problems.Add(new FieldProblem(field, message));
        var today = time.Today();

        if (!Enum.IsDefined(r.Kind))
            return new CheckedRequest([new FieldProblem(nameof(r.Kind), "Выберите вид заявления: 1 класс, перевод или 10 класс.")]);

        var school = await reference.SchoolAsync(r.SchoolId, ct);
        if (school is null)
            Add(nameof(r.SchoolId), "Выберите школу из списка.");
        else if (r.MunicipalityId is { } chosen && chosen != school.MunicipalityId)
            Add(nameof(r.SchoolId), "Эта школа не относится к выбранному муниципалитету. Выберите школу из списка муниципалитета.");

        var currentYear = QueueYear(today);
        if (r.SchoolYear < currentYear || r.SchoolYear > currentYear + 1)
            Add(nameof(r.SchoolYear), $"Заявление подаётся на {currentYear}/{currentYear + 1} или {currentYear + 1}/{currentYear + 2} учебный год.");

        var grade = r.Kind switch
        {
            SchoolApplicationKind.FirstGrade => 1,
            SchoolApplicationKind.TenthGrade => 10,
            _ => r.Grade ?? 0,
        };
        if (r.Kind != SchoolApplicationKind.Transfer && r.Grade is { } g && g != grade)
            Add(nameof(r.Grade), $"Для этого заявления класс — {grade}.");
        if (r.Kind == SchoolApplicationKind.Transfer)
        {
            if (grade is < 1 or > 11)
                Add(nameof(r.Grade), "Укажите класс, в который переводится ребёнок: от 1 до 11.");
            if (r.CurrentSchool is null)
                Add(nameof(r.CurrentSchool), "Укажите школу, в которой ребёнок учится сейчас.");
            else if (r.CurrentSchool.Length > 300)
                Add(nameof(r.CurrentSchool), "Название школы — не длиннее 300 символов.");
            if (r.CurrentGrade is { } current && (current < 1 || current > 11))
                Add(nameof(r.CurrentGrade), "Текущий класс — от 1 до 11.");
        }

        var needed = new HashSet<SchoolDocumentKind>();
        if (r.Kind == SchoolApplicationKind.FirstGrade && child.BirthDate is { } born && !FirstGradeAge(born, r.SchoolYear))
        {
            needed.Add(SchoolDocumentKind.AgePermission);
            if (!scans.Any(s => s.Kind == SchoolDocumentKind.AgePermission))
                Add(nameof(SchoolDocumentKind.AgePermission), $"На 1 сентября {r.SchoolYear} года ребёнку должно быть от 6 лет 6 месяцев до 8 лет. Принять ребёнка другого возраста можно только с разрешения учредителя — приложите его скан.");
        }
        else if (child.BirthDate is null && r.Kind == SchoolApplicationKind.FirstGrade)
        {
            Add(nameof(r.ChildId), "У ребёнка не указана дата рождения: добавьте её в разделе «Дети».");
        }

        if (!Enum.IsDefined(r.Right))
            Add(nameof(r.Right), "Выберите право на зачисление из списка.");
        if (r.Right is AdmissionRight.Extraordinary or AdmissionRight.Priority)
            needed.Add(SchoolDocumentKind.RightProof);
        if (r.Right == AdmissionRight.Preferential)
        {
            needed.Add(SchoolDocumentKind.SiblingBirthCertificate);
            if (r.SiblingName is null)
                Add(nameof(r.SiblingName), "Укажите фамилию, имя и отчество брата или сестры, который учится в этой школе.");
            else if (r.SiblingName.Length > 200)
                Add(nameof(r.SiblingName), "Не длиннее 200 символов.");
        }

        if (r.AdaptedProgramme)
            needed.Add(SchoolDocumentKind.PmpkConclusion);
        if (r.Kind == SchoolApplicationKind.TenthGrade)
            needed.Add(SchoolDocumentKind.Certificate);

        var contentTypes = new Dictionary<SchoolDocumentKind, string>();
        foreach (var kind in needed.Where(k => k != SchoolDocumentKind.AgePermission && !scans.Any(s => s.Kind == k)))
            Add(kind.ToString(), $"Приложите скан: {kind.Title().ToLowerInvariant()} (PDF, JPEG или PNG, до 10 МБ).");
        foreach (var scan in scans)
        {
            if (!needed.Contains(scan.Kind) || contentTypes.ContainsKey(scan.Kind))
                continue;
            if (scan.File.Length == 0)
            {
                Add(scan.Kind.ToString(), "Файл пустой. Выберите другой.");
                continue;
            }

            if (scan.File.Length > ScanFiles.MaxFileBytes)
            {
                Add(scan.Kind.ToString(), ScanFiles.TooLarge);
                continue;
            }

            if (ScanFiles.Recognise(await ScanFiles.HeaderAsync(scan.File, ct), scan.File.FileName, out var problem) is { } type)
                contentTypes[scan.Kind] = type;
            else
                Add(scan.Kind.ToString(), problem!);
        }

        if (r.Street is null)
            Add(nameof(r.Street), "Укажите улицу, на которой живёт ребёнок.");
        else if (r.Street.Length > 200 || TerritoryRules.ParseStreet(r.Street) is null)
            Add(nameof(r.Street), "Укажите улицу, например «ул. Ленина».");
        if (r.House is null)
            Add(nameof(r.House), "Укажите номер дома.");
        else if (r.House.Length > 20 || TerritoryRules.ParseHouse(r.House) is null)
            Add(nameof(r.House), "Укажите номер дома, например «12», «12а» или «12/1».");

        if (r.Language?.Length > 50)
            Add(nameof(r.Language), "Не длиннее 50 символов.");
        if (r.NativeLanguage?.Length > 50)
            Add(nameof(r.NativeLanguage), "Не длиннее 50 символов.");

        var phone = ContactFormats.RussianMobile(r.Phone);
        if (phone is null)
            Add(nameof(r.Phone), "Укажите мобильный телефон, например +7 913 123-45-67.");
        string? email = null;
        if (r.Email is not null && (email = ContactFormats.Email(r.Email)) is null)
            Add(nameof(r.Email), "Укажите адрес электронной почты, например ivanova@mail.ru, или оставьте поле пустым.");

        if (r.BirthCertificateSeries is null || r.BirthCertificateSeries.Length > 20)
            Add("BirthCertificateSeries", "Укажите серию свидетельства о рождении, например «II-ЛО».");
        if (r.BirthCertificateNumber is null || r.BirthCertificateNumber.Length > 20 || !r.BirthCertificateNumber.All(char.IsAsciiDigit))
            Add("BirthCertificateNumber", "Укажите номер свидетельства о рождении — только цифры.");
        if (r.BirthCertificateIssuedOn is not { } issued)
            Add("BirthCertificateIssuedOn", "Укажите дату выдачи свидетельства о рождении.");
        else if (issued > today || (child.BirthDate is { } birth && issued < birth))
            Add("BirthCertificateIssuedOn", "Дата выдачи должна быть не раньше дня рождения ребёнка и не позже сегодняшнего дня.");

        if (!r.ConsentPersonalData)
            Add(nameof(r.ConsentPersonalData), "Без согласия на обработку персональных данных заявление не может быть принято.");
        if (!r.ConsentCharter)
            Add(nameof(r.ConsentCharter), "Подтвердите, что ознакомились с уставом, лицензией и свидетельством об аккредитации школы.");

        if (school is null || problems.Count > 0)
            return new CheckedRequest(problems);

        var campaign = await reference.CampaignAsync(school.MunicipalityId, r.SchoolYear, ct);
        if (campaign is null)
            return new CheckedRequest([new FieldProblem(nameof(r.SchoolYear), $"Приём заявлений на {r.SchoolYear}/{r.SchoolYear + 1} учебный год в этом муниципалитете ещё не открыт.")]);

        var onTerritory = TerritoryRules.Covers(await reference.TerritoryAsync(school.Id, ct), r.Street, r.House);
        var priority = onTerritory || r.Right != AdmissionRight.None;
        if (campaign.WindowProblem(r.Kind, priority, today) is { } closed)
            return new CheckedRequest([new FieldProblem(nameof(r.SchoolYear), closed)]);

        if (r.Kind == SchoolApplicationKind.FirstGrade && !(priority && campaign.PriorityFrom <= today && today <= campaign.PriorityTo)
            && (await reference.FirstGradeIntakeAsync(school.Id, r.SchoolYear, ct)).Full)
            return new CheckedRequest([new FieldProblem(nameof(r.SchoolId), "Свободных мест в 1 классе этой школы больше нет. Выберите другую школу или обратитесь в управление образования.")]);

        return new CheckedRequest([], campaign.Id, school.MunicipalityId, grade, onTerritory, phone!, email, contentTypes);
    }

    /// <summary>The school year a date belongs to: 1 September starts a new one.</summary>
    public static int QueueYear(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;

    private static string Hash(SchoolApplicationRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Json))));

    private void Discard(List<PendingDocument> stored)
    {
        foreach (var d in stored)
            files.Discard(d.StorageKey);
    }
}
