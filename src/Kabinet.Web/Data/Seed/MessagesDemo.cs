using Kabinet.Web.Features.Messages;

namespace Kabinet.Web.Data.Seed;

/// <summary>
/// One short conversation of the demo parent with the demo teacher (the class teacher of 5А) about the demo pupil:
/// the teacher's answer is still unread by the parent, so the counter in the header shows it.
/// </summary>
internal static class MessagesDemo
{
    /// <summary>Adds the conversation (saving, to learn the thread's id; the caller's transaction keeps it whole).</summary>
    public static async Task AddAsync(KabinetDbContext db, GeneratedRegion region, TimeProvider time, CancellationToken ct)
    {
        var cast = region.Cast;
        var asked = time.GetUtcNow().UtcDateTime.AddDays(-1).AddHours(-3);
        var answered = asked.AddHours(2);
        var thread = new MessageThread
        {
            OrganisationId = cast.GymnasiumId, StudentPersonId = cast.StudentPersonId, Subject = "Пропуск занятий в пятницу",
            StartedByPersonId = cast.ParentPersonId, StartedAt = asked, LastMessageAt = answered,
        };
        db.MessageThreads.Add(thread);
        await db.SaveChangesAsync(ct);

        var parent = new ThreadParticipant { ThreadId = thread.Id, PersonId = cast.ParentPersonId, Side = ThreadSide.Family };
        parent.MarkRead(asked);
        var teacher = new ThreadParticipant { ThreadId = thread.Id, PersonId = cast.TeacherPersonId, Side = ThreadSide.School };
        teacher.MarkRead(answered);
        db.ThreadParticipants.AddRange(parent, teacher);
        db.Messages.AddRange(
            new Message
            {
                ThreadId = thread.Id, AuthorPersonId = cast.ParentPersonId, SentAt = asked,
                Text = "Здравствуйте! В пятницу мы будем на приёме у врача и пропустим первые два урока.\nСправку принесём в понедельник.",
            },
            new Message
            {
                ThreadId = thread.Id, AuthorPersonId = cast.TeacherPersonId, SentAt = answered,
                Text = "Здравствуйте! Спасибо, что предупредили. Домашнее задание по русскому языку будет в дневнике.",
            });
        await db.SaveChangesAsync(ct);
    }
}
