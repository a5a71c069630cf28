using Kabinet.Web.Data;
using Kabinet.Web.Features.Enrollment.Submit;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment;

/// <summary>What staff and parents do to an application after it is registered; the applicant is told of every change.</summary>
public sealed class SchoolApplicationDecisions(KabinetDbContext db, NotificationCentre notifications, EnrollmentReference reference, TimeProvider time)
{
    public enum Action
    {
        Review,
        Enroll,
        Refuse,
        Withdraw,
    }

    /// <summary>Null when done; otherwise the Russian reason for the field it belongs to.</summary>
    public async Task<FieldProblem?> DecideAsync(SchoolApplication application, Action action, int accountId, string? orderNumber, DateOnly? orderDate, string? reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        switch (action)
        {
            case Action.Enroll when string.IsNullOrWhiteSpace(orderNumber) || orderNumber.Trim().Length > 50:
                return new FieldProblem("OrderNumber", "Укажите номер приказа о зачислении (до 50 символов).");
            case Action.Enroll when orderDate is null:
                return new FieldProblem("OrderDate", "Укажите дату приказа о зачислении.");
            case Action.Refuse when string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000:
                return new FieldProblem("Reason", "Укажите причину отказа (до 1000 символов): её увидит заявитель.");
        }

        var done = action switch
        {
            Action.Review => application.TryMove(SchoolApplicationStatus.UnderReview, accountId, null, now),
            Action.Enroll => application.TryEnroll(orderNumber, orderDate, accountId, now),
            Action.Refuse => application.TryRefuse(reason, accountId, now),
            _ => application.TryMove(SchoolApplicationStatus.Withdrawn, accountId, "Отозвано заявителем", now),
        };
        if (!done)
            return new FieldProblem("", $"Заявление в статусе «{application.Status.Title()}»: это действие для него недоступно.");

        if (action != Action.Withdraw)
        {
            var text = action switch
            {
                Action.Review => $"Школа приняла заявление {application.Number} к рассмотрению.",
                Action.Enroll => $"Ребёнок зачислен: приказ № {application.OrderNumber} от {application.OrderDate:dd.MM.yyyy}.",
                _ => $"По заявлению {application.Number} отказано. Причина: {application.RefusalReason}",
            };
            await notifications.NotifyAsync(application.SubmittedByAccountId, NotificationKinds.SchoolApplication,
                $"Заявление {application.Number}: {application.Status.Title()}", text, EnrollmentSubmissions.Link(application.Id), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new FieldProblem("", "Заявление только что изменил кто-то другой. Откройте его заново.");
        }

        if (action == Action.Enroll)
            reference.ForgetIntake(application.SchoolId, application.SchoolYear);
        return null;
    }
}
