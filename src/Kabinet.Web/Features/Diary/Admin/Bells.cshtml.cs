using System.Globalization;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>The school's bell schedule: when each lesson starts and ends.</summary>
public sealed class BellsModel(KabinetDbContext db, SchoolStructure structure, InstitutionDirectory institutions, TimeProvider time)
    : SchoolAdminPage(institutions, time)
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "HH:mm:ss", "H.mm", "HH.mm"];

    /// <summary>The form's values by field name («Start-1», «End-1», …), as typed.</summary>
    public Dictionary<string, string> Times { get; } = [];

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        foreach (var bell in await structure.BellsAsync(organisationId, ct))
        {
            Times[$"Start-{bell.Number}"] = bell.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture);
            Times[$"End-{bell.Number}"] = bell.EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        return Page();
    }

    /// <summary>Replaces the whole schedule; lessons the timetable still uses cannot disappear.</summary>
    public async Task<IActionResult> OnPostAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        ModelState.Clear();
        var lessons = new List<(TimeOnly, TimeOnly)>();
        var lastFilled = 0;
        for (var n = 1; n <= BellSchedule.MaxLessons; n++)
        {
            Times[$"Start-{n}"] = Request.Form[$"Start-{n}"].ToString().Trim();
            Times[$"End-{n}"] = Request.Form[$"End-{n}"].ToString().Trim();
            if (Times[$"Start-{n}"].Length > 0 || Times[$"End-{n}"].Length > 0)
                lastFilled = n;
        }

        for (var n = 1; n <= lastFilled; n++)
        {
            var start = Parse($"Start-{n}", $"Укажите начало урока {n} (чч:мм).");
            var end = Parse($"End-{n}", $"Укажите конец урока {n} (чч:мм).");
            if (start is { } s && end is { } e)
                lessons.Add((s, e));
        }

        if (!ModelState.IsValid)
            return Page();
        foreach (var problem in BellSchedule.Check(lessons))
            ModelState.AddModelError(problem.Number == 0 ? "Start-1" : $"{problem.Field}-{problem.Number}", problem.Message);
        var used = await db.TimetableSlots.Where(s => s.OrganisationId == organisationId && s.ValidTo >= Today)
            .MaxAsync(s => (int?)s.LessonNumber, ct) ?? 0;
        if (used > lessons.Count)
            ModelState.AddModelError($"Start-{used}", $"В расписании уроков есть {used}-й урок — сначала уберите его из расписания.");
        if (!ModelState.IsValid)
            return Page();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Bells.Where(b => b.OrganisationId == organisationId).ExecuteDeleteAsync(ct);
        db.Bells.AddRange(BellSchedule.Create(organisationId, lessons));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Status"] = $"Расписание звонков сохранено: уроков {lessons.Count}.";
        return Redirect($"{Base}/bells");
    }

    private TimeOnly? Parse(string field, string message)
    {
        if (TimeOnly.TryParseExact(Times[field], TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            return t;
        ModelState.AddModelError(field, message);
        return null;
    }
}
