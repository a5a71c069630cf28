using Kabinet.Web.Common.Files;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission;

/// <summary>What the application form sends: the fields as typed and the scans.</summary>
public sealed record ApplyInput(
    int SpecialityId, int? EntrantPersonId, string? Average, EducationBasis? DocumentLevel, string? DocumentSeries, string? DocumentNumber,
    DateOnly? DocumentIssuedOn, bool PriorityRight, Achievements Achievements, bool TargetContract, bool Consent,
    IFormFile? Certificate, IFormFile? PriorityProof, IFormFile? MedicalCertificate, IFormFile? Other);

/// <summary>The application filed, or the fields and the Russian reasons it was refused (then nothing is saved).</summary>
public sealed record ApplyOutcome(CollegeApplication? Application, IReadOnlyList<(string Field, string Message)> Problems);

/// <summary>
/// College applications: filing them (all or nothing — the record, its history and its scans in one save), who may
/// see which, and status changes with the notice to the applicant.
/// </summary>
public sealed class CollegeApplications(KabinetDbContext db, FamilyDirectory families, AccountDirectory accounts, NotificationCentre notifications,
    FileStore files, TimeProvider time, ILogger<CollegeApplications> logger)
{
    public const string SpecialityField = "speciality";
    public const string EntrantField = "EntrantPersonId";
    public const string AverageField = "Average";
    public const string LevelField = "DocumentLevel";
    public const string SeriesField = "DocumentSeries";
    public const string NumberField = "DocumentNumber";
    public const string IssuedField = "DocumentIssuedOn";
    public const string ConsentField = "Consent";
    public const string CertificateField = "certificate";
    public const string PriorityProofField = "priorityProof";
    public const string MedicalField = "medicalCertificate";
    public const string OtherField = "other";

    /// <summary>The applications an account filed or whose entrant is the account's person.</summary>
    public IQueryable<CollegeApplication> VisibleTo(int accountId, int personId) =>
        db.CollegeApplications.Where(a => a.SubmittedByAccountId == accountId || a.EntrantPersonId == personId);

    /// <summary>Whether the speciality takes applications today (region day), with places remaining counted for the extension.</summary>
    public async Task<bool> IsOpenAsync(Speciality speciality, CancellationToken ct)
    {
        var today = time.Today();
        if (speciality.IsOpenOn(today, placesRemain: false))
            return true;
        if (!speciality.IsOpenOn(today, placesRemain: true))
            return false;
        var enrolled = await db.CollegeApplications.CountAsync(a => a.SpecialityId == speciality.Id && a.Status == CollegeApplicationStatus.Enrolled, ct);
        return enrolled < speciality.TotalPlaces;
    }

    public async Task<ApplyOutcome> SubmitAsync(ApplyInput input, int accountId, int personId, CancellationToken ct)
    {
        var problems = new List<(string, string)>();
        var speciality = await db.Specialities.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SpecialityId, ct);
        if (speciality is null)
            return Refused(SpecialityField, "Выберите специальность из списка.");
        if (!await IsOpenAsync(speciality, ct))
            return Refused(SpecialityField, $"Приём заявлений на эту специальность закрыт: заявления принимаются {speciality.WindowTitle}.");

        var entrant = input.EntrantPersonId ?? personId;
        if (entrant != personId && !await families.ChildIdsOf(personId).AnyAsync(c => c == entrant, ct))
            problems.Add((EntrantField, "Выберите себя или своего ребёнка."));
        var average = AverageMark.Parse(input.Average, out var averageProblem);
        if (averageProblem is not null)
            problems.Add((AverageField, averageProblem));
        if (input.DocumentLevel is not { } level)
            problems.Add((LevelField, "Укажите, какой у вас аттестат."));
        else if (level != speciality.Basis)
            problems.Add((LevelField, $"На эту специальность принимают {speciality.Basis.Title()}: нужен {speciality.Basis.DocumentTitle()}."));
        if (string.IsNullOrWhiteSpace(input.DocumentNumber))
            problems.Add((NumberField, "Укажите номер аттестата."));
        else if (input.DocumentNumber.Trim().Length > 30)
            problems.Add((NumberField, "Номер аттестата — не длиннее 30 знаков."));
        if (input.DocumentSeries?.Trim().Length > 20)
            problems.Add((SeriesField, "Серия аттестата — не длиннее 20 знаков."));
        if (input.DocumentIssuedOn is not { } issued)
            problems.Add((IssuedField, "Укажите дату выдачи аттестата."));
        else if (issued > time.Today() || issued.Year < 1950)
            problems.Add((IssuedField, "Дата выдачи аттестата не может быть в будущем."));
        if (!input.Consent)
            problems.Add((ConsentField, "Без согласия на обработку персональных данных колледж не может рассмотреть заявление."));

        var scans = new List<(string Field, CollegeDocumentKind Kind, IFormFile File)>();
        Scan(input.Certificate, CertificateField, CollegeDocumentKind.Certificate, "Приложите скан или фото аттестата.");
        Scan(input.PriorityProof, PriorityProofField, CollegeDocumentKind.PriorityProof, input.PriorityRight ? "Приложите документ, подтверждающий преимущественное право." : null);
        Scan(input.MedicalCertificate, MedicalField, CollegeDocumentKind.MedicalCertificate, speciality.MedicalExamination ? "Для этой специальности нужна медицинская справка о прохождении медосмотра." : null);
        Scan(input.Other, OtherField, CollegeDocumentKind.Other, null);
        var recognised = new List<(CollegeDocumentKind Kind, IFormFile File, string ContentType)>();
        foreach (var (field, kind, file) in scans)
        {
            if (file.Length > ScanFiles.MaxFileBytes)
            {
                problems.Add((field, ScanFiles.TooLarge));
                continue;
            }

            await using var stream = file.OpenReadStream();
            var header = new byte[ScanFiles.HeaderLength];
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
            if (ScanFiles.Recognise(header.AsSpan(0, read), file.FileName, out var fileProblem) is { } contentType)
                recognised.Add((kind, file, contentType));
            else
                problems.Add((field, fileProblem!));
        }

        if (problems.Count > 0)
            return new ApplyOutcome(null, problems);
        if (await ActiveNumberAsync(speciality.Id, entrant, ct) is { } existing)
            return Refused(SpecialityField, $"На эту специальность уже подано заявление № {existing}. Можно подать заявления на другие специальности.");

        var now = time.GetUtcNow().UtcDateTime;
        var achievements = input.Achievements & (Achievements)15;
        var application = new CollegeApplication
        {
            SpecialityId = speciality.Id, OrganisationId = speciality.OrganisationId, MunicipalityId = speciality.MunicipalityId,
            EntrantPersonId = entrant, SubmittedByAccountId = accountId, RegisteredAt = now, AverageHundredths = average!.Value,
            DocumentLevel = input.DocumentLevel!.Value, DocumentSeries = input.DocumentSeries?.Trim() ?? "", DocumentNumber = input.DocumentNumber!.Trim(),
            DocumentIssuedOn = input.DocumentIssuedOn!.Value, PriorityRight = input.PriorityRight, Achievements = achievements,
            AchievementCount = CollegeApplication.CountOf(achievements), TargetContract = input.TargetContract, PersonalDataConsent = true,
        };
        application.Register(accountId, now);
        db.CollegeApplications.Add(application);

        var stored = new List<string>();
        try
        {
            foreach (var (kind, file, contentType) in recognised)
            {
                await using var stream = file.OpenReadStream();
                var saved = await files.SaveAsync(stream, ScanFiles.MaxFileBytes, ct);
                if (saved is null)
                {
                    Forget(application, stored);
                    return Refused(FieldOf(kind), ScanFiles.TooLarge);
                }

                stored.Add(saved.Key);
                application.Documents.Add(new CollegeDocument
                {
                    Kind = kind, FileName = ScanFiles.DisplayName(file.FileName, contentType), ContentType = contentType, Size = saved.Size,
                    Sha256 = saved.Sha256, StorageKey = saved.Key, UploadedByAccountId = accountId, UploadedAt = now,
                });
            }

            await db.SaveChangesAsync(ct);
            return new ApplyOutcome(application, []);
        }
        catch (IOException e)
        {
            logger.LogError(e, "A scan for a college application could not be written to the document store");
            Forget(application, stored);
            return Refused(CertificateField, "Файлы не удалось сохранить на сервере. Попробуйте ещё раз через несколько минут.");
        }
        catch (DbUpdateException e)
        {
            Forget(application, stored);
            if (await ActiveNumberAsync(speciality.Id, entrant, ct) is { } duplicate)
                return Refused(SpecialityField, $"На эту специальность уже подано заявление № {duplicate}. Можно подать заявления на другие специальности.");
            if (!DbExceptions.IsUnavailable(e))
                throw;
            logger.LogError(e, "A college application was not recorded; its files are removed");
            return Refused(SpecialityField, "Заявление не сохранено: база данных временно недоступна. Попробуйте ещё раз через минуту.");
        }

        void Scan(IFormFile? file, string field, CollegeDocumentKind kind, string? requiredProblem)
        {
            if (file is { Length: > 0 })
                scans.Add((field, kind, file));
            else if (requiredProblem is not null)
                problems.Add((field, file is null ? requiredProblem : "Файл пустой. Выберите другой."));
        }
    }

    /// <summary>Leaves nothing behind of a refused submission: no tracked rows, no files.</summary>
    private void Forget(CollegeApplication application, List<string> storedKeys)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            entry.State = EntityState.Detached;
        db.Entry(application).State = EntityState.Detached;
        foreach (var key in storedKeys)
            files.Discard(key);
    }

    /// <summary>The number of the person's active application to the speciality, if there is one.</summary>
    private async Task<string?> ActiveNumberAsync(int specialityId, int entrant, CancellationToken ct) =>
        await db.CollegeApplications.Where(a => a.SpecialityId == specialityId && a.EntrantPersonId == entrant
                && a.Status != CollegeApplicationStatus.Refused && a.Status != CollegeApplicationStatus.Withdrawn)
            .Select(a => new { a.Id, a.RegisteredAt }).FirstOrDefaultAsync(ct) is { } found ? CollegeApplication.NumberOf(found.Id, found.RegisteredAt) : null;

    private static string FieldOf(CollegeDocumentKind kind) => kind switch
    {
        CollegeDocumentKind.Certificate => CertificateField,
        CollegeDocumentKind.PriorityProof => PriorityProofField,
        CollegeDocumentKind.MedicalCertificate => MedicalField,
        _ => OtherField,
    };

    private static ApplyOutcome Refused(string field, string message) => new(null, [(field, message)]);

    /// <summary>Changes the status in the caller's unit of work (the caller saves) and tells the applicant; false when that transition does not exist.</summary>
    public async Task<bool> MoveAsync(CollegeApplication application, CollegeApplicationStatus to, int? byAccountId, string? comment, CancellationToken ct)
    {
        if (!application.TryMove(to, byAccountId, comment, time.GetUtcNow().UtcDateTime))
            return false;
        var what = to switch
        {
            CollegeApplicationStatus.Accepted => "Колледж проверил документы и принял заявление.",
            CollegeApplicationStatus.Recommended => "Вы рекомендованы к зачислению. Если оригинал аттестата ещё не сдан, принесите его в приёмную комиссию.",
            CollegeApplicationStatus.Enrolled => "Вы зачислены в колледж. Поздравляем!",
            CollegeApplicationStatus.Refused => "В приёме заявления отказано.",
            CollegeApplicationStatus.Withdrawn => "Заявление отозвано.",
            _ => $"Новый статус: «{to.Title()}».",
        };
        var text = comment is null ? what : $"{what} Комментарий: «{comment}».";
        var recipients = new HashSet<int>();
        if (application.SubmittedByAccountId is { } submitter)
            recipients.Add(submitter);
        if ((await accounts.AccountsOfPeopleAsync([application.EntrantPersonId], ct)).TryGetValue(application.EntrantPersonId, out var entrantAccount))
            recipients.Add(entrantAccount);
        await notifications.NotifyManyAsync([.. recipients.Select(r => new NotificationRequest(r, NotificationKinds.CollegeApplication,
            $"Заявление в колледж № {application.Number}: {to.Title().ToLowerInvariant()}", text, $"/college/applications/{application.Id}"))], ct);
        return true;
    }
}
