using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>A class's weekly timetable as a week grid, and the form that puts a lesson into a cell for a range of dates.</summary>
public sealed class TimetableModel(KabinetDbContext db, SchoolStructure structure, Journal.JournalVersions versions, InstitutionDirectory institutions, TimeProvider time)
    : SchoolAdminPage(institutions, time)
{
    [BindProperty(SupportsGet = true, Name = "class")]
    public int? ClassId { get; set; }

    [BindProperty(SupportsGet = true, Name = "week")]
    public DateOnly? Week { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Day { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? LessonNumber { get; set; }

    [BindProperty]
    public int? AssignmentId { get; set; }

    [BindProperty]
    public string? Room { get; set; }

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    [BindProperty]
    public DateOnly? ValidTo { get; set; }

    [BindProperty]
    public bool Replace { get; set; }

    public DateOnly Monday { get; private set; }

    public string ClassName { get; private set; } = "";

    public IReadOnlyList<SchoolClass> Classes { get; private set; } = [];

    public IReadOnlyList<Bell> Bells { get; private set; } = [];

    public IReadOnlyList<AssignmentItem> Assignments { get; private set; } = [];

    private List<TimetableSlot> _slots = [];
    private Dictionary<int, string> _subjects = [];
    private Dictionary<int, string> _teachers = [];

    public TimetableSlot? SlotOn(DayOfWeek day, int number)
    {
        var date = Monday.AddDays((int)day - 1);
        return _slots.FirstOrDefault(s => s.LessonNumber == number && s.IsOn(date));
    }

    public string SubjectName(int id) => _subjects.GetValueOrDefault(id, "—");

    public string TeacherName(int id) => _teachers.GetValueOrDefault(id, "—");

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct))
            return NotFound();
        // The form starts with the clicked cell as it is on its date this week.
        if (Day is { } d && LessonNumber is { } n && Enum.IsDefined((DayOfWeek)d) && SlotOn((DayOfWeek)d, n) is { } slot)
        {
            AssignmentId = Assignments.FirstOrDefault(a => a.SubjectId == slot.SubjectId && a.EmployeeId == slot.EmployeeId && a.ClassGroupId == slot.ClassGroupId)?.Id;
            Room = slot.Room;
            Replace = true;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int organisationId, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct) || ClassId is not { } classId || Year is not { } year)
            return NotFound();
        ModelState.Clear();
        var assignment = Assignments.FirstOrDefault(a => a.Id == AssignmentId);
        if (assignment is null)
            ModelState.AddModelError(nameof(AssignmentId), "Выберите предмет и учителя из нагрузки класса.");
        if (!CheckCell() || !CheckDates() || !ModelState.IsValid)
            return Page();

        var lesson = new SlotPlacement(classId, (DayOfWeek)Day!.Value, LessonNumber!.Value, assignment!.SubjectId, assignment.EmployeeId, Room, ValidFrom!.Value, ValidTo!.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two administrators placing the same teacher at the same time must not both succeed.
        await db.SerializeAsync($"timetable:{organisationId}", ct);
        var sameTime = await structure.SameTimeAsync(organisationId, lesson.Day, lesson.LessonNumber, lesson.From, lesson.To, ct);
        var classNames = Classes.ToDictionary(c => c.Id, c => c.Name);
        if (Timetable.ProblemOf(lesson, year.StartsOn, year.EndsOn, Bells.Count, sameTime, Replace, id => classNames.GetValueOrDefault(id, "?")) is { } problem)
        {
            ModelState.AddModelError(problem.Field == "Teacher" ? nameof(AssignmentId) : problem.Field, problem.Message);
            return Page();
        }

        var (removed, added) = Timetable.Place(lesson, organisationId, year.Id, sameTime);
        db.TimetableSlots.RemoveRange(removed);
        db.TimetableSlots.AddRange(added);
        foreach (var changed in removed.Concat(added).Select(s => s.ClassGroupId).Distinct())
            await versions.RaiseAsync(changed, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Status"] = $"{ClassName}, {Timetable.DayTitle(lesson.Day)}, {lesson.LessonNumber}-й урок: {assignment.Title} с {lesson.From:dd.MM.yyyy} по {lesson.To:dd.MM.yyyy}.";
        return Redirect($"{Base}/timetable?class={classId}&week={Monday:yyyy-MM-dd}");
    }

    /// <summary>Takes the lesson out of the cell for the dates (the past keeps it if the dates start later).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int organisationId, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct) || ClassId is not { } classId || Year is not { } year)
            return NotFound();
        ModelState.Clear();
        if (!CheckCell() || !CheckDates())
            return Page();
        if (ValidFrom < year.StartsOn || ValidTo > year.EndsOn)
        {
            ModelState.AddModelError(nameof(ValidFrom), $"Даты — внутри учебного года: с {year.StartsOn:dd.MM.yyyy} по {year.EndsOn:dd.MM.yyyy}.");
            return Page();
        }

        var day = (DayOfWeek)Day!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync($"timetable:{organisationId}", ct);
        var cell = (await structure.SameTimeAsync(organisationId, day, LessonNumber!.Value, ValidFrom!.Value, ValidTo!.Value, ct)).Where(s => s.ClassGroupId == classId);
        var (removed, added) = Timetable.Clear(ValidFrom.Value, ValidTo.Value, cell);
        db.TimetableSlots.RemoveRange(removed);
        db.TimetableSlots.AddRange(added);
        foreach (var changed in removed.Concat(added).Select(s => s.ClassGroupId).Distinct())
            await versions.RaiseAsync(changed, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Status"] = $"{ClassName}, {Timetable.DayTitle(day)}, {LessonNumber}-й урок убран с {ValidFrom:dd.MM.yyyy} по {ValidTo:dd.MM.yyyy}.";
        return Redirect($"{Base}/timetable?class={classId}&week={Monday:yyyy-MM-dd}");
    }

    private bool CheckCell()
    {
        if (Day is not { } d || !Timetable.SchoolDays.Contains((DayOfWeek)d))
            ModelState.AddModelError(nameof(Day), "Выберите день недели с понедельника по субботу.");
        if (LessonNumber is not { } n || Bells.All(b => b.Number != n))
            ModelState.AddModelError(nameof(LessonNumber), Bells.Count == 0 ? "Сначала заполните расписание звонков." : "Выберите номер урока из расписания звонков.");
        return ModelState.IsValid;
    }

    private bool CheckDates()
    {
        if (ValidFrom is null)
            ModelState.AddModelError(nameof(ValidFrom), "Укажите, с какой даты действует урок.");
        if (ValidTo is null)
            ModelState.AddModelError(nameof(ValidTo), "Укажите, по какую дату действует урок.");
        else if (ValidFrom > ValidTo)
            ModelState.AddModelError(nameof(ValidTo), "Дата окончания раньше даты начала.");
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return false;
        if (Year is not { } year)
            return true;
        Classes = await structure.ClassesAsync(year, ct);
        ClassId ??= Classes.Count > 0 ? Classes[0].Id : null;
        if (ClassId is not { } classId)
            return true;
        if (Classes.FirstOrDefault(c => c.Id == classId) is not { } schoolClass)
            return false;
        ClassName = schoolClass.Name;
        var day = Week ?? (Today < year.StartsOn ? year.StartsOn : Today > year.EndsOn ? year.EndsOn : Today);
        Monday = LessonCalendar.MondayOf(day);
        Bells = await structure.BellsAsync(organisationId, ct);
        var teachers = await structure.TeachersAsync(organisationId, ct);
        Assignments = [.. (await structure.AssignmentsAsync(year, Classes, teachers, ct)).Where(a => a.ClassGroupId == classId)];
        _subjects = (await structure.SubjectsAsync(organisationId, ct)).ToDictionary(s => s.Id, s => s.Name);
        _teachers = teachers.ToDictionary(t => t.EmployeeId, t => t.FullName);
        var sunday = Monday.AddDays(6);
        _slots = await db.TimetableSlots.AsNoTracking()
            .Where(s => s.ClassGroupId == classId && s.OrganisationId == organisationId && s.ValidFrom <= sunday && s.ValidTo >= Monday)
            .ToListAsync(ct);
        var from = Today < year.StartsOn ? year.StartsOn : Today > year.EndsOn ? year.StartsOn : Today;
        ValidFrom ??= from;
        ValidTo ??= year.EndsOn;
        Day ??= 1;
        LessonNumber ??= Bells.Count > 0 ? Bells[0].Number : null;
        return true;
    }
}
