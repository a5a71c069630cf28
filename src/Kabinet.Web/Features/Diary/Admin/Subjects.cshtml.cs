using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>The school's subjects: each with a short name and how it is assessed (marks 1–5 or зачёт/незачёт).</summary>
public sealed class SubjectsModel(KabinetDbContext db, SchoolStructure structure, InstitutionDirectory institutions, TimeProvider time)
    : SchoolAdminPage(institutions, time)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ShortName { get; set; }

    [BindProperty]
    public ResultKind? ResultKind { get; set; }

    public IReadOnlyList<Subject> Subjects { get; private set; } = [];

    /// <summary>The subject being edited (?edit=id), or null when the form adds a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public int? EditId { get; set; }

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        Subjects = await structure.SubjectsAsync(organisationId, ct);
        if (EditId is { } id)
        {
            if (Subjects.FirstOrDefault(s => s.Id == id) is not { } subject)
                return NotFound();
            (Name, ShortName, ResultKind) = (subject.Name, subject.ShortName, subject.ResultKind);
        }

        return Page();
    }

    /// <summary>Renames a subject or changes how it is assessed.</summary>
    public async Task<IActionResult> OnPostEditAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        ModelState.Clear();
        Subjects = await structure.SubjectsAsync(organisationId, ct);
        var subject = await db.Subjects.FirstOrDefaultAsync(s => s.Id == EditId && s.OrganisationId == organisationId, ct);
        if (subject is null)
            return NotFound();
        if (!Check(except: subject.Id))
            return Page();
        subject.Change(Name!, ShortName, ResultKind!.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(Name), "Такой предмет в школе уже есть.");
            return Page();
        }

        TempData["Status"] = $"Предмет «{subject.Name}» сохранён.";
        return Redirect($"{Base}/subjects");
    }

    private bool Check(int? except)
    {
        if (Subject.NameProblem(Name) is { } nameProblem)
            ModelState.AddModelError(nameof(Name), nameProblem);
        else if (Subjects.Any(s => s.Id != except && Subject.Key(s.Name) == Subject.Key(Name!)))
            ModelState.AddModelError(nameof(Name), "Такой предмет в школе уже есть.");
        if (Subject.ShortNameProblem(ShortName) is { } shortProblem)
            ModelState.AddModelError(nameof(ShortName), shortProblem);
        if (ResultKind is not { } kind || !Enum.IsDefined(kind))
            ModelState.AddModelError(nameof(ResultKind), "Выберите, как оценивается предмет.");
        return ModelState.IsValid;
    }

    public async Task<IActionResult> OnPostAddAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        ModelState.Clear();
        Subjects = await structure.SubjectsAsync(organisationId, ct);
        EditId = null;
        if (!Check(except: null))
            return Page();

        var subject = Subject.Create(organisationId, Name!, ShortName, ResultKind!.Value);
        db.Subjects.Add(subject);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(Name), "Такой предмет в школе уже есть.");
            return Page();
        }

        TempData["Status"] = $"Предмет «{subject.Name}» добавлен.";
        return Redirect($"{Base}/subjects");
    }

    /// <summary>Removes a subject nobody teaches and no timetable uses.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int organisationId, int id, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        var subject = await db.Subjects.FirstOrDefaultAsync(s => s.Id == id && s.OrganisationId == organisationId, ct);
        if (subject is null)
            return NotFound();
        ModelState.Clear();
        if (await db.TeachingAssignments.AnyAsync(a => a.SubjectId == id, ct) || await db.TimetableSlots.AnyAsync(s => s.SubjectId == id, ct)
            || await db.TimetableChanges.AnyAsync(c => c.SubjectId == id, ct))
        {
            ModelState.AddModelError($"delete-{id}", "Предмет есть в нагрузке учителей или в расписании — сначала уберите его оттуда.");
            Subjects = await structure.SubjectsAsync(organisationId, ct);
            return Page();
        }

        db.Subjects.Remove(subject);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"Предмет «{subject.Name}» удалён.";
        return Redirect($"{Base}/subjects");
    }
}
