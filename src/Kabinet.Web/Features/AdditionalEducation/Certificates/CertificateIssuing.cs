using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Certificates;

/// <summary>What a family sees of a certificate: the year's nominal, the start and current balance, and the ledger.</summary>
public sealed record CertificateView(Certificate Certificate, int Year, long? Nominal, long? StartKopecks, long? BalanceKopecks, IReadOnlyList<LedgerEntry> Ledger);

/// <summary>Certificate applications decided by the municipal operator, the certificates they create, and each year's money.</summary>
public sealed class CertificateIssuing(KabinetDbContext db, PfdoNotices notices, TimeProvider time)
{
    /// <summary>Issues the certificate in the caller's unit of work (one SaveChanges with the status); null when issued, otherwise the reason why not.</summary>
    public async Task<string?> IssueAsync(CertificateApplication application, int byAccountId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.Certificates.AnyAsync(c => c.ChildPersonId == application.ChildPersonId, ct))
            return "У ребёнка уже есть сертификат: он выдаётся один раз.";
        if (CertificateApplication.AgeProblem(application.ChildBirthDate, time.Today()) is { } age)
            return age;
        if (!application.TryMove(CertificateApplicationStatus.Issued, byAccountId, null, now))
            return "Это заявление уже рассмотрено или отозвано.";
        var certificate = new Certificate
        {
            Number = Certificate.NumberFor(application.MunicipalityId, application.Id), ChildPersonId = application.ChildPersonId,
            MunicipalityId = application.MunicipalityId, ApplicationId = application.Id, IssuedAt = now,
            ValidUntil = application.ChildBirthDate.AddYears(CertificateApplication.MaxAge),
        };
        db.Certificates.Add(certificate);
        await notices.NotifyAsync(application.ChildPersonId, NotificationKinds.PfdoCertificate, $"Сертификат № {certificate.Number} выдан",
            $"Сертификат дополнительного образования выдан, он действует до {certificate.ValidUntil:dd.MM.yyyy}. Теперь можно записать ребёнка на программу из каталога.", "/pfdo", ct);
        return null;
    }

    /// <summary>Moves to «На рассмотрении» or «Отказано» and tells the family; false when that transition does not exist.</summary>
    public async Task<bool> MoveAsync(CertificateApplication application, CertificateApplicationStatus to, int byAccountId, string? comment, CancellationToken ct)
    {
        if (!application.TryMove(to, byAccountId, comment, time.GetUtcNow().UtcDateTime))
            return false;
        var text = to == CertificateApplicationStatus.Refused ? $"В выдаче сертификата отказано. Причина: «{comment}»." : $"Новый статус заявления: «{to.Title()}».";
        await notices.NotifyAsync(application.ChildPersonId, NotificationKinds.PfdoCertificate, $"Заявление {application.Number}: {to.Title().ToLowerInvariant()}", text, $"/pfdo/applications/{application.Id}", ct);
        return true;
    }

    /// <summary>The nominal of a calendar year in a municipality; null when the operator has not set it.</summary>
    public async Task<long?> NominalAsync(int municipalityId, int year, CancellationToken ct) =>
        await db.CertificateNominals.AsNoTracking().Where(n => n.MunicipalityId == municipalityId && n.Year == year).Select(n => (long?)n.AmountKopecks).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Makes sure the certificate has its money row for the year, starting at the year's nominal (false when no
    /// nominal is set). INSERT … ON CONFLICT DO NOTHING on both databases: two first enrolments of a year at the
    /// same moment create one row, and a past year's leftover never moves into the new one.
    /// </summary>
    public async Task<bool> EnsureBalanceAsync(Certificate certificate, int year, CancellationToken ct)
    {
        if (await db.CertificateBalances.AnyAsync(b => b.CertificateId == certificate.Id && b.Year == year, ct))
            return true;
        if (await NominalAsync(certificate.MunicipalityId, year, ct) is not { } nominal)
            return false;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO pfdo_certificate_balances (certificate_id, year, start_kopecks, balance_kopecks) VALUES ({certificate.Id}, {year}, {nominal}, {nominal}) ON CONFLICT (certificate_id, year) DO NOTHING", ct);
        return true;
    }

    /// <summary>The certificates of these children with this year's money and their ledgers.</summary>
    public async Task<IReadOnlyDictionary<int, CertificateView>> ViewsAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var ids = childIds.ToList();
        var year = time.Today().Year;
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.ChildPersonId)).ToListAsync(ct);
        var views = new Dictionary<int, CertificateView>();
        foreach (var certificate in certificates)
        {
            var balance = await db.CertificateBalances.AsNoTracking().FirstOrDefaultAsync(b => b.CertificateId == certificate.Id && b.Year == year, ct);
            var nominal = await NominalAsync(certificate.MunicipalityId, year, ct);
            var ledger = await db.CertificateLedger.AsNoTracking().Where(l => l.CertificateId == certificate.Id).OrderByDescending(l => l.At).ThenByDescending(l => l.Id).Take(50).ToListAsync(ct);
            // A year not yet used starts at its nominal: shown as such before the first enrolment creates the row.
            views[certificate.ChildPersonId] = new CertificateView(certificate, year, nominal, balance?.StartKopecks ?? nominal, balance?.BalanceKopecks ?? nominal, ledger);
        }

        return views;
    }
}
