using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>The changes of one date: a class's lessons that day, a form to replace or cancel one, and all the school's changes that day.</summary>
public sealed class ChangesModel(KabinetDbContext db, SchoolStructure structure, ClassLessons lessons, Journal.JournalVersions versions, InstitutionDirectory institutions, TimeProvider time)
    : SchoolAdminPage(institutions, time)
{
    private readonly TimeProvider _time = time;
    private readonly InstitutionDirectory _institutions = institutions;

    [BindProperty(SupportsGet = true, Name = "date")]
    public DateOnly? DateAsked { get; set; }

    [BindProperty(SupportsGet = true, Name = "class")]
    public int? ClassId { get; set; }

    [BindProperty]
    public int? LessonNumber { get; set; }

    [BindProperty]
    public ChangeKind? Kind { get; set; }

    [BindProperty]
    public int? SubjectId { get; set; }

    [BindProperty]
    public int? EmployeeId { get; set; }

    [BindProperty]
    public string? Room { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public DateOnly Date { get; private set; }

    public string ClassName { get; private set; } = "";

    public IReadOnlyList<SchoolClass> Classes { get; private set; } = [];

    public IReadOnlyList<LessonView> Lessons { get; private set; } = [];

    public IReadOnlyList<TimetableChange> DayChanges { get; private set; } = [];

    public IReadOnlyList<TeacherItem> Teachers { get; private set; } = [];

    public IReadOnlyList<Subject> Subjects { get; private set; } = [];

    public string ClassNameOf(int id) => Classes.FirstOrDefault(c => c.Id == id)?.Name ?? "—";

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct) => await LoadAsync(organisationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int organisationId, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct) || ClassId is not { } classId)
            return NotFound();
        ModelState.Clear();
        var lesson = Lessons.FirstOrDefault(l => l.Lesson.Number == LessonNumber);
        if (lesson is null)
            ModelState.AddModelError(nameof(LessonNumber), "Выберите урок, который в этот день стоит в расписании класса.");
        else if (lesson.Lesson.Cancelled || lesson.Lesson.Replaced)
            ModelState.AddModelError(nameof(LessonNumber), "У этого урока уже есть изменение — сначала верните урок по расписанию.");
        if (Kind is not { } kind || !Enum.IsDefined(kind))
            ModelState.AddModelError(nameof(Kind), "Выберите: замена или отмена.");
        if (TimetableChange.ReasonProblem(Reason) is { } reasonProblem)
            ModelState.AddModelError(nameof(Reason), reasonProblem);
        if (Kind == ChangeKind.Replacement)
        {
            if (SubjectId is { } s && Subjects.All(x => x.Id != s))
                ModelState.AddModelError(nameof(SubjectId), "Выберите предмет школы.");
            if (EmployeeId is { } e && Teachers.All(x => x.EmployeeId != e))
                ModelState.AddModelError(nameof(EmployeeId), "Выберите сотрудника школы.");
            if (SubjectId is null && EmployeeId is null && string.IsNullOrWhiteSpace(Room))
                ModelState.AddModelError(nameof(EmployeeId), "Укажите, кто или что заменяет урок: учителя, предмет или кабинет.");
            if (Room?.Trim().Length > TimetableSlot.MaxRoomLength)
                ModelState.AddModelError(nameof(Room), $"Кабинет — не длиннее {TimetableSlot.MaxRoomLength} знаков.");
        }

        if (!ModelState.IsValid)
            return Page();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync($"timetable:{organisationId}", ct);
        if (Kind == ChangeKind.Replacement && EmployeeId is { } teacher
            && await structure.BusyElsewhereAsync(organisationId, teacher, classId, Date, LessonNumber!.Value, ct) is { } busyIn)
        {
            ModelState.AddModelError(nameof(EmployeeId), $"Этот учитель в это время ведёт урок в классе {busyIn}.");
            return Page();
        }

        var change = Kind == ChangeKind.Cancellation
            ? TimetableChange.Cancel(organisationId, classId, Date, LessonNumber!.Value, Reason!)
            : TimetableChange.Replace(organisationId, classId, Date, LessonNumber!.Value, SubjectId, EmployeeId, Room, Reason!);
        change.CreatedAt = _time.GetUtcNow().UtcDateTime;
        change.CreatedByAccountId = KabinetClaims.AccountIdOf(User);
        db.TimetableChanges.Add(change);
        try
        {
            await versions.RaiseAsync(classId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(LessonNumber), "У этого урока уже есть изменение — сначала верните урок по расписанию.");
            return Page();
        }

        TempData["Status"] = $"{ClassName}, {Date:dd.MM.yyyy}, {change.LessonNumber}-й урок: {(change.Kind == ChangeKind.Cancellation ? "отменён" : "замена сохранена")}.";
        return Redirect($"{Base}/changes?date={Date:yyyy-MM-dd}&class={classId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int organisationId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct))
            return NotFound();
        var change = await db.TimetableChanges.FirstOrDefaultAsync(c => c.Id == id && c.OrganisationId == organisationId, ct);
        if (change is null)
            return NotFound();
        db.TimetableChanges.Remove(change);
        await versions.SaveAsync(change.ClassGroupId, ct);
        TempData["Status"] = $"{ClassNameOf(change.ClassGroupId)}, {change.Date:dd.MM.yyyy}, {change.LessonNumber}-й урок — снова по расписанию.";
        return Redirect($"{Base}/changes?date={change.Date:yyyy-MM-dd}&class={ClassId ?? change.ClassGroupId}");
    }

    private async Task<bool> LoadAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return false;
        Date = DateAsked ?? Today;
        if (await _institutions.SchoolYearOnAsync(organisationId, Date, ct) is not { } year)
            return true;
        Classes = await structure.ClassesAsync(year, ct);
        ClassId ??= Classes.Count > 0 ? Classes[0].Id : null;
        if (ClassId is not { } classId)
            return true;
        if (Classes.FirstOrDefault(c => c.Id == classId) is not { } schoolClass)
            return false;
        ClassName = schoolClass.Name;
        Lessons = await lessons.ForClassAsync(organisationId, classId, Date, Date, ct);
        DayChanges = await db.TimetableChanges.AsNoTracking().Where(c => c.OrganisationId == organisationId && c.Date == Date)
            .OrderBy(c => c.ClassGroupId).ThenBy(c => c.LessonNumber).ToListAsync(ct);
        Teachers = await structure.TeachersAsync(organisationId, ct);
        Subjects = await structure.SubjectsAsync(organisationId, ct);
        return true;
    }
}
