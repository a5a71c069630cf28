using System.Globalization;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Journal;

/// <summary>
/// Period and year marks of a class in a subject: per student and period the weighted average, the mark it suggests
/// and the mark the teacher sets. Changes are kept as history; a closed period is read-only.
/// </summary>
[Authorize(Roles = nameof(PortalRole.Teacher))]
public sealed class PeriodMarksModel(KabinetDbContext db, JournalAccess access, JournalData data, JournalVersions versions, JournalNotices notices, TimeProvider time)
    : PageModel
{
    public JournalScope Scope { get; private set; } = null!;

    public IReadOnlyList<JournalStudent> Students { get; private set; } = [];

    /// <summary>The periods and the year (number 0, last) as columns.</summary>
    public IReadOnlyList<(int Number, string Title, DateOnly From, DateOnly To)> Columns { get; private set; } = [];

    public IReadOnlySet<int> Closed { get; private set; } = new HashSet<int>();

    public IReadOnlyList<Mark> Marks { get; private set; } = [];

    public IReadOnlyList<PeriodMark> Given { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public static string Key(int student, int period) => $"p-{student}-{period.ToString(CultureInfo.InvariantCulture)}";

    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string ValueOf(string key, string? saved) => Request.HasFormContentType && Request.Form.ContainsKey(key) ? Request.Form[key].ToString() : saved ?? "";

    public MarkSummary Summary(int student, int period)
    {
        var column = Columns.First(c => c.Number == period);
        return MarkAverages.Summarise(Marks.Where(m => m.StudentPersonId == student && m.Date >= column.From && m.Date <= column.To).Select(m => (m.Value, m.Weight)));
    }

    public PeriodMark? GivenOf(int student, int period) => Given.FirstOrDefault(p => p.StudentPersonId == student && p.PeriodNumber == period);

    public async Task<IActionResult> OnGetAsync(int classGroupId, int subjectId, CancellationToken ct) =>
        await LoadAsync(classGroupId, subjectId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int classGroupId, int subjectId, CancellationToken ct)
    {
        if (!await LoadAsync(classGroupId, subjectId, ct))
            return NotFound();
        ModelState.Clear();
        var subject = Scope.Subject;
        var changes = new List<(int Student, int Period, PeriodMark? Existing, MarkValue? Value)>();
        foreach (var student in Students)
        {
            foreach (var column in Columns)
            {
                var key = Key(student.PersonId, column.Number);
                if (!Request.Form.ContainsKey(key))
                    continue;
                var text = Request.Form[key].ToString().Trim();
                MarkValue? value = null;
                if (text.Length > 0)
                {
                    if (MarkValues.Parse(text) is not { } parsed || !parsed.Fits(subject.ResultKind))
                    {
                        ModelState.AddModelError(key, subject.ResultKind == ResultKind.PassFail
                            ? $"«{text}»: по предмету «{subject.Name}» ставится «зч» (зачёт) или «нз» (незачёт)."
                            : $"«{text}»: итоговая отметка — число от 1 до 5.");
                        continue;
                    }

                    value = parsed;
                }

                var existing = GivenOf(student.PersonId, column.Number);
                if (value == existing?.Value)
                    continue;
                if (Closed.Contains(column.Number))
                {
                    ModelState.AddModelError(key, $"«{column.Title}» закрыт(а): итоговые отметки не меняются. Открыть период может администратор школы.");
                    continue;
                }

                changes.Add((student.PersonId, column.Number, existing, value));
            }
        }

        if (changes.Any(c => c.Existing is not null) && MarkChange.ReasonProblem(Reason) is { } reasonProblem)
            ModelState.AddModelError(nameof(Reason), reasonProblem);
        if (!ModelState.IsValid)
            return Page();
        if (changes.Count == 0)
        {
            TempData["Status"] = "Изменений нет.";
            return Redirect($"{Scope.Base}/marks");
        }

        var accountId = KabinetClaims.AccountIdOf(User);
        var now = time.GetUtcNow().UtcDateTime;
        var reason = Reason?.Trim();
        try
        {
            await using var transaction = await versions.BeginWriteAsync(Scope.Class.Id, ct);
            var history = new List<(PeriodMark Mark, MarkChange Change)>();
            var told = new List<JournalNotice>();
            foreach (var (student, period, existing, value) in changes)
            {
                var title = Columns.First(c => c.Number == period).Title;
                var mark = existing is null ? null : await db.PeriodMarks.SingleAsync(p => p.Id == existing.Id, ct);
                if (mark is null)
                {
                    mark = new PeriodMark
                    {
                        OrganisationId = Scope.OrganisationId, AcademicYearId = Scope.Year.Id, ClassGroupId = Scope.Class.Id, SubjectId = subject.Id,
                        StudentPersonId = student, PeriodNumber = period, Value = value!.Value, SetAt = now, SetByAccountId = accountId,
                    };
                    db.PeriodMarks.Add(mark);
                }
                else if (value is { } v)
                {
                    mark.Value = v;
                    mark.SetAt = now;
                    mark.SetByAccountId = accountId;
                }
                else
                {
                    db.PeriodMarks.Remove(mark);
                }

                history.Add((mark, new MarkChange
                {
                    StudentPersonId = student, SubjectId = subject.Id, OldValue = existing?.Value, NewValue = value,
                    Reason = existing is null ? null : reason, ChangedAt = now, ChangedByAccountId = accountId,
                }));
                var name = Students.First(s => s.PersonId == student).Name;
                told.Add(new JournalNotice(student, NotificationKinds.DiaryMark, $"Итоговая отметка: {subject.Name}",
                    value is { } given
                        ? $"{name}: {title.ToLowerInvariant()} — {given.Title(Scope.College)}{(existing is null ? "" : $" (было {existing.Value.Title(Scope.College)}; причина: {reason})")}."
                        : $"{name}: отметка за {title.ToLowerInvariant()} ({existing!.Value.Title(Scope.College)}) удалена. Причина: {reason}",
                    Scope.Today));
            }

            await db.SaveChangesAsync(ct);
            foreach (var (mark, change) in history)
            {
                change.PeriodMarkId = mark.Id;
                db.MarkChanges.Add(change);
            }

            await notices.PostAsync(told, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another teacher of the subject set a mark at the same moment (the unique index): show what is saved now.
            db.ChangeTracker.Clear();
            await LoadAsync(classGroupId, subjectId, ct);
            ModelState.AddModelError("", "Не удалось сохранить: итоговые отметки только что изменил другой учитель. Проверьте их и сохраните ещё раз.");
            return Page();
        }

        TempData["Status"] = "Итоговые отметки сохранены.";
        return Redirect($"{Scope.Base}/marks");
    }

    private async Task<bool> LoadAsync(int classGroupId, int subjectId, CancellationToken ct)
    {
        if (await access.OpenAsync(User, classGroupId, subjectId, ct) is not { Assigned: true } scope)
            return false;
        Scope = scope;
        var year = scope.Year;
        Columns = [.. year.Terms.Select(t => (t.Number, t.Title, t.StartsOn, t.EndsOn)), (PeriodMark.Year, "Год", year.StartsOn, year.EndsOn)];
        Students = await data.StudentsAsync(scope, ct);
        Closed = await data.ClosedPeriodsAsync(scope, ct);
        Marks = await data.MarksAsync(scope, year.StartsOn, year.EndsOn, ct);
        Given = await data.PeriodMarksAsync(scope, ct);
        return true;
    }
}
