using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Municipal;

/// <summary>
/// The municipal operator's desk: the municipality's certificate applications (open ones first) and the nominal
/// value of the certificate for this and next calendar year.
/// </summary>
[Authorize(Roles = OperatorScope.Roles)]
public sealed class IndexModel(KabinetDbContext db, InstitutionDirectory institutions, FamilyDirectory families, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Number, string Child, DateTime SubmittedAt, CertificateApplicationStatus Status);

    public sealed record NominalRow(int Year, long? Amount, bool InUse);

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<NominalRow> Nominals { get; private set; } = [];

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNominalAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        var row = Nominals.FirstOrDefault(n => n.Year == Year);
        var amount = Money.Parse(Amount);
        if (row is null)
            ModelState.AddModelError(nameof(Year), "Номинал устанавливают на текущий или следующий год.");
        else if (row.InUse)
            ModelState.AddModelError(nameof(Year), $"Номинал на {row.Year} год уже расходуют сертификаты: изменить его нельзя.");
        if (amount is not { } kopecks || kopecks <= 0)
            ModelState.AddModelError(nameof(Amount), "Укажите номинал в рублях больше нуля, например 15000.");
        if (!ModelState.IsValid)
            return Page();

        var municipality = MunicipalityId!.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var nominal = await db.CertificateNominals.FirstOrDefaultAsync(n => n.MunicipalityId == municipality && n.Year == Year, ct);
        if (nominal is null)
            db.CertificateNominals.Add(nominal = new CertificateNominal { MunicipalityId = municipality, Year = Year!.Value });
        nominal.AmountKopecks = amount!.Value;
        nominal.SetAt = now;
        nominal.SetByAccountId = KabinetClaims.AccountIdOf(User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            TempData["Status"] = "Номинал только что установил другой сотрудник. Проверьте его.";
            return Redirect($"/pfdo/operator?municipality={municipality}");
        }

        TempData["Status"] = $"Номинал сертификата на {Year} год: {Money.Display(nominal.AmountKopecks)}.";
        return Redirect($"/pfdo/operator?municipality={municipality}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var mine = OperatorScope.MunicipalitiesOf(User);
        Municipalities = [.. (await institutions.MunicipalitiesAsync(ct)).Where(m => mine is null || mine.Contains(m.Id))];
        MunicipalityId ??= Municipalities.Count > 0 ? Municipalities[0].Id : null;
        if (MunicipalityId is not { } municipality || !Municipalities.Any(m => m.Id == municipality))
            return false;

        var query = db.CertificateApplications.AsNoTracking().Where(a => a.MunicipalityId == municipality);
        if (!All)
            query = query.Where(a => a.Status == CertificateApplicationStatus.Submitted || a.Status == CertificateApplicationStatus.UnderReview);
        var rows = await query.OrderBy(a => a.SubmittedAt).Take(500).Select(a => new { a.Id, a.ChildPersonId, a.SubmittedAt, a.Status }).ToListAsync(ct);
        var ids = rows.Select(r => r.ChildPersonId).Distinct().ToList();
        var names = await families.PersonNames().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        Rows = [.. rows.Select(r => new Row(r.Id, $"ПФДО-{r.Id:000000}", names.GetValueOrDefault(r.ChildPersonId, ""), r.SubmittedAt, r.Status))];

        var year = time.Today().Year;
        var nominals = await db.CertificateNominals.AsNoTracking().Where(n => n.MunicipalityId == municipality && n.Year >= year && n.Year <= year + 1).ToDictionaryAsync(n => n.Year, ct);
        var inUse = await db.CertificateBalances.AsNoTracking().Where(b => b.Year >= year && b.Year <= year + 1)
            .Join(db.Certificates.Where(c => c.MunicipalityId == municipality), b => b.CertificateId, c => c.Id, (b, c) => b.Year).Distinct().ToListAsync(ct);
        Nominals = [.. new[] { year, year + 1 }.Select(y => new NominalRow(y, nominals.TryGetValue(y, out var n) ? n.AmountKopecks : null, inUse.Contains(y)))];
        return true;
    }

    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
