using System.Security.Claims;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Journal;

public sealed record JournalSubject(int Id, string Name, string ShortName, ResultKind ResultKind);

/// <summary>
/// A class and subject opened in the teacher's journal: <see cref="Assigned"/> — the teacher is assigned the subject in
/// the class (sees the whole journal); otherwise the teacher only replaces some of its lessons and sees just those.
/// </summary>
public sealed record JournalScope(
    int OrganisationId, string OrganisationName, bool College, SchoolYear Year, SchoolClass Class, JournalSubject Subject,
    IReadOnlyList<int> EmployeeIds, bool Assigned, DateOnly Today)
{
    public string Base => $"/journal/{Class.Id}/{Subject.Id}";

    /// <summary>Whether the teacher holds the lesson (by the timetable and its replacements).</summary>
    public bool Holds(PlannedLesson lesson) => EmployeeIds.Contains(lesson.EmployeeId);

    public SchoolTerm? TermOf(DateOnly date) => Year.Terms.FirstOrDefault(t => t.StartsOn <= date && date <= t.EndsOn);

    public string Title => $"{Subject.Name}, {Class.Name}";
}

/// <summary>A class and subject a teacher is assigned this year.</summary>
public sealed record TeacherClass(int OrganisationId, string OrganisationName, SchoolClass Class, JournalSubject Subject);

/// <summary>A lesson a teacher gives instead of another teacher.</summary>
public sealed record ReplacementLesson(SchoolClass Class, JournalSubject Subject, DateOnly Date, int Number);

/// <summary>
/// What the signed-in teacher may open in the journal: the classes and subjects their employee records are assigned in
/// the academic year of today, and the lessons they give as a replacement. Anything else is «not found».
/// </summary>
public sealed class JournalAccess(KabinetDbContext db, InstitutionDirectory institutions, TimeProvider time)
{
    private sealed record Employment(int OrganisationId, string OrganisationName, bool College, SchoolYear Year, IReadOnlyList<SchoolClass> Classes, List<int> EmployeeIds);

    /// <summary>The teacher's classes and subjects, and their replacement lessons from two weeks ago on.</summary>
    public async Task<(IReadOnlyList<TeacherClass> Classes, IReadOnlyList<ReplacementLesson> Replacements)> OverviewAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var classes = new List<TeacherClass>();
        var replacements = new List<ReplacementLesson>();
        var today = time.Today();
        foreach (var employment in await EmploymentsAsync(user, ct))
        {
            var ids = employment.EmployeeIds;
            var assigned = await db.TeachingAssignments.AsNoTracking()
                .Where(a => a.AcademicYearId == employment.Year.Id && ids.Contains(a.EmployeeId))
                .Join(db.Subjects, a => a.SubjectId, s => s.Id, (a, s) => new { a.ClassGroupId, Subject = new JournalSubject(s.Id, s.Name, s.ShortName, s.ResultKind) })
                .ToListAsync(ct);
            var byId = employment.Classes.ToDictionary(c => c.Id);
            classes.AddRange(assigned.Where(a => byId.ContainsKey(a.ClassGroupId)).DistinctBy(a => (a.ClassGroupId, a.Subject.Id))
                .Select(a => new TeacherClass(employment.OrganisationId, employment.OrganisationName, byId[a.ClassGroupId], a.Subject)));

            foreach (var r in await ReplacementsAsync(employment, null, today.AddDays(-14), ct))
                replacements.Add(r);
        }

        return ([.. classes.OrderBy(c => c.Class.Grade).ThenBy(c => c.Class.Name, StringComparer.Ordinal).ThenBy(c => c.Subject.Name, StringComparer.Ordinal)],
            [.. replacements.OrderBy(r => r.Date).ThenBy(r => r.Number)]);
    }

    /// <summary>The class and subject as this teacher may see them; null — not theirs (answer «not found»).</summary>
    public async Task<JournalScope?> OpenAsync(ClaimsPrincipal user, int classGroupId, int subjectId, CancellationToken ct)
    {
        foreach (var employment in await EmploymentsAsync(user, ct))
        {
            if (employment.Classes.FirstOrDefault(c => c.Id == classGroupId) is not { } schoolClass)
                continue;
            var subject = await db.Subjects.AsNoTracking().Where(s => s.Id == subjectId && s.OrganisationId == employment.OrganisationId)
                .Select(s => new JournalSubject(s.Id, s.Name, s.ShortName, s.ResultKind)).FirstOrDefaultAsync(ct);
            if (subject is null)
                return null;
            var ids = employment.EmployeeIds;
            var assigned = await db.TeachingAssignments.AnyAsync(a => a.ClassGroupId == classGroupId && a.SubjectId == subjectId
                && a.AcademicYearId == employment.Year.Id && ids.Contains(a.EmployeeId), ct);
            if (!assigned && !(await ReplacementsAsync(employment, classGroupId, employment.Year.StartsOn, ct)).Any(r => r.Subject.Id == subjectId))
                return null;
            return new JournalScope(employment.OrganisationId, employment.OrganisationName, employment.College, employment.Year, schoolClass, subject,
                ids, assigned, time.Today());
        }

        return null;
    }

    /// <summary>The organisations where the person is a teacher, with their employee records there and this year's classes.</summary>
    private async Task<List<Employment>> EmploymentsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var personId = KabinetClaims.PersonIdOf(user);
        var today = time.Today();
        var found = new List<Employment>();
        foreach (var organisationId in KabinetClaims.OrganisationsOf(user, PortalRole.Teacher).Order())
        {
            if (await institutions.OrganisationAsync(organisationId, ct) is not { Kind: OrganisationKind.School or OrganisationKind.College } organisation)
                continue;
            var employeeIds = (await institutions.EmploymentsOfAsync(personId, organisationId, ct)).Select(e => e.EmployeeId).ToList();
            if (employeeIds.Count == 0 || await institutions.SchoolYearOnAsync(organisationId, today, ct) is not { } year)
                continue;
            var classes = await institutions.SchoolClassesAsync(organisationId, year.Id, ct);
            found.Add(new Employment(organisationId, organisation.Name, organisation.Kind == OrganisationKind.College, year, classes, employeeIds));
        }

        return found;
    }

    /// <summary>The teacher's replacement lessons (of one class, or all) from a date on, with the subject actually taught.</summary>
    private async Task<List<ReplacementLesson>> ReplacementsAsync(Employment employment, int? classGroupId, DateOnly from, CancellationToken ct)
    {
        var ids = employment.EmployeeIds;
        var changes = await db.TimetableChanges.AsNoTracking()
            .Where(c => c.OrganisationId == employment.OrganisationId && c.Kind == ChangeKind.Replacement && c.EmployeeId != null && ids.Contains(c.EmployeeId.Value)
                && c.Date >= from && c.Date <= employment.Year.EndsOn && (classGroupId == null || c.ClassGroupId == classGroupId))
            .ToListAsync(ct);
        if (changes.Count == 0)
            return [];
        var classIds = changes.Select(c => c.ClassGroupId).Distinct().ToList();
        var slots = await db.TimetableSlots.AsNoTracking().Where(s => classIds.Contains(s.ClassGroupId) && s.AcademicYearId == employment.Year.Id).ToListAsync(ct);
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == employment.OrganisationId)
            .ToDictionaryAsync(s => s.Id, s => new JournalSubject(s.Id, s.Name, s.ShortName, s.ResultKind), ct);
        var classes = employment.Classes.ToDictionary(c => c.Id);
        var lessons = new List<ReplacementLesson>();
        foreach (var change in changes)
        {
            var slot = slots.FirstOrDefault(s => s.ClassGroupId == change.ClassGroupId && s.LessonNumber == change.LessonNumber && s.IsOn(change.Date));
            if (slot is null || !classes.TryGetValue(change.ClassGroupId, out var schoolClass) || !subjects.TryGetValue(change.SubjectId ?? slot.SubjectId, out var subject))
                continue;
            lessons.Add(new ReplacementLesson(schoolClass, subject, change.Date, change.LessonNumber));
        }

        return lessons;
    }
}
