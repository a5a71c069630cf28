using System.Globalization;
using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Diary.Admin;
using Kabinet.Web.Features.Faq;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Journal;

/// <summary>
/// One lesson of the journal: topic, homework with files, learning materials, and one form for the whole class —
/// a mark per student in each column (kind of work), attendance and a comment. The teacher who holds the lesson
/// (a replacement teacher included) edits it; the subject's assigned teacher may look at it.
/// </summary>
[Authorize(Roles = nameof(PortalRole.Teacher))]
[RequestSizeLimit(LessonFileRules.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = LessonFileRules.MaxRequestBytes)]
[OversizedUpload(LessonFileRules.MaxRequestBytes, LessonFileRules.TooLarge, "lesson-files")]
public sealed class LessonPageModel(
    KabinetDbContext db, JournalAccess access, JournalData data, SchoolStructure structure, JournalVersions versions, JournalNotices notices,
    FileStore fileStore, FaqMarkdown markdown, TimeProvider time, ILogger<LessonPageModel> logger) : PageModel
{
    public const string FilesField = "files";
    public const string NewColumn = "new";

    public JournalScope Scope { get; private set; } = null!;

    public DateOnly Date { get; private set; }

    public int Number { get; private set; }

    public PlannedLesson? Planned { get; private set; }

    public Lesson? Lesson { get; private set; }

    /// <summary>Why this is not a lesson of the class and subject (no form then).</summary>
    public string? Problem { get; private set; }

    public bool CanEdit { get; private set; }

    public SchoolTerm? Term { get; private set; }

    public bool Closed { get; private set; }

    public bool Future => Date > Scope.Today;

    public IReadOnlyList<JournalStudent> Students { get; private set; } = [];

    public IReadOnlyList<WorkKind> WorkKinds { get; private set; } = [];

    /// <summary>The kinds of work the lesson already has marks for: a column each.</summary>
    public IReadOnlyList<WorkKind> Columns { get; private set; } = [];

    /// <summary>The kinds a new column may be given.</summary>
    public IReadOnlyList<WorkKind> FreeKinds { get; private set; } = [];

    public IReadOnlyList<Mark> Marks { get; private set; } = [];

    public IReadOnlyList<LessonAttendance> Attendance { get; private set; } = [];

    public IReadOnlyList<LessonComment> Comments { get; private set; } = [];

    public Homework? Homework { get; private set; }

    public string? HomeworkHtml { get; private set; }

    public IReadOnlyList<LessonFile> Files { get; private set; } = [];

    public IReadOnlyList<MarkChange> History { get; private set; } = [];

    public DateOnly? NextLessonDate { get; private set; }

    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? HomeworkText { get; set; }

    [BindProperty]
    public DateOnly? HomeworkDue { get; set; }

    [BindProperty]
    public int? NewKind { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public LessonFilePurpose Purpose { get; set; } = LessonFilePurpose.Homework;

    public static string MarkKey(int student, string column) => $"m-{student}-{column}";

    public static string MarkKey(int student, WorkKind kind) => MarkKey(student, kind.Id.ToString(CultureInfo.InvariantCulture));

    public static string AttendanceKey(int student) => $"a-{student}";

    public static string CommentKey(int student) => $"c-{student}";

    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>What a field shows: what was posted when the form comes back with errors, else what is saved.</summary>
    public string ValueOf(string key, string? saved) => Request.HasFormContentType && Request.Form.ContainsKey(key) ? Request.Form[key].ToString() : saved ?? "";

    public string Path => $"{Scope.Base}/{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{Number.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(int classGroupId, int subjectId, string date, int number, CancellationToken ct)
    {
        if (!await LoadAsync(classGroupId, subjectId, date, number, ct))
            return NotFound();
        if (TempData[OversizedUploadAttribute.ProblemKey] is string uploadProblem)
            ModelState.AddModelError(FilesField, uploadProblem);
        Topic = Lesson?.Topic;
        HomeworkText = Homework?.Text;
        HomeworkDue = Homework?.DueOn ?? NextLessonDate;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int classGroupId, int subjectId, string date, int number, CancellationToken ct)
    {
        if (!await LoadAsync(classGroupId, subjectId, date, number, ct))
            return NotFound();
        ModelState.Clear();
        if (!CanEdit)
        {
            ModelState.AddModelError("", Problem ?? "Этот урок ведёт другой учитель: вы можете только посмотреть его.");
            return Page();
        }

        var entry = new LessonEntry(this, markdown);
        entry.Check();
        if (!ModelState.IsValid)
            return Page();
        if (!entry.HasChanges)
        {
            TempData["Status"] = "Изменений нет.";
            return Redirect(Path);
        }

        var accountId = KabinetClaims.AccountIdOf(User);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await versions.BeginWriteAsync(Scope.Class.Id, ct);
            var lesson = await EnsureLessonAsync(accountId, now, ct);
            await notices.PostAsync(await entry.ApplyAsync(db, lesson, accountId, now, ct), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            logger.LogWarning(e, "The journal of lesson {Date} {Number} of class {ClassGroupId} was not saved", Date, Number, Scope.Class.Id);
            db.ChangeTracker.Clear();
            await LoadAsync(classGroupId, subjectId, date, number, ct);
            ModelState.AddModelError("", "Не удалось сохранить: урок только что изменил другой пользователь. Проверьте данные и сохраните ещё раз.");
            return Page();
        }

        TempData["Status"] = "Урок сохранён.";
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostUploadAsync(int classGroupId, int subjectId, string date, int number, List<IFormFile>? files, CancellationToken ct)
    {
        if (!await LoadAsync(classGroupId, subjectId, date, number, ct))
            return NotFound();
        ModelState.Clear();
        if (!CanEdit)
        {
            ModelState.AddModelError(FilesField, Problem ?? "Файлы прикладывает учитель, который ведёт урок.");
            return Page();
        }

        files = files?.Where(f => f is not null).ToList() ?? [];
        var problem = files.Count == 0 ? "Выберите файл."
            : !Enum.IsDefined(Purpose) ? "Выберите, что это за файл."
            : Files.Count + files.Count > LessonFileRules.MaxFilesPerLesson ? $"К уроку можно приложить не больше {LessonFileRules.MaxFilesPerLesson} файлов."
            : files.Any(f => f.Length == 0) ? "Один из файлов пустой. Выберите другой."
            : files.Sum(f => f.Length) > LessonFileRules.MaxFileBytes ? LessonFileRules.TooLarge
            : null;
        var accepted = new List<(IFormFile File, string ContentType)>();
        foreach (var file in problem is null ? files : [])
        {
            await using var stream = file.OpenReadStream();
            var (contentType, fileProblem) = await LessonFileRules.RecogniseAsync(stream, file.FileName, ct);
            if (contentType is null)
            {
                problem = fileProblem;
                break;
            }

            accepted.Add((file, contentType));
        }

        if (problem is not null)
        {
            ModelState.AddModelError(FilesField, problem);
            return Page();
        }

        var stored = new List<StoredFile>();
        var accountId = KabinetClaims.AccountIdOf(User);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            foreach (var (file, _) in accepted)
            {
                await using var stream = file.OpenReadStream();
                stored.Add(await fileStore.SaveAsync(stream, LessonFileRules.MaxFileBytes, ct) ?? throw new IOException("The file grew past the limit"));
            }

            await using var transaction = await versions.BeginWriteAsync(Scope.Class.Id, ct);
            var lesson = await EnsureLessonAsync(accountId, now, ct);
            for (var i = 0; i < accepted.Count; i++)
            {
                var (file, contentType) = accepted[i];
                db.LessonFiles.Add(new LessonFile
                {
                    LessonId = lesson.Id, ClassGroupId = Scope.Class.Id, Purpose = Purpose, ContentType = contentType, Size = stored[i].Size,
                    FileName = FileNames.Display(file.FileName, System.IO.Path.GetExtension(file.FileName)), StorageKey = stored[i].Key, Sha256 = stored[i].Sha256,
                    UploadedAt = now, UploadedByAccountId = accountId,
                });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is IOException or DbUpdateException || DbExceptions.IsUnavailable(e))
        {
            // The records and the files go together: a stored file nobody can find is taken back.
            foreach (var file in stored)
                fileStore.Discard(file.Key);
            logger.LogError(e, "Files of lesson {Date} {Number} of class {ClassGroupId} were not saved", Date, Number, Scope.Class.Id);
            db.ChangeTracker.Clear();
            ModelState.AddModelError(FilesField, "Файлы не сохранены: сервер временно не может их принять. Попробуйте ещё раз через минуту.");
            return Page();
        }

        TempData["Status"] = accepted.Count == 1 ? $"Файл «{accepted[0].File.FileName}» приложен." : $"Приложено файлов: {accepted.Count}.";
        return Redirect(Path + "#lesson-files");
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(int classGroupId, int subjectId, string date, int number, long fileId, CancellationToken ct)
    {
        if (!await LoadAsync(classGroupId, subjectId, date, number, ct))
            return NotFound();
        if (!CanEdit || Lesson is null)
            return NotFound();
        var file = await db.LessonFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.LessonId == Lesson.Id, ct);
        if (file is null)
            return NotFound();
        db.LessonFiles.Remove(file);
        await versions.SaveAsync(Scope.Class.Id, ct);
        fileStore.Discard(file.StorageKey);
        TempData["Status"] = $"Файл «{file.FileName}» убран.";
        return Redirect(Path + "#lesson-files");
    }

    /// <summary>The lesson's row, made on its first save with the subject and teacher it is held with.</summary>
    private async Task<Lesson> EnsureLessonAsync(int accountId, DateTime now, CancellationToken ct)
    {
        if (Lesson is { } existing)
        {
            var tracked = await db.Lessons.SingleAsync(l => l.Id == existing.Id, ct);
            tracked.UpdatedAt = now;
            tracked.UpdatedByAccountId = accountId;
            return tracked;
        }

        var lesson = new Lesson
        {
            OrganisationId = Scope.OrganisationId, AcademicYearId = Scope.Year.Id, ClassGroupId = Scope.Class.Id, Date = Date, Number = Number,
            SubjectId = Planned!.SubjectId, EmployeeId = Planned.EmployeeId, UpdatedAt = now, UpdatedByAccountId = accountId,
        };
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync(ct);
        return lesson;
    }

    /// <summary>Opens the lesson for this teacher; false — «not found».</summary>
    private async Task<bool> LoadAsync(int classGroupId, int subjectId, string date, int number, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || number is < 1 or > 20)
            return false;
        if (await access.OpenAsync(User, classGroupId, subjectId, ct) is not { } scope)
            return false;
        Scope = scope;
        Date = day;
        Number = number;
        Term = scope.TermOf(day);
        var planned = Term is null ? [] : await data.PlannedAsync(scope, day, day, ct);
        Planned = planned.FirstOrDefault(l => l.Number == number);
        Lesson = await db.Lessons.AsNoTracking().FirstOrDefaultAsync(l => l.ClassGroupId == classGroupId && l.Date == day && l.Number == number, ct);
        if (Lesson is not null && Lesson.SubjectId != subjectId)
            Lesson = null;
        CanEdit = Planned is not null && scope.Holds(Planned);
        if (!CanEdit && !scope.Assigned)
            return false;
        Problem = Term is null
            ? $"{day:dd.MM.yyyy} — вне учебных периодов {scope.Year.Title} учебного года: отметки, пропуски и задания ставятся только на уроки."
            : Planned is null
                ? $"По расписанию у {scope.Class.Name} {day:dd.MM.yyyy} нет {number}-го урока «{scope.Subject.Name}» (или он отменён). Откройте урок из журнала."
                : null;
        Closed = Term is not null && (await data.ClosedPeriodsAsync(scope, ct)).Contains(Term.Number);

        Students = await data.StudentsAsync(scope, ct);
        WorkKinds = await structure.WorkKindsAsync(scope.OrganisationId, ct);
        if (Lesson is { } lesson)
        {
            Marks = await db.Marks.AsNoTracking().Where(m => m.LessonId == lesson.Id && m.DeletedAt == null).ToListAsync(ct);
            Attendance = await db.Attendance.AsNoTracking().Where(a => a.LessonId == lesson.Id).ToListAsync(ct);
            Comments = await db.LessonComments.AsNoTracking().Where(c => c.LessonId == lesson.Id).ToListAsync(ct);
            Homework = await db.Homework.AsNoTracking().FirstOrDefaultAsync(h => h.LessonId == lesson.Id, ct);
            Files = await db.LessonFiles.AsNoTracking().Where(f => f.LessonId == lesson.Id).OrderBy(f => f.Purpose).ThenBy(f => f.Id).ToListAsync(ct);
            History = await db.MarkChanges.AsNoTracking()
                .Where(c => db.Marks.Any(m => m.Id == c.MarkId && m.LessonId == lesson.Id) && c.OldValue != null)
                .OrderBy(c => c.ChangedAt).ToListAsync(ct);
        }

        HomeworkHtml = Homework is null ? null : markdown.ToHtml(Homework.Text);
        var used = Marks.Select(m => m.WorkKindId).ToHashSet();
        Columns = [.. WorkKinds.Where(k => used.Contains(k.Id))];
        FreeKinds = [.. WorkKinds.Where(k => !used.Contains(k.Id))];
        if (Term is not null)
        {
            var next = await data.PlannedAsync(scope, day.AddDays(1), day.AddDays(30), ct);
            NextLessonDate = next.Count > 0 ? next[0].Date : null;
        }

        return true;
    }

    public string StudentName(int personId) => Students.FirstOrDefault(s => s.PersonId == personId)?.Name ?? "—";

    public string KindName(int kindId) => WorkKinds.FirstOrDefault(k => k.Id == kindId)?.Name ?? "—";

}
