using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Allocation;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Exchange;

public enum ApprovalOutcome
{
    Approved,

    /// <summary>A place no longer holds or a child no longer suits: the exchange was cancelled.</summary>
    Cancelled,

    /// <summary>The exchange or an application changed meanwhile (another operator, a family): nothing was saved.</summary>
    Changed,
}

public sealed record ApprovalResult(ApprovalOutcome Outcome, string? Message = null);

/// <summary>
/// The operator's decision on an exchange all families confirmed. Approval swaps the places atomically: in one
/// transaction serialised per municipality (with the cycle finder), saved once, with the concurrency tokens of the
/// applications, referrals, announcements and the exchange. Referred children get a referral to the partner's
/// group with the same answer and deadline (the old one becomes «обменяно»); enrolled children move to it.
/// </summary>
public sealed class ExchangeApproval(KabinetDbContext db, ExchangeBoard board, InstitutionDirectory institutions, TimeProvider time)
{
    public async Task<ApprovalResult> ApproveAsync(int exchangeId, int expectedVersion, int accountId, CancellationToken ct)
    {
        try
        {
            var result = await SwapAsync(exchangeId, expectedVersion, accountId, ct);
            if (result.Outcome == ApprovalOutcome.Changed)
                db.ChangeTracker.Clear();
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ApprovalResult(ApprovalOutcome.Changed);
        }
    }

    /// <summary>The operator refuses, with the reason the families see. False when the exchange is no longer waiting for the operator.</summary>
    public async Task<bool> RefuseAsync(PlaceExchange exchange, string reason, int accountId, CancellationToken ct)
    {
        if (exchange.Status != ExchangeStatus.AwaitingOperator
            || !exchange.TryEnd(ExchangeStatus.Refused, accountId, reason, $"Оператор отказал: {reason}", time.GetUtcNow().UtcDateTime))
            return false;
        await board.NotifyAsync(exchange, null, $"Обмен местами № {exchange.Id}: отказ",
            _ => $"Оператор управления образования отказал в обмене местами № {exchange.Id}. Причина: «{reason}». Места остались прежними, объявление по-прежнему опубликовано.", ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<ApprovalResult> SwapAsync(int exchangeId, int expectedVersion, int accountId, CancellationToken ct)
    {
        var municipalityId = await db.PlaceExchanges.Where(e => e.Id == exchangeId).Select(e => (int?)e.MunicipalityId).FirstOrDefaultAsync(ct);
        if (municipalityId is null)
            return new ApprovalResult(ApprovalOutcome.Changed);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync(ExchangeBoard.LockOf(municipalityId.Value), ct);
        var exchange = await db.PlaceExchanges.Include(e => e.Participants).Include(e => e.History).AsSplitQuery().FirstAsync(e => e.Id == exchangeId, ct);
        if (exchange.Version != expectedVersion || exchange.Status != ExchangeStatus.AwaitingOperator)
            return new ApprovalResult(ApprovalOutcome.Changed);

        var now = time.GetUtcNow().UtcDateTime;
        var today = time.Today();
        var participants = exchange.Ordered();
        var ids = participants.Select(p => p.ApplicationId).ToList();
        var applications = await db.QueueApplications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var held = await board.HeldAsync([.. applications.Values.Select(ExchangeApplication.Of)], ct);
        var announcementIds = participants.Select(p => p.AnnouncementId).ToList();
        var announcements = await db.ExchangeAnnouncements.Where(a => announcementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var (names, _) = await institutions.NamesAsync(participants.Select(p => p.OrganisationId), [], ct);

        // Every place must still be held as it was proposed, and every child must still suit the place it receives.
        var problem = participants
            .Where(p => !held.TryGetValue(p.ApplicationId, out var place) || place.Group.GroupId != p.KindergartenGroupId
                || announcements[p.AnnouncementId].Status != AnnouncementStatus.Active)
            .Select(p => $"место в «{names.GetValueOrDefault(p.OrganisationId)}» (заявление № {p.ApplicationId}) больше не закреплено за ребёнком")
            .FirstOrDefault();
        if (problem is null)
        {
            for (var i = 0; i < participants.Count && problem is null; i++)
            {
                var giver = exchange.GiverTo(i);
                if (!ExchangeCycles.Fits(ExchangeApplication.Of(applications[participants[i].ApplicationId]).Child, held[giver.ApplicationId].AsPlace, today))
                    problem = $"ребёнок по заявлению № {participants[i].ApplicationId} не подходит по возрасту в группу «{held[giver.ApplicationId].Group.Name}» в «{names.GetValueOrDefault(giver.OrganisationId)}»";
            }
        }

        if (problem is not null)
        {
            var reason = $"Обмен отменён: {problem}.";
            exchange.TryEnd(ExchangeStatus.Cancelled, accountId, reason, reason, now);
            await board.NotifyAsync(exchange, null, $"Обмен местами № {exchange.Id} отменён", _ => $"{reason} Места не менялись.", ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new ApprovalResult(ApprovalOutcome.Cancelled, reason);
        }

        var referrals = await db.Referrals.Where(r => ids.Contains(r.ApplicationId) && (r.Status == ReferralStatus.Issued || r.Status == ReferralStatus.Accepted))
            .ToListAsync(ct);
        for (var i = 0; i < participants.Count; i++)
        {
            var me = participants[i];
            var application = applications[me.ApplicationId];
            var mine = held[me.ApplicationId];
            var received = held[exchange.GiverTo(i).ApplicationId];
            var detail = "";
            if (application.Status == ApplicationStatus.Referred)
            {
                var old = referrals.Where(r => r.ApplicationId == application.Id).MaxBy(r => r.Id)!;
                var answer = old.Status;
                var decidedAt = old.DecidedAt;
                var reminded = old.ReminderSentAt;
                if (!old.TryDecide(ReferralStatus.Exchanged, now))
                    return new ApprovalResult(ApprovalOutcome.Changed);
                db.Referrals.Add(new Referral
                {
                    ApplicationId = application.Id, MunicipalityId = exchange.MunicipalityId, OrganisationId = received.Group.OrganisationId,
                    KindergartenGroupId = received.Group.GroupId, AllocationRunId = old.AllocationRunId, IssuedAt = now, ValidUntil = old.ValidUntil,
                    Status = answer, DecidedAt = decidedAt, ReminderSentAt = reminded,
                });
                detail = answer == ReferralStatus.Issued
                    ? $" Новое направление: ответьте до {RegionTime.ToLocal(old.ValidUntil):dd.MM.yyyy} включительно, как и по прежнему."
                    : " Ваше согласие с направлением сохранено.";
            }
            else if (!await institutions.MovePlacementAsync(application.ChildPersonId, mine.Group.GroupId, received.Group.GroupId, today, ct))
            {
                return new ApprovalResult(ApprovalOutcome.Changed);
            }

            application.History.Add(new StatusChange
            {
                ApplicationId = application.Id, From = application.Status, To = application.Status, At = now, ByAccountId = accountId,
                Comment = $"Обмен местами № {exchange.Id}: теперь {ExchangeBoard.PlaceText(names.GetValueOrDefault(received.Group.OrganisationId, ""), received.Group)} "
                    + $"вместо {ExchangeBoard.PlaceText(names.GetValueOrDefault(mine.Group.OrganisationId, ""), mine.Group)}.{detail}",
            });
            application.Touch(now);
            announcements[me.AnnouncementId].TryEnd(AnnouncementStatus.Closed, now);
        }

        exchange.TryApprove(accountId, now);
        await board.NotifyAsync(exchange, null, $"Обмен местами № {exchange.Id} состоялся",
            p => $"Оператор одобрил обмен местами № {exchange.Id}: теперь ваш ребёнок — в {ExchangeBoard.PlaceText(names.GetValueOrDefault(exchange.GiverTo(p.Position).OrganisationId, ""), held[exchange.GiverTo(p.Position).ApplicationId].Group)}. Объявление закрыто.", ct);

        // Other pending exchanges of these places cannot happen any more.
        foreach (var other in (await board.PendingWithAsync(announcementIds, ct)).Where(e => e.Id != exchange.Id))
        {
            var reason = $"Одно из мест уже передано по обмену № {exchange.Id}.";
            other.TryEnd(ExchangeStatus.Cancelled, null, reason, reason, now);
            await board.NotifyOthersAsync(other, ids, $"Обмен местами № {other.Id} отменён", $"Обмен отменён: {reason[0..1].ToLowerInvariant()}{reason[1..]} Ваше объявление остаётся опубликованным.", ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ApprovalResult(ApprovalOutcome.Approved);
    }
}
