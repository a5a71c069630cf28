using System.Globalization;
using Kabinet.Web.Common.Text;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Applications.Complaints;

/// <summary>
/// «Не выдали логин и пароль»: first the municipality, then the organisation (kindergarten, school or college), the
/// child (one of the account's, the author themself, or a child not linked yet), what happened and the contacts.
/// The organisation's administrators are told at once.
/// </summary>
[Authorize]
public sealed class NewModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, AccountDirectory accounts,
    NotificationCentre notifications, TimeProvider time) : PageModel
{
    public const string Self = "self";
    public const string Other = "other";

    /// <summary>Organisations that issue the diary's logins: additional education does not.</summary>
    private static readonly OrganisationKind[] IssuingKinds = [OrganisationKind.Kindergarten, OrganisationKind.School, OrganisationKind.College];

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "organisation")]
    public int? OrganisationId { get; set; }

    /// <summary>A child's id, <see cref="Self"/> or <see cref="Other"/>.</summary>
    [BindProperty]
    public string? Child { get; set; }

    [BindProperty]
    public string? ChildName { get; set; }

    [BindProperty]
    public DateOnly? ChildBirthDate { get; set; }

    [BindProperty]
    public string? ClassName { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<NamedItem> Organisations { get; private set; } = [];

    public IReadOnlyList<PersonSummary> Children { get; private set; } = [];

    public string MunicipalityName => Municipalities.FirstOrDefault(m => m.Id == MunicipalityId)?.Name ?? "";

    /// <summary>The form proper is shown once a known municipality is chosen.</summary>
    public bool ShowForm => Municipalities.Any(m => m.Id == MunicipalityId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (MunicipalityId is not null && !ShowForm)
            return NotFound();
        var (email, phone) = await accounts.ContactsOfAsync(KabinetClaims.AccountIdOf(User), ct);
        Email = email;
        Phone = phone is null ? null : ContactFormats.DisplayPhone(phone);
        Child = Children.Count == 0 ? Self : Children.Count == 1 ? Children[0].Id.ToString(CultureInfo.InvariantCulture) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ShowForm)
            return NotFound();

        var personId = KabinetClaims.PersonIdOf(User);
        string? childName = null;
        int? childId = null;
        DateOnly? birthDate = null;
        switch (Child)
        {
            case Self:
                childId = personId;
                childName = KabinetClaims.FullNameOf(User);
                birthDate = (await families.FindPersonAsync(personId, ct))?.BirthDate;
                break;
            case Other:
                childName = string.IsNullOrWhiteSpace(ChildName) ? null : ChildName.Trim();
                if (childName is null)
                    ModelState.AddModelError(nameof(ChildName), "Напишите фамилию, имя и отчество ребёнка.");
                else if (childName.Length > Complaint.MaxName)
                    ModelState.AddModelError(nameof(ChildName), "Не длиннее 200 символов.");
                if (ChildBirthDate is { } born && (born > time.Today() || born < time.Today().AddYears(-30)))
                    ModelState.AddModelError(nameof(ChildBirthDate), "Проверьте дату рождения.");
                else if (ChildBirthDate is null && ModelState.GetFieldValidationState(nameof(ChildBirthDate)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                    ModelState.AddModelError(nameof(ChildBirthDate), "Укажите дату рождения ребёнка.");
                birthDate = ChildBirthDate;
                break;
            case { } id when int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                // Only one of the account's own children: anyone else's is not found.
                if (Children.FirstOrDefault(c => c.Id == number) is not { } child)
                    return NotFound();
                (childId, childName, birthDate) = (child.Id, child.FullName, child.BirthDate);
                break;
            default:
                ModelState.AddModelError(nameof(Child), "Выберите, кому не выдали логин.");
                break;
        }

        if (OrganisationId is null)
            ModelState.AddModelError("organisation", "Выберите организацию.");
        else if (!Organisations.Any(o => o.Id == OrganisationId))
            ModelState.AddModelError("organisation", $"Эта организация не в муниципалитете «{MunicipalityName}» или не выдаёт логины. Выберите организацию из списка.");

        if (ClassName?.Trim().Length > Complaint.MaxClass)
            ModelState.AddModelError(nameof(ClassName), "Не длиннее 50 символов.");
        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text))
            ModelState.AddModelError(nameof(Text), "Опишите, что случилось.");
        else if (text.Length > Complaint.MaxText)
            ModelState.AddModelError(nameof(Text), $"Текст не длиннее {Complaint.MaxText} символов, сейчас {text.Length}.");

        var phone = ContactFormats.RussianMobile(Phone);
        var email = ContactFormats.Email(Email);
        if (!string.IsNullOrWhiteSpace(Phone) && phone is null)
            ModelState.AddModelError(nameof(Phone), "Укажите мобильный номер, например +7 913 123-45-67.");
        if (!string.IsNullOrWhiteSpace(Email) && email is null)
            ModelState.AddModelError(nameof(Email), "Укажите адрес электронной почты, например ivanova@mail.ru.");
        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email))
            ModelState.AddModelError(nameof(Phone), "Укажите телефон или электронную почту: по ним с вами свяжутся.");

        if (!ModelState.IsValid)
            return Page();

        var now = time.GetUtcNow().UtcDateTime;
        var accountId = KabinetClaims.AccountIdOf(User);
        var complaint = new Complaint
        {
            AuthorAccountId = accountId,
            AuthorPersonId = personId,
            MunicipalityId = MunicipalityId!.Value,
            OrganisationId = OrganisationId!.Value,
            ChildPersonId = childId,
            ChildName = childName ?? "",
            ChildBirthDate = birthDate,
            ClassName = string.IsNullOrWhiteSpace(ClassName) ? null : ClassName.Trim(),
            Text = text!,
            Phone = phone,
            Email = email,
            CreatedAt = now,
        };
        complaint.Filed(now);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct); // the number comes from the database
        var admins = await accounts.AccountsOfPeopleAsync(await accounts.OrganisationAdminPeopleAsync(complaint.OrganisationId, ct), ct);
        await notifications.NotifyManyAsync([.. admins.Values.Distinct().Select(admin => new NotificationRequest(admin, NotificationKinds.Complaint,
            $"Новая жалоба {complaint.Number}: не выдали логин",
            $"{complaint.ChildName}{(complaint.ClassName is null ? "" : $", {complaint.ClassName}")}: {Shorten(complaint.Text)}",
            $"/applications/org/{complaint.OrganisationId}/complaints/{complaint.Id}"))], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        TempData["Status"] = $"Жалоба {complaint.Number} подана. Организация и управление образования увидят её; ответ придёт в уведомления.";
        return Redirect($"/applications/complaints/{complaint.Id}");
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");

    private async Task LoadAsync(CancellationToken ct)
    {
        Municipalities = await institutions.MunicipalitiesAsync(ct);
        Children = await families.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct);
        if (ShowForm)
            Organisations = await institutions.OrganisationsInAsync(MunicipalityId!.Value, IssuingKinds, ct);
    }
}
