using Kabinet.Web.Data;
using Kabinet.Web.Features.Faq;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Journal;

/// <summary>
/// The lesson form read against the rules — every cell is checked before anything is written, so a refused form
/// saves nothing — and then applied: marks with their history, attendance, comments, topic and homework, with the
/// notices to the families.
/// </summary>
internal sealed class LessonEntry(LessonPageModel page, FaqMarkdown markdown)
{
    private sealed record MarkCell(int Student, WorkKind Kind, Mark? Existing, MarkValue? Value);

    private readonly List<MarkCell> _marks = [];
    private readonly List<(int Student, LessonAttendance? Existing, AttendanceCode? Code)> _attendance = [];
    private readonly List<(int Student, LessonComment? Existing, string? Text)> _comments = [];
    private bool _topicChanged;
    private bool _homeworkChanged;

    public bool HasChanges => _topicChanged || _homeworkChanged || _marks.Count > 0 || _attendance.Count > 0 || _comments.Count > 0;

    private void Error(string key, string message) => page.ModelState.AddModelError(key, message);

    public void Check()
    {
        var scope = page.Scope;
        var form = page.Request.Form;
        if (Lesson.TopicProblem(page.Topic) is { } topicProblem)
            Error(nameof(page.Topic), topicProblem);
        _topicChanged = (string.IsNullOrWhiteSpace(page.Topic) ? null : page.Topic.Trim()) != page.Lesson?.Topic;

        var text = page.HomeworkText?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            if (Homework.TextProblem(text) is { } textProblem)
                Error(nameof(page.HomeworkText), textProblem);
            if (Homework.DueProblem(page.Date, page.HomeworkDue) is { } dueProblem)
                Error(nameof(page.HomeworkDue), dueProblem);
            _homeworkChanged = page.Homework is null || page.Homework.Text != text || page.Homework.DueOn != page.HomeworkDue;
        }
        else
        {
            _homeworkChanged = page.Homework is not null;
        }

        var newKind = page.NewKind is { } kindId ? page.FreeKinds.FirstOrDefault(k => k.Id == kindId) : null;
        if (page.NewKind is not null && newKind is null)
            Error(nameof(page.NewKind), "Выберите вид работы из списка.");
        foreach (var student in page.Students)
        {
            // A field the page showed disabled (a closed period, a lesson ahead) is not posted and stays as it is.
            foreach (var kind in page.Columns.Where(k => form.ContainsKey(LessonPageModel.MarkKey(student.PersonId, k))))
                CheckMark(student.PersonId, kind, LessonPageModel.MarkKey(student.PersonId, kind), form[LessonPageModel.MarkKey(student.PersonId, kind)]);
            var newKey = LessonPageModel.MarkKey(student.PersonId, LessonPageModel.NewColumn);
            if (!string.IsNullOrWhiteSpace(form[newKey]))
            {
                if (newKind is null)
                    Error(page.NewKind is null ? newKey : nameof(page.NewKind), "Выберите вид работы для новых отметок.");
                else
                    CheckMark(student.PersonId, newKind, newKey, form[newKey]);
            }

            if (form.ContainsKey(LessonPageModel.AttendanceKey(student.PersonId)))
                CheckAttendance(student.PersonId, form[LessonPageModel.AttendanceKey(student.PersonId)]);
            if (form.ContainsKey(LessonPageModel.CommentKey(student.PersonId)))
                CheckComment(student.PersonId, form[LessonPageModel.CommentKey(student.PersonId)]);
        }

        if (_marks.Any(m => m.Existing is not null) && MarkChange.ReasonProblem(page.Reason) is { } reasonProblem)
            Error(nameof(page.Reason), reasonProblem);
    }

    private void CheckMark(int student, WorkKind kind, string key, string? typed)
    {
        var text = typed?.Trim() ?? "";
        var existing = page.Marks.FirstOrDefault(m => m.StudentPersonId == student && m.WorkKindId == kind.Id);
        MarkValue? value = null;
        if (text.Length > 0)
        {
            var subject = page.Scope.Subject;
            if (MarkValues.Parse(text) is not { } parsed)
            {
                Error(key, subject.ResultKind == ResultKind.PassFail
                    ? $"«{text}» — не результат: введите «зч» (зачёт) или «нз» (незачёт)."
                    : $"«{text}» — не отметка: введите число от 1 до 5.");
                return;
            }

            if (!parsed.Fits(subject.ResultKind))
            {
                Error(key, subject.ResultKind == ResultKind.PassFail
                    ? $"По предмету «{subject.Name}» ставится зачёт или незачёт («зч» или «нз»), а не отметка."
                    : $"По предмету «{subject.Name}» ставятся отметки от 1 до 5, а не зачёт или незачёт.");
                return;
            }

            value = parsed;
        }

        if (value == existing?.Value)
            return;
        if (CanChange(key, value is not null))
            _marks.Add(new MarkCell(student, kind, existing, value));
    }

    private void CheckAttendance(int student, string? typed)
    {
        var key = LessonPageModel.AttendanceKey(student);
        var text = typed?.Trim() ?? "";
        AttendanceCode? code = null;
        if (text.Length > 0 && (code = AttendanceCodes.Parse(text)) is null)
        {
            Error(key, "Выберите отметку о посещении из списка: Н, Б, П, У, ОП или «был».");
            return;
        }

        var existing = page.Attendance.FirstOrDefault(a => a.StudentPersonId == student);
        if (code == existing?.Code)
            return;
        if (CanChange(key, code is not null))
            _attendance.Add((student, existing, code));
    }

    private void CheckComment(int student, string? typed)
    {
        var key = LessonPageModel.CommentKey(student);
        var text = string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();
        if (LessonComment.TextProblem(text) is { } problem)
        {
            Error(key, problem);
            return;
        }

        var existing = page.Comments.FirstOrDefault(c => c.StudentPersonId == student);
        if (text == existing?.Text)
            return;
        if (CanChange(key, marksDate: false))
            _comments.Add((student, existing, text));
    }

    /// <summary>Marks and attendance are not given ahead of the lesson; nothing of a closed period changes.</summary>
    private bool CanChange(string key, bool marksDate)
    {
        if (page.Closed)
        {
            Error(key, $"Период «{page.Term!.Title}» закрыт: отметки, пропуски и комментарии за него не меняются. Открыть период может администратор школы.");
            return false;
        }

        if (marksDate && page.Future)
        {
            Error(key, $"Отметки и пропуски ставятся в день урока или позже — не раньше {page.Date:dd.MM.yyyy}.");
            return false;
        }

        return true;
    }

    /// <summary>Writes the checked form into the unit of work; the returned notices go to the families.</summary>
    public async Task<IReadOnlyList<JournalNotice>> ApplyAsync(KabinetDbContext db, Lesson lesson, int accountId, DateTime now, CancellationToken ct)
    {
        var scope = page.Scope;
        var college = scope.College;
        var date = page.Date;
        var subject = scope.Subject;
        var notices = new List<JournalNotice>();
        if (_topicChanged)
            lesson.SetTopic(page.Topic);

        if (_homeworkChanged)
        {
            var homework = await db.Homework.FirstOrDefaultAsync(h => h.LessonId == lesson.Id, ct);
            if (string.IsNullOrWhiteSpace(page.HomeworkText))
            {
                if (homework is not null)
                    db.Homework.Remove(homework);
            }
            else
            {
                if (homework is null)
                {
                    homework = new Homework { LessonId = lesson.Id, ClassGroupId = scope.Class.Id, SubjectId = subject.Id, SetOn = date, CreatedAt = now };
                    db.Homework.Add(homework);
                    var plain = markdown.ToPlainText(page.HomeworkText).Trim();
                    plain = plain.Length > 200 ? plain[..200].TrimEnd() + "…" : plain;
                    notices.AddRange(page.Students.Select(s => new JournalNotice(s.PersonId, NotificationKinds.DiaryHomework,
                        $"Домашнее задание: {subject.Name}", $"Задано {date:dd.MM.yyyy}, выполнить к {page.HomeworkDue:dd.MM.yyyy}: {plain}", date)));
                }

                homework.Set(page.HomeworkText, page.HomeworkDue!.Value);
                homework.UpdatedAt = now;
                homework.UpdatedByAccountId = accountId;
            }
        }

        var given = new List<Mark>();
        var changes = new List<MarkChange>();
        foreach (var cell in _marks)
        {
            var name = page.StudentName(cell.Student);
            if (cell.Existing is null)
            {
                var mark = new Mark
                {
                    LessonId = lesson.Id, ClassGroupId = scope.Class.Id, SubjectId = subject.Id, Date = date, StudentPersonId = cell.Student,
                    WorkKindId = cell.Kind.Id, Weight = cell.Kind.Weight, Value = cell.Value!.Value, CreatedAt = now, CreatedByAccountId = accountId,
                };
                db.Marks.Add(mark);
                given.Add(mark);
                notices.Add(new JournalNotice(cell.Student, NotificationKinds.DiaryMark, $"Новая отметка: {subject.Name}",
                    $"{name}: {cell.Value.Value.Title(college)} ({cell.Kind.Name.ToLowerInvariant()}) за урок {date:dd.MM.yyyy}.", date));
                continue;
            }

            var tracked = await db.Marks.SingleAsync(m => m.Id == cell.Existing.Id, ct);
            if (cell.Value is { } value)
            {
                tracked.Value = value;
                tracked.ChangedAt = now;
            }
            else
            {
                tracked.DeletedAt = now;
            }

            changes.Add(new MarkChange
            {
                MarkId = tracked.Id, StudentPersonId = cell.Student, SubjectId = subject.Id, OldValue = cell.Existing.Value, NewValue = cell.Value,
                Reason = page.Reason!.Trim(), ChangedAt = now, ChangedByAccountId = accountId,
            });
            notices.Add(new JournalNotice(cell.Student, NotificationKinds.DiaryMark,
                cell.Value is null ? $"Отметка удалена: {subject.Name}" : $"Отметка исправлена: {subject.Name}",
                $"{name}: отметка {cell.Existing.Value.Title(college)} за урок {date:dd.MM.yyyy} ({cell.Kind.Name.ToLowerInvariant()}) "
                + (cell.Value is { } v ? $"исправлена на {v.Title(college)}" : "удалена") + $". Причина: {page.Reason!.Trim()}", date));
        }

        foreach (var (student, existing, code) in _attendance)
        {
            if (existing is not null)
            {
                var tracked = await db.Attendance.SingleAsync(a => a.Id == existing.Id, ct);
                if (code is { } c)
                {
                    tracked.Code = c;
                    tracked.UpdatedAt = now;
                    tracked.UpdatedByAccountId = accountId;
                }
                else
                {
                    db.Attendance.Remove(tracked);
                }
            }
            else
            {
                db.Attendance.Add(new LessonAttendance
                {
                    LessonId = lesson.Id, ClassGroupId = scope.Class.Id, SubjectId = subject.Id, Date = date, StudentPersonId = student, Code = code!.Value,
                    UpdatedAt = now, UpdatedByAccountId = accountId,
                });
            }

            if (code is { } missed && missed.Missed() && existing?.Code.Missed() != true)
            {
                notices.Add(new JournalNotice(student, NotificationKinds.DiaryAttendance, $"Пропуск урока: {subject.Name}",
                    $"{page.StudentName(student)}: {missed.Title()} ({missed.Letter()}) — {date:dd.MM.yyyy}, {page.Number}-й урок «{subject.Name}».", date));
            }
        }

        foreach (var (student, existing, text) in _comments)
        {
            if (existing is not null)
            {
                var tracked = await db.LessonComments.SingleAsync(c => c.Id == existing.Id, ct);
                if (text is null)
                {
                    db.LessonComments.Remove(tracked);
                }
                else
                {
                    tracked.Text = text;
                    tracked.UpdatedAt = now;
                    tracked.UpdatedByAccountId = accountId;
                }
            }
            else
            {
                db.LessonComments.Add(new LessonComment
                {
                    LessonId = lesson.Id, ClassGroupId = scope.Class.Id, SubjectId = subject.Id, Date = date, StudentPersonId = student, Text = text!,
                    UpdatedAt = now, UpdatedByAccountId = accountId,
                });
            }
        }

        // The ids of new marks exist once saved; their «given» history entries follow in the same transaction.
        await db.SaveChangesAsync(ct);
        db.MarkChanges.AddRange(changes);
        db.MarkChanges.AddRange(given.Select(m => new MarkChange
        {
            MarkId = m.Id, StudentPersonId = m.StudentPersonId, SubjectId = m.SubjectId, OldValue = null, NewValue = m.Value, ChangedAt = now, ChangedByAccountId = accountId,
        }));
        return notices;
    }
}
