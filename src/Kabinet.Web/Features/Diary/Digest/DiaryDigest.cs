using System.Globalization;
using System.Text;
using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Digest;

/// <summary>
/// The optional daily digest e-mail («Сводка дневника за день»): in the evening (19:00 region time by default) every
/// account that asked for it gets one letter with, for each of its children in a school or college (or for the
/// student themself), the marks of the day's lessons, the day's absences and the homework due tomorrow. Nothing to
/// tell — no letter. Every node runs the loop; a batch takes a lock and the progress is stored, so letters go once.
/// </summary>
public sealed class DiaryDigest(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<DiaryDigest> log) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Diary:DigestInBackground", true))
            return;
        var hour = configuration.GetValue("Diary:DigestHour", 19);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var local = RegionTime.ToLocal(time.GetUtcNow().UtcDateTime);
                if (local.Hour >= hour)
                    await SendAsync(DateOnly.FromDateTime(local), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Diary digest round failed");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(10), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends the digest of the day to everyone who has not had it yet; returns how many letters went out now.</summary>
    public async Task<int> SendAsync(DateOnly day, CancellationToken ct)
    {
        var total = 0;
        while (await BatchAsync(day, ct) is { } sent)
            total += sent;
        return total;
    }

    /// <summary>One batch of subscribers in one transaction; null when the day is done.</summary>
    private async Task<int?> BatchAsync(DateOnly day, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<KabinetDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync("diary-digest", ct);
        var now = time.GetUtcNow().UtcDateTime;
        var run = await db.DigestRuns.FirstOrDefaultAsync(r => r.Day == day, ct);
        if (run is null)
        {
            run = new DigestRun { Day = day, StartedAt = now };
            db.DigestRuns.Add(run);
        }
        else if (run.FinishedAt is not null)
        {
            return null;
        }

        var subscribers = await services.GetRequiredService<NotificationCentre>().EmailSubscribersAsync(NotificationKinds.DiaryDigest, run.LastAccountId, BatchSize, ct);
        var letters = subscribers.Count == 0 ? [] : await ComposeAsync(services, subscribers, day, ct);
        var outbox = services.GetRequiredService<Outbox>();
        foreach (var letter in letters)
            outbox.Enqueue(letter);
        run.Letters += letters.Count;
        if (subscribers.Count < BatchSize)
            run.FinishedAt = now;
        else
            run.LastAccountId = subscribers[^1];
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return letters.Count;
    }

    private static async Task<List<EmailMessage>> ComposeAsync(IServiceProvider services, IReadOnlyList<int> accountIds, DateOnly day, CancellationToken ct)
    {
        var db = services.GetRequiredService<KabinetDbContext>();
        var accounts = services.GetRequiredService<AccountDirectory>();
        var families = services.GetRequiredService<FamilyDirectory>();
        var institutions = services.GetRequiredService<InstitutionDirectory>();
        var urls = services.GetRequiredService<PublicUrls>();

        var emails = await accounts.ConfirmedEmailsOfAsync(accountIds, ct);
        var people = await accounts.PersonIdsAsync(emails.Keys, ct);
        // Whose diary each account follows: the children it represents and the person themself (a student).
        var children = await families.ChildrenOfManyAsync(people.Values, ct);
        var followed = people.ToDictionary(p => p.Key, p => children.Where(c => c.GuardianId == p.Value).Select(c => c.ChildId).Append(p.Value).Distinct().ToList());
        var classes = (await institutions.ClassesOfStudentsAsync([.. followed.Values.SelectMany(v => v)], day, ct)).ToDictionary(c => c.PersonId);
        if (classes.Count == 0)
            return [];

        var students = classes.Keys.ToList();
        var classIds = classes.Values.Select(c => c.Class.Id).Distinct().ToList();
        var tomorrow = day.AddDays(1);
        var marks = await db.Marks.AsNoTracking()
            .Where(m => students.Contains(m.StudentPersonId) && m.Date == day && m.DeletedAt == null)
            .Join(db.WorkKinds, m => m.WorkKindId, k => k.Id, (m, k) => new { m.StudentPersonId, m.SubjectId, m.Value, Kind = k.Name })
            .ToListAsync(ct);
        var absences = await db.Attendance.AsNoTracking()
            .Where(a => students.Contains(a.StudentPersonId) && a.Date == day)
            .Select(a => new { a.StudentPersonId, a.SubjectId, a.Code })
            .ToListAsync(ct);
        var homework = await db.Homework.AsNoTracking()
            .Where(h => classIds.Contains(h.ClassGroupId) && h.DueOn == tomorrow)
            .Select(h => new { h.ClassGroupId, h.SubjectId, h.Text })
            .ToListAsync(ct);
        var subjectIds = marks.Select(m => m.SubjectId).Concat(absences.Select(a => a.SubjectId)).Concat(homework.Select(h => h.SubjectId)).Distinct().ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => subjectIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var names = await families.NamesAsync(students, ct);
        var (organisations, _) = await institutions.NamesAsync(classes.Values.Select(c => c.OrganisationId), [], ct);

        var letters = new List<EmailMessage>();
        foreach (var (accountId, followedIds) in followed)
        {
            var text = new StringBuilder();
            foreach (var studentId in followedIds.Where(classes.ContainsKey).Order())
            {
                var place = classes[studentId];
                var college = place.Kind == OrganisationKind.College;
                var section = new StringBuilder();
                var own = marks.Where(m => m.StudentPersonId == studentId).ToList();
                if (own.Count > 0)
                    section.AppendLine("Оценки: " + string.Join("; ", own.Select(m => $"{subjects.GetValueOrDefault(m.SubjectId)} — {m.Value.Title(college)} ({m.Kind.ToLowerInvariant()})")) + ".");
                var missed = absences.Where(a => a.StudentPersonId == studentId).ToList();
                if (missed.Count > 0)
                    section.AppendLine("Посещаемость: " + string.Join("; ", missed.Select(a => $"{subjects.GetValueOrDefault(a.SubjectId)} — {a.Code.Letter()} ({a.Code.Title()})")) + ".");
                foreach (var task in homework.Where(h => h.ClassGroupId == place.Class.Id))
                    section.AppendLine($"Задано на {tomorrow:dd.MM}: {subjects.GetValueOrDefault(task.SubjectId)} — {Shorten(task.Text)}");
                if (section.Length == 0)
                    continue;
                text.AppendLine(CultureInfo.InvariantCulture, $"{names.GetValueOrDefault(studentId)} ({place.Class.Name}, {organisations.GetValueOrDefault(place.OrganisationId)})");
                text.Append(section);
                text.AppendLine(CultureInfo.InvariantCulture, $"Дневник: {urls.To($"/diary/{studentId}?week={LessonCalendar.MondayOf(day):yyyy-MM-dd}")}");
                text.AppendLine();
            }

            if (text.Length == 0)
                continue;
            letters.Add(new EmailMessage("diary-digest", emails[accountId], null, $"Kabinet: дневник за {day:dd.MM.yyyy}",
                $"""
                Здравствуйте!

                Сводка дневника за {day:dd.MM.yyyy}.

                {text.ToString().TrimEnd()}

                Отказаться от сводки: {urls.To("/notifications/settings")}

                Kabinet — образование Кузбасса
                """));
        }

        return letters;
    }

    /// <summary>The homework's first line as plain text, at most 200 characters (the letter is plain text).</summary>
    private static string Shorten(string markdown)
    {
        var line = markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        line = line.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).TrimStart('#', '-', '*', ' ');
        return line.Length > 200 ? line[..199] + "…" : line;
    }
}
