using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Notifications;

namespace Kabinet.Web.Features.AdditionalEducation;

/// <summary>Tells a child's family (every legal representative with an account, and the child if they have one) about the certificate and enrolments.</summary>
public sealed class PfdoNotices(FamilyDirectory families, AccountDirectory accounts, NotificationCentre notifications)
{
    /// <summary>In the caller's unit of work: the notification is saved with the change it tells about.</summary>
    public async Task NotifyAsync(int childPersonId, string kind, string title, string text, string link, CancellationToken ct)
    {
        var people = (await families.GuardiansOfAsync([childPersonId], ct)).Select(g => g.GuardianId).Append(childPersonId);
        var accountOf = await accounts.AccountsOfPeopleAsync(people, ct);
        await notifications.NotifyManyAsync([.. accountOf.Values.Distinct().Select(a => new NotificationRequest(a, kind, title, text, link))], ct);
    }
}
