using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission.Catalogue;

/// <summary>«Поступление в колледж»: the colleges' specialities of the admission year with places and windows, filtered.</summary>
[AllowAnonymous]
public sealed class IndexModel(KabinetDbContext db, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "basis")]
    public EducationBasis? Basis { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "form")]
    public StudyForm? Form { get; set; }

    public int AdmissionYear { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<IGrouping<int, Speciality>> Colleges { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();

    /// <summary>The colleges whose admissions office the signed-in user runs.</summary>
    public IReadOnlyList<NamedItem> MyColleges { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var administered = Accounts.KabinetClaims.OrganisationsOf(User, Accounts.PortalRole.OrganisationAdmin);
        if (administered.Count > 0)
            MyColleges = [.. (await institutions.CollegesInAsync(null, ct)).Where(c => administered.Contains(c.Id))];
        Today = time.Today();
        AdmissionYear = Speciality.AdmissionYearOn(Today);
        Municipalities = await institutions.MunicipalitiesAsync(ct);
        var query = db.Specialities.AsNoTracking().Where(s => s.AdmissionYear == AdmissionYear);
        if (MunicipalityId is { } municipality)
            query = query.Where(s => s.MunicipalityId == municipality);
        if (Basis is { } basis)
            query = query.Where(s => s.Basis == basis);
        if (Form is { } form)
            query = query.Where(s => s.Form == form);
        var specialities = await query.OrderBy(s => s.OrganisationId).ThenBy(s => s.Code).ThenBy(s => s.Id).ToListAsync(ct);
        (Names, _) = await institutions.NamesAsync(specialities.Select(s => s.OrganisationId), [], ct);
        Colleges = [.. specialities.GroupBy(s => s.OrganisationId).OrderBy(g => Names.GetValueOrDefault(g.Key), StringComparer.Ordinal)];
    }
}
