using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.AdditionalEducation.Catalogue;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Enrolments;

/// <summary>The result of an enrolment: the enrolment, or the Russian reason it was refused (nothing saved then).</summary>
public sealed record EnrolOutcome(ProgrammeEnrolment? Enrolment, string? Problem);

/// <summary>
/// Enrolments and the money and places they take. A place and the certificate's money are each taken by ONE
/// conditional UPDATE in the enrolment's transaction (… WHERE taken &lt; places, … WHERE balance &gt;= price), so
/// two enrolments at the same moment can never overfill a programme or push a balance below zero.
/// </summary>
public sealed class EnrolmentDesk(KabinetDbContext db, CertificateIssuing certificates, PfdoNotices notices, TimeProvider time)
{
    public async Task<EnrolOutcome> EnrolAsync(int programmeId, int childPersonId, DateOnly childBirthDate, int accountId, CancellationToken ct)
    {
        var today = time.Today();
        var year = today.Year;
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId && p.IsActive, ct);
        if (programme is null)
            return Refused("Программа не найдена или запись на неё закрыта.");
        var age = CertificateApplication.AgeOn(childBirthDate, today);
        if (!programme.TakesAge(age))
            return Refused($"Программа для детей от {programme.AgeFrom} до {programme.AgeTo} лет, а ребёнку {age}.");
        if (await db.ProgrammeEnrolments.AnyAsync(e => e.ProgrammeId == programmeId && e.ChildPersonId == childPersonId
                && (e.Status == EnrolmentStatus.Submitted || e.Status == EnrolmentStatus.Enrolled), ct))
            return Refused("Ребёнок уже записан на эту программу.");

        Certificate? certificate = null;
        if (programme.Funding == Funding.Certificate)
        {
            certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.ChildPersonId == childPersonId, ct);
            if (certificate is null || !certificate.IsValidOn(today))
                return Refused("На эту программу записывают по сертификату, а у ребёнка нет действующего сертификата. Получите его на странице «Дополнительное образование».");
            if (!await certificates.EnsureBalanceAsync(certificate, year, ct))
                return Refused($"Номинал сертификата на {year} год ещё не установлен в муниципалитете: запись по сертификату пока невозможна.");
        }

        var price = certificate is null ? 0 : programme.PriceKopecks;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var placeTaken = await db.Programmes.Where(p => p.Id == programmeId && p.IsActive && p.Taken < p.Places)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Taken, p => p.Taken + 1), ct);
        if (placeTaken == 0)
            return Refused("Свободных мест на программе нет.");

        var balanceAfter = 0L;
        if (certificate is not null)
        {
            var debited = await db.CertificateBalances.Where(b => b.CertificateId == certificate.Id && b.Year == year && b.BalanceKopecks >= price)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.BalanceKopecks, b => b.BalanceKopecks - price), ct);
            balanceAfter = await db.CertificateBalances.Where(b => b.CertificateId == certificate.Id && b.Year == year).Select(b => b.BalanceKopecks).SingleAsync(ct);
            if (debited == 0)
                return Refused($"Недостаточно средств на сертификате: остаток {Money.Display(balanceAfter)}, стоимость {Money.Display(price)}.");
            // The first enrolment on a certificate-funded programme makes the certificate «персонифицированного финансирования».
            await db.Certificates.Where(c => c.Id == certificate.Id && c.Kind == CertificateKind.Accounting)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Kind, CertificateKind.Funded), ct);
        }

        var enrolment = new ProgrammeEnrolment
        {
            ProgrammeId = programmeId, OrganisationId = programme.OrganisationId, ChildPersonId = childPersonId, SubmittedByAccountId = accountId,
            CertificateId = certificate?.Id, Year = year, AmountKopecks = price, SubmittedAt = now,
        };
        enrolment.Submit(now);
        db.ProgrammeEnrolments.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: the same child was enrolled by another click at the same moment.
            db.ChangeTracker.Clear();
            return Refused("Ребёнок уже записан на эту программу.");
        }

        if (certificate is not null)
            db.CertificateLedger.Add(new LedgerEntry { CertificateId = certificate.Id, Year = year, EnrolmentId = enrolment.Id, AmountKopecks = -price, BalanceAfterKopecks = balanceAfter, At = now, Text = $"Оплата программы «{programme.Name}» на {year} год" });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new EnrolOutcome(enrolment, null);
    }

    private static EnrolOutcome Refused(string problem) => new(null, problem);

    /// <summary>The organisation confirms: «Зачислен». In the caller's unit of work.</summary>
    public async Task<bool> ConfirmAsync(ProgrammeEnrolment enrolment, string programmeName, int byAccountId, CancellationToken ct)
    {
        if (!enrolment.TryMove(EnrolmentStatus.Enrolled, byAccountId, null, time.GetUtcNow().UtcDateTime))
            return false;
        await notices.NotifyAsync(enrolment.ChildPersonId, NotificationKinds.PfdoEnrolment, $"Зачисление на программу «{programmeName}»",
            "Организация подтвердила запись: ребёнок зачислен на программу.", "/pfdo", ct);
        return true;
    }

    /// <summary>
    /// Rejection by the organisation (everything refunded) or leaving (by the family or the organisation; the
    /// unspent part refunded, <see cref="ProgrammeEnrolment.RefundOnLeaving"/>); the place is freed. Saves in one
    /// transaction; false when the enrolment was already finished.
    /// </summary>
    public async Task<bool> EndAsync(ProgrammeEnrolment enrolment, EnrolmentStatus to, string programmeName, int byAccountId, string? reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var refund = to == EnrolmentStatus.Rejected ? (enrolment.Year == time.Today().Year ? enrolment.AmountKopecks : 0) : enrolment.RefundOnLeaving(time.Today());
        if (!enrolment.TryMove(to, byAccountId, reason, now))
            return false;
        enrolment.RefundedKopecks = refund;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The version check makes two ends of one enrolment at the same moment refund once.
        await db.SaveChangesAsync(ct);
        await db.Programmes.Where(p => p.Id == enrolment.ProgrammeId && p.Taken > 0).ExecuteUpdateAsync(s => s.SetProperty(p => p.Taken, p => p.Taken - 1), ct);
        if (refund > 0 && enrolment.CertificateId is { } certificateId)
        {
            await db.CertificateBalances.Where(b => b.CertificateId == certificateId && b.Year == enrolment.Year)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.BalanceKopecks, b => b.BalanceKopecks + refund), ct);
            var after = await db.CertificateBalances.Where(b => b.CertificateId == certificateId && b.Year == enrolment.Year).Select(b => b.BalanceKopecks).SingleAsync(ct);
            db.CertificateLedger.Add(new LedgerEntry
            {
                CertificateId = certificateId, Year = enrolment.Year, EnrolmentId = enrolment.Id, AmountKopecks = refund, BalanceAfterKopecks = after, At = now,
                Text = to == EnrolmentStatus.Rejected ? $"Возврат: заявка на программу «{programmeName}» отклонена" : $"Возврат неиспользованной части: отчисление с программы «{programmeName}»",
            });
        }

        var what = to == EnrolmentStatus.Rejected ? $"Организация отклонила заявку. Причина: «{reason}»." : "Ребёнок отчислен с программы.";
        await notices.NotifyAsync(enrolment.ChildPersonId, NotificationKinds.PfdoEnrolment, $"Программа «{programmeName}»: {to.Title().ToLowerInvariant()}",
            refund > 0 ? $"{what} На сертификат возвращено {Money.Display(refund)}." : what, "/pfdo", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
