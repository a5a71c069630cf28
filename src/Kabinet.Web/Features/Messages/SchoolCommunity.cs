using System.Security.Claims;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;

namespace Kabinet.Web.Features.Messages;

/// <summary>A student a family member may write about: their child, or themself, in a class this school year.</summary>
public sealed record Pupil(int PersonId, string Name, bool IsSelf, int OrganisationId, string OrganisationName, SchoolClass Class);

/// <summary>A class a teacher may write to.</summary>
public sealed record TaughtClass(int OrganisationId, string OrganisationName, SchoolClass Class);

/// <summary>One conversation a message starts: about which student, with whom on the other side.</summary>
public sealed record Conversation(int StudentPersonId, IReadOnlyList<int> PersonIds);

/// <summary>Whom a message may go to, as the form offers it; «всем родителям класса» starts one conversation per family.</summary>
public sealed record Addressee(string Key, string Name, string Note, IReadOnlyList<Conversation> Conversations)
{
    public bool IsBroadcast => Key == SchoolCommunity.WholeClass;
}

/// <summary>
/// Who may write to whom, built on the server from the school's own records: a family writes to the teachers of its
/// child's class and to the school's administration; a teacher writes to the families of the classes they teach.
/// Only people who can sign in to the portal are offered: someone without an account would never read the message.
/// </summary>
public sealed class SchoolCommunity(DiaryDirectory diary, InstitutionDirectory institutions, FamilyDirectory families, AccountDirectory accounts)
{
    public const string WholeClass = "all";
    public const string Administration = "school";

    /// <summary>The person's children in school this year, and the person themself when they study.</summary>
    public async Task<IReadOnlyList<Pupil>> PupilsOfAsync(int personId, CancellationToken ct)
    {
        var children = await families.ChildrenOfAsync(personId, ct);
        var ids = children.Select(c => c.Id).Append(personId).ToList();
        var classes = await diary.ClassesTodayAsync(ids, ct);
        if (classes.Count == 0)
            return [];
        var names = await families.NamesAsync(classes.Select(c => c.PersonId), ct);
        var (organisations, _) = await institutions.NamesAsync(classes.Select(c => c.OrganisationId), [], ct);
        return [.. classes
            .Select(c => new Pupil(c.PersonId, names.GetValueOrDefault(c.PersonId, ""), c.PersonId == personId, c.OrganisationId,
                organisations.GetValueOrDefault(c.OrganisationId, ""), c.Class))
            .OrderBy(p => p.IsSelf ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>The classes the signed-in person teaches at every organisation where they hold the teacher's role.</summary>
    public async Task<IReadOnlyList<TaughtClass>> ClassesOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var personId = KabinetClaims.PersonIdOf(user);
        var result = new List<TaughtClass>();
        var organisationIds = KabinetClaims.OrganisationsOf(user, PortalRole.Teacher);
        var (organisations, _) = await institutions.NamesAsync(organisationIds, [], ct);
        foreach (var organisationId in organisationIds.Order())
        {
            foreach (var schoolClass in await diary.ClassesTaughtAsync(personId, organisationId, ct))
                result.Add(new TaughtClass(organisationId, organisations.GetValueOrDefault(organisationId, ""), schoolClass));
        }

        return result;
    }

    /// <summary>Whom a family member may write to about the pupil: the class's teachers, then the administration.</summary>
    public async Task<IReadOnlyList<Addressee>> AddresseesForAsync(Pupil pupil, int writerPersonId, CancellationToken ct)
    {
        var teachers = await diary.TeachersOfClassAsync(pupil.OrganisationId, pupil.Class, ct);
        var admins = await accounts.OrganisationAdminPeopleAsync(pupil.OrganisationId, ct);
        var withAccounts = await accounts.AccountsOfPeopleAsync(teachers.Select(t => t.PersonId), ct);
        var result = teachers
            .Where(t => withAccounts.ContainsKey(t.PersonId) && t.PersonId != writerPersonId)
            .Select(t => new Addressee($"teacher-{t.EmployeeId}", t.Name, TeacherNote(t), [new Conversation(pupil.PersonId, [t.PersonId])]))
            .ToList();
        var answering = admins.Where(a => a != writerPersonId).ToList();
        if (answering.Count > 0)
            result.Add(new Addressee(Administration, $"Администрация: {pupil.OrganisationName}", "директор и администраторы", [new Conversation(pupil.PersonId, answering)]));
        return result;
    }

    /// <summary>
    /// Whom a teacher may write to in the class: each student and each parent who can sign in, and all parents at
    /// once — one conversation per family (the parents of the same children), so no family sees another.
    /// </summary>
    public async Task<IReadOnlyList<Addressee>> AddresseesForAsync(TaughtClass taught, int writerPersonId, CancellationToken ct)
    {
        var students = await institutions.MembersOfAsync(taught.OrganisationId, taught.Class.Id, ct);
        var guardians = await families.GuardiansOfAsync(students, ct);
        var people = students.Concat(guardians.Select(g => g.GuardianId)).Distinct().ToList();
        var names = await families.NamesAsync(people, ct);
        var withAccounts = await accounts.AccountsOfPeopleAsync(people, ct);
        var byStudent = guardians.Where(g => withAccounts.ContainsKey(g.GuardianId) && g.GuardianId != writerPersonId)
            .ToLookup(g => g.ChildId, g => g.GuardianId);

        var result = new List<Addressee>();
        var households = students
            .Where(byStudent.Contains)
            .GroupBy(s => string.Join(',', byStudent[s].Distinct().Order()))
            .Select(g => new Conversation(g.OrderBy(s => names.GetValueOrDefault(s, ""), StringComparer.Ordinal).First(), [.. byStudent[g.First()].Distinct().Order()]))
            .ToList();
        if (households.Count > 0)
            result.Add(new Addressee(WholeClass, $"Всем родителям класса {taught.Class.Name}", $"семей: {households.Count}; каждая семья получит отдельную переписку и не увидит другие", households));

        foreach (var student in students.OrderBy(s => names.GetValueOrDefault(s, ""), StringComparer.Ordinal))
        {
            var studentName = names.GetValueOrDefault(student, "");
            if (withAccounts.ContainsKey(student) && student != writerPersonId)
                result.Add(new Addressee($"student-{student}", studentName, "ученик", [new Conversation(student, [student])]));
            foreach (var guardian in byStudent[student].Distinct().OrderBy(g => names.GetValueOrDefault(g, ""), StringComparer.Ordinal))
                result.Add(new Addressee($"parent-{guardian}-{student}", names.GetValueOrDefault(guardian, ""), $"родитель: {studentName}", [new Conversation(student, [guardian])]));
        }

        return result;
    }

    private static string TeacherNote(ClassTeacher teacher)
    {
        var subjects = string.Join(", ", teacher.Subjects);
        return teacher.IsClassTeacher ? (subjects.Length > 0 ? $"классный руководитель; {subjects}" : "классный руководитель") : subjects;
    }
}
