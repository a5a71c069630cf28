using System.Globalization;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Notifications;

namespace Kabinet.Web.Features.Diary.Journal;

/// <summary>Something a student and their parents are told about a lesson: a mark, homework, an absence.</summary>
public sealed record JournalNotice(int StudentPersonId, string Kind, string Title, string Text, DateOnly LessonDate);

/// <summary>Tells the students and their legal representatives (those with accounts), honouring their preferences, in the caller's unit of work.</summary>
public sealed class JournalNotices(FamilyDirectory families, AccountDirectory accounts, NotificationCentre centre)
{
    public async Task PostAsync(IReadOnlyCollection<JournalNotice> notices, CancellationToken ct)
    {
        if (notices.Count == 0)
            return;
        var students = notices.Select(n => n.StudentPersonId).Distinct().ToList();
        var guardians = (await families.GuardiansOfAsync(students, ct)).ToLookup(g => g.ChildId, g => g.GuardianId);
        var accountOf = await accounts.AccountsOfPeopleAsync(students.Concat(guardians.SelectMany(g => g)), ct);
        var requests = new List<NotificationRequest>();
        foreach (var notice in notices)
        {
            var link = DiaryWeek(notice.StudentPersonId, notice.LessonDate);
            foreach (var person in guardians[notice.StudentPersonId].Prepend(notice.StudentPersonId).Distinct())
            {
                if (accountOf.TryGetValue(person, out var account))
                    requests.Add(new NotificationRequest(account, notice.Kind, notice.Title, notice.Text, link));
            }
        }

        await centre.NotifyManyAsync(requests, ct);
    }

    /// <summary>The family diary's week with the lesson: /diary/{student}?week={Monday}.</summary>
    public static string DiaryWeek(int studentPersonId, DateOnly date)
    {
        var monday = LessonCalendar.MondayOf(date);
        return $"/diary/{studentPersonId}?week={monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }
}
