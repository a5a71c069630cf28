using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>Who teaches which subject in which class this academic year, and each class's class teacher.</summary>
public sealed class AssignmentsModel(KabinetDbContext db, SchoolStructure structure, InstitutionDirectory institutions, TimeProvider time)
    : SchoolAdminPage(institutions, time)
{
    private readonly InstitutionDirectory _institutions = institutions;

    [BindProperty]
    public int? ClassGroupId { get; set; }

    /// <summary>The class whose assignments and class teacher are shown (?class=id); the first class by default.</summary>
    [BindProperty(SupportsGet = true, Name = "class")]
    public int? ClassId { get; set; }

    [BindProperty]
    public int? SubjectId { get; set; }

    [BindProperty]
    public int? EmployeeId { get; set; }

    public IReadOnlyList<SchoolClass> Classes { get; private set; } = [];

    public IReadOnlyList<Subject> Subjects { get; private set; } = [];

    public IReadOnlyList<TeacherItem> Teachers { get; private set; } = [];

    public IReadOnlyList<AssignmentItem> Assignments { get; private set; } = [];

    public string TeacherName(int employeeId) => Teachers.FirstOrDefault(t => t.EmployeeId == employeeId)?.FullName ?? "—";

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct) => await LoadAsync(organisationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int organisationId, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct) || Year is not { } year)
            return NotFound();
        ModelState.Clear();
        if (Classes.All(c => c.Id != ClassGroupId))
            ModelState.AddModelError(nameof(ClassGroupId), "Выберите класс.");
        if (Subjects.All(s => s.Id != SubjectId))
            ModelState.AddModelError(nameof(SubjectId), Subjects.Count == 0 ? "Сначала добавьте предметы школы." : "Выберите предмет.");
        if (Teachers.All(t => t.EmployeeId != EmployeeId))
            ModelState.AddModelError(nameof(EmployeeId), "Выберите учителя.");
        else if (Assignments.Any(a => a.ClassGroupId == ClassGroupId && a.SubjectId == SubjectId && a.EmployeeId == EmployeeId))
            ModelState.AddModelError(nameof(EmployeeId), "Этот учитель уже ведёт этот предмет в этом классе.");
        if (!ModelState.IsValid)
            return Page();

        db.TeachingAssignments.Add(new TeachingAssignment
        {
            OrganisationId = organisationId, AcademicYearId = year.Id, ClassGroupId = ClassGroupId!.Value, SubjectId = SubjectId!.Value, EmployeeId = EmployeeId!.Value,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(EmployeeId), "Этот учитель уже ведёт этот предмет в этом классе.");
            return Page();
        }

        TempData["Status"] = $"{Teachers.First(t => t.EmployeeId == EmployeeId).FullName} ведёт «{Subjects.First(s => s.Id == SubjectId).Name}» в {Classes.First(c => c.Id == ClassGroupId).Name}.";
        return Redirect($"{Base}/assignments?class={ClassGroupId}");
    }

    /// <summary>Takes an assignment away unless the teacher still has lessons of that subject in the class's timetable.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int organisationId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct))
            return NotFound();
        var assignment = await db.TeachingAssignments.FirstOrDefaultAsync(a => a.Id == id && a.OrganisationId == organisationId, ct);
        if (assignment is null)
            return NotFound();
        ClassId = assignment.ClassGroupId;
        ModelState.Clear();
        if (await db.TimetableSlots.AnyAsync(s => s.ClassGroupId == assignment.ClassGroupId && s.SubjectId == assignment.SubjectId
                && s.EmployeeId == assignment.EmployeeId && s.ValidTo >= Today, ct))
        {
            ModelState.AddModelError($"remove-{id}", "У учителя есть уроки этого предмета в расписании класса — сначала уберите их из расписания.");
            return Page();
        }

        db.TeachingAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Назначение снято.";
        return Redirect($"{Base}/assignments?class={assignment.ClassGroupId}");
    }

    public async Task<IActionResult> OnPostClassTeacherAsync(int organisationId, int classGroupId, int? employeeId, CancellationToken ct)
    {
        if (!await LoadAsync(organisationId, ct) || Classes.All(c => c.Id != classGroupId))
            return NotFound();
        ClassId = classGroupId;
        ModelState.Clear();
        if (employeeId is { } id && Teachers.All(t => t.EmployeeId != id))
        {
            ModelState.AddModelError($"teacher-{classGroupId}", "Выберите сотрудника школы.");
            return Page();
        }

        await _institutions.SetClassTeacherAsync(organisationId, classGroupId, employeeId, ct);
        await db.SaveChangesAsync(ct);
        var name = Classes.First(c => c.Id == classGroupId).Name;
        TempData["Status"] = employeeId is { } e
            ? $"Классный руководитель {name}: {Teachers.First(t => t.EmployeeId == e).FullName}."
            : $"У {name} больше нет классного руководителя.";
        return Redirect($"{Base}/assignments?class={classGroupId}");
    }

    private async Task<bool> LoadAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return false;
        if (Year is not { } year)
            return true;
        Classes = await structure.ClassesAsync(year, ct);
        ClassId ??= ClassGroupId ?? (Classes.Count > 0 ? Classes[0].Id : null);
        Subjects = await structure.SubjectsAsync(organisationId, ct);
        Teachers = await structure.TeachersAsync(organisationId, ct);
        Assignments = await structure.AssignmentsAsync(year, Classes, Teachers, ct);
        return true;
    }
}
