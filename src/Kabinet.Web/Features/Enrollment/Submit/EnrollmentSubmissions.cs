using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kabinet.Web.Common.Files;
using Kabinet.Web.Common.Text;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Enrollment.Territories;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kabinet.Web.Features.Enrollment.Submit;

/// <summary>
/// Takes a school application, from the form and from the API alike: everything is checked first (nothing is stored
/// on a refusal), then one transaction takes the next number of the campaign's counter (the row stays locked to the
/// commit, so numbers are gapless and in commit order), stores the application, its history, scans, idempotency key
/// and the parent's notification, and commits. Only a committed application is acknowledged.
/// </summary>
public sealed class EnrollmentSubmissions(
    KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, NotificationCentre notifications,
    FileStore files, TimeProvider time, ILogger<EnrollmentSubmissions> logger)
{
    public const string KeyReused = "Этот ключ уже использован для другого заявления.";
    public const int MaxKeyLength = 255;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
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
        var request = raw.Normalised();
        var hash = Hash(request);
        if (await ReplayAsync(accountId, key, hash, ct) is { } replay)
            return replay;

        var child = (await families.ChildrenOfAsync(personId, ct)).FirstOrDefault(c => c.Id == request.ChildId);
        if (child is null)
            return SubmissionOutcome.Missing;

        var checkedRequest = await CheckAsync(request, child, scans, ct);
        if (checkedRequest.Problems.Count > 0)
        {
            // A press with the same key may have been stored while this one was checked (then it is "a duplicate"):
            // a key answers as it did the first time.
            return await ReplayAsync(accountId, key, hash, ct)
                ?? new SubmissionOutcome(SubmissionResult.Invalid, null, null, checkedRequest.Problems);
        }

        var stored = new List<(SchoolDocumentKind Kind, StoredFile File, string Name, string ContentType)>();
        try
        {
            foreach (var scan in scans)
            {
                await using var stream = scan.File.OpenReadStream();
                var file = await files.SaveAsync(stream, ScanFiles.MaxFileBytes, ct);
                if (file is null)
                    return SubmissionOutcome.Refused(new FieldProblem(scan.Kind.ToString(), "Файл больше 10 МБ."));
                stored.Add((scan.Kind, file, FileNames.Display(scan.File.FileName, ScanFiles.Extension(checkedRequest.ContentTypes[scan.Kind])), checkedRequest.ContentTypes[scan.Kind]));
            }

            var outcome = await StoreAsync(accountId, personId, key, hash, request, checkedRequest, stored, ct);
            if (outcome.Result is not SubmissionResult.Created)
                Discard(stored);
            return outcome;
        }
        catch (Exception e) when (DbExceptions.IsUnavailable(e) || e is IOException)
        {
            // Nothing was committed: the parent is told the application is not registered and may press again.
            logger.LogWarning(e, "A school application of account {AccountId} was not stored", accountId);
            Discard(stored);
            return SubmissionOutcome.Down;
        }
        catch
        {
            Discard(stored);
            throw;
        }
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

    private async Task<SubmissionOutcome> StoreAsync(
        int accountId, int personId, string key, string hash, SchoolApplicationRequest request, CheckedRequest checkedRequest,
        List<(SchoolDocumentKind Kind, StoredFile File, string Name, string ContentType)> stored, CancellationToken ct)
    {
        // Read before the transaction: while it runs, the campaign's counter is locked, and it should do nothing but write.
        var recipients = await notifications.RecipientsAsync([accountId], [NotificationKinds.SchoolApplication], ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAsync(accountId, personId, key, hash, request, checkedRequest, stored, recipients, ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && !DbExceptions.IsUnavailable(e))
            {
                // A concurrent request with the same key, or for the same child and school, won on a unique index and is
                // committed now: this one is its replay or a duplicate (the rollback gave the number back).
                logger.LogInformation(e, "A school application lost a race on a unique index; attempt {Attempt}", attempt);
            }

            if (await ReplayAsync(accountId, key, hash, ct) is { } replay)
                return replay;
            if (await DuplicateAsync(request, ct) is { } duplicate)
                return SubmissionOutcome.Refused(duplicate);
        }
    }

    /// <summary>The write: the number, the application with its history and scans, the key and the notification, one transaction.</summary>
    private async Task<SubmissionOutcome> InsertAsync(
        int accountId, int personId, string key, string hash, SchoolApplicationRequest request, CheckedRequest checkedRequest,
        List<(SchoolDocumentKind Kind, StoredFile File, string Name, string ContentType)> stored, NotificationRecipients recipients, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // SQLite has one writer: the submissions of this process queue here for it instead of in SQLite's busy
        // handler, which sleeps up to 100 ms between tries and makes a burst slow and unfair.
        using var writer = db.Database.IsSqlite() ? await SqliteWriter.EnterAsync(ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sequence = await TakeNumberAsync(transaction, checkedRequest.CampaignId, request.Kind, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var application = new SchoolApplication
        {
            CampaignId = checkedRequest.CampaignId,
            Kind = request.Kind,
            Sequence = sequence,
            Number = SchoolApplication.FormatNumber(request.Kind, request.SchoolYear, sequence),
            RegisteredAt = now,
            ChildPersonId = request.ChildId,
            ApplicantPersonId = personId,
            SubmittedByAccountId = accountId,
            MunicipalityId = checkedRequest.MunicipalityId,
            SchoolId = request.SchoolId,
            SchoolYear = request.SchoolYear,
            Grade = checkedRequest.Grade,
            CurrentSchool = request.Kind == SchoolApplicationKind.Transfer ? request.CurrentSchool : null,
            CurrentGrade = request.Kind == SchoolApplicationKind.Transfer ? request.CurrentGrade : null,
            Right = request.Right,
            SiblingName = request.Right == AdmissionRight.Preferential ? request.SiblingName : null,
            Street = request.Street!,
            House = request.House!,
            OnTerritory = checkedRequest.OnTerritory,
            AdaptedProgramme = request.AdaptedProgramme,
            Language = request.Language,
            NativeLanguage = request.NativeLanguage,
            ConsentPersonalData = true,
            ConsentCharter = true,
            Phone = checkedRequest.Phone,
            Email = checkedRequest.Email,
            BirthCertificateSeries = request.BirthCertificateSeries!,
            BirthCertificateNumber = request.BirthCertificateNumber!,
            BirthCertificateIssuedOn = request.BirthCertificateIssuedOn!.Value,
            StatusChangedAt = now,
        };
        application.History.Add(new SchoolApplicationChange { To = SchoolApplicationStatus.Registered, At = now, ByAccountId = accountId, Comment = $"Заявление зарегистрировано под номером {application.Number}" });
        foreach (var (kind, file, name, contentType) in stored)
        {
            application.Documents.Add(new SchoolApplicationDocument
            {
                Kind = kind, FileName = name, ContentType = contentType, Size = file.Size, Sha256 = file.Sha256, StorageKey = file.Key, UploadedAt = now,
            });
        }

        // The one-active-application and the key's unique indexes turn a concurrent twin into a DbUpdateException here.
        db.Add(application);
        await db.SaveChangesAsync(ct);

        var receipt = JsonSerializer.Serialize(new SubmissionReceipt(application.Id, application.Number, now, application.Status, application.Status.Title(), Link(application.Id)), Json);
        db.Add(new SubmissionKey { AccountId = accountId, Key = key, RequestHash = hash, ApplicationId = application.Id, Response = receipt, CreatedAt = now });
        notifications.Post(recipients, [new NotificationRequest(accountId, NotificationKinds.SchoolApplication, $"Заявление {application.Number} зарегистрировано",
            $"{request.Kind.Title()}: заявление зарегистрировано {RegionTime.Display(now)} под номером {application.Number}. Школа рассмотрит его и сообщит о решении.",
            Link(application.Id))]);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SubmissionOutcome(SubmissionResult.Created, receipt, application.Id, []);
    }

    /// <summary>
    /// The next number of the campaign and kind: UPDATE … RETURNING locks the counter row to the end of the transaction,
    /// so a rolled-back submission gives its number back and the numbers follow the commits.
    /// </summary>
    private async Task<int> TakeNumberAsync(IDbContextTransaction transaction, int campaignId, SchoolApplicationKind kind, CancellationToken ct)
    {
        var column = EnrollmentCampaign.CounterColumn(kind);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"UPDATE enrollment_campaigns SET {column} = {column} + 1 WHERE id = @id RETURNING {column}";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = campaignId;
        command.Parameters.Add(parameter);
        var value = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<FieldProblem?> DuplicateAsync(SchoolApplicationRequest request, CancellationToken ct)
    {
        var number = await db.Set<SchoolApplication>().AsNoTracking()
            .Where(a => a.ChildPersonId == request.ChildId && a.SchoolId == request.SchoolId && a.SchoolYear == request.SchoolYear
                && (a.Status == SchoolApplicationStatus.Registered || a.Status == SchoolApplicationStatus.UnderReview))
            .Select(a => a.Number).FirstOrDefaultAsync(ct);
        return number is null ? null
            : new FieldProblem(nameof(SchoolApplicationRequest.SchoolId), $"У ребёнка уже есть заявление № {number} в эту школу на этот учебный год. Второе подать нельзя — отзовите первое, если хотите подать заново.");
    }

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

        var school = await institutions.SchoolAsync(r.SchoolId, ct);
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

        var campaign = await db.Set<EnrollmentCampaign>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.MunicipalityId == school.MunicipalityId && c.StartYear == r.SchoolYear, ct);
        if (campaign is null)
            return new CheckedRequest([new FieldProblem(nameof(r.SchoolYear), $"Приём заявлений на {r.SchoolYear}/{r.SchoolYear + 1} учебный год в этом муниципалитете ещё не открыт.")]);

        var territory = await db.Set<SchoolTerritory>().AsNoTracking().Where(t => t.OrganisationId == school.Id).Select(t => t.Lines).FirstOrDefaultAsync(ct);
        var onTerritory = territory is not null && TerritoryRules.Covers(TerritoryRules.Parse(territory).Streets, r.Street, r.House);
        var priority = onTerritory || r.Right != AdmissionRight.None;
        if (campaign.WindowProblem(r.Kind, priority, today) is { } closed)
            return new CheckedRequest([new FieldProblem(nameof(r.SchoolYear), closed)]);

        if (r.Kind == SchoolApplicationKind.FirstGrade && !(priority && campaign.PriorityFrom <= today && today <= campaign.PriorityTo))
        {
            var places = await db.Set<SchoolIntake>().AsNoTracking().Where(i => i.OrganisationId == school.Id && i.StartYear == r.SchoolYear)
                .Select(i => (int?)i.FirstGradePlaces).FirstOrDefaultAsync(ct);
            if (places is { } limit && await EnrolledFirstGradersAsync(school.Id, r.SchoolYear, ct) >= limit)
                return new CheckedRequest([new FieldProblem(nameof(r.SchoolId), "Свободных мест в 1 классе этой школы больше нет. Выберите другую школу или обратитесь в управление образования.")]);
        }

        if (await DuplicateAsync(r, ct) is { } duplicate)
            return new CheckedRequest([duplicate]);

        return new CheckedRequest([], campaign.Id, school.MunicipalityId, grade, onTerritory, phone!, email, contentTypes);
    }

    public Task<int> EnrolledFirstGradersAsync(int schoolId, int year, CancellationToken ct) =>
        db.Set<SchoolApplication>().CountAsync(a => a.SchoolId == schoolId && a.SchoolYear == year && a.Kind == SchoolApplicationKind.FirstGrade && a.Status == SchoolApplicationStatus.Enrolled, ct);

    /// <summary>The school year a date belongs to: 1 September starts a new one.</summary>
    public static int QueueYear(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;

    private static string Hash(SchoolApplicationRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Json))));

    private void Discard(List<(SchoolDocumentKind Kind, StoredFile File, string Name, string ContentType)> stored)
    {
        foreach (var s in stored)
            files.Discard(s.File.Key);
    }
}

/// <summary>The process's turn at SQLite's single write lock for enrollment submissions (in arrival order).</summary>
internal static class SqliteWriter
{
    private static readonly SemaphoreSlim Turn = new(1, 1);

    public static async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await Turn.WaitAsync(ct);
        return new Release();
    }

    private sealed class Release : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                Turn.Release();
        }
    }
}
