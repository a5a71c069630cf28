using System.ComponentModel.DataAnnotations;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Families.Children;

/// <summary>«Добавить ребёнка»: the child's name, date of birth, birth document and the parent's relation to the child.</summary>
public sealed class AddModel(AddChild addChild, TimeProvider time) : PageModel
{
    private const string NamePattern = Names.Pattern;

    [BindProperty, Required(ErrorMessage = "Введите фамилию ребёнка."), StringLength(100, ErrorMessage = "Не длиннее 100 символов.")]
    [RegularExpression(NamePattern, ErrorMessage = "Фамилия может содержать только буквы, пробел, дефис и апостроф.")]
    public string LastName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Введите имя ребёнка."), StringLength(100, ErrorMessage = "Не длиннее 100 символов.")]
    [RegularExpression(NamePattern, ErrorMessage = "Имя может содержать только буквы, пробел, дефис и апостроф.")]
    public string FirstName { get; set; } = "";

    [BindProperty, StringLength(100, ErrorMessage = "Не длиннее 100 символов.")]
    [RegularExpression(NamePattern, ErrorMessage = "Отчество может содержать только буквы, пробел, дефис и апостроф.")]
    public string? MiddleName { get; set; }

    [BindProperty, Required(ErrorMessage = "Укажите дату рождения.")]
    public DateOnly? BirthDate { get; set; }

    [BindProperty, Required(ErrorMessage = "Укажите пол ребёнка.")]
    public Sex? Sex { get; set; }

    [BindProperty, Required(ErrorMessage = "Укажите, кем вы приходитесь ребёнку.")]
    public FamilyRelation? Relation { get; set; }

    [BindProperty, Required(ErrorMessage = "Выберите документ.")]
    public DocumentKind? DocumentKind { get; set; } = Families.DocumentKind.BirthCertificate;

    [BindProperty, StringLength(20, ErrorMessage = "Не длиннее 20 символов.")]
    public string? DocumentSeries { get; set; }

    [BindProperty, StringLength(30, ErrorMessage = "Не длиннее 30 символов.")]
    public string? DocumentNumber { get; set; }

    [BindProperty, StringLength(20, ErrorMessage = "СНИЛС — 11 цифр.")]
    public string? Snils { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (BirthDate is { } born && (born > today || born < today.AddYears(-18)))
            ModelState.AddModelError(nameof(BirthDate), born > today ? "Дата рождения не может быть в будущем." : "Ребёнку должно быть меньше 18 лет.");

        (string Series, string Number)? document = null;
        if (DocumentKind is { } kind)
        {
            document = Documents.Normalize(kind, DocumentSeries, DocumentNumber, out var seriesError, out var numberError);
            if (seriesError is not null)
                ModelState.AddModelError(nameof(DocumentSeries), seriesError);
            if (numberError is not null)
                ModelState.AddModelError(nameof(DocumentNumber), numberError);
        }

        string? snils = null;
        if (!string.IsNullOrWhiteSpace(Snils))
        {
            snils = Documents.NormalizeSnils(Snils, out var snilsError);
            if (snilsError is not null)
                ModelState.AddModelError(nameof(Snils), snilsError);
        }

        if (!ModelState.IsValid)
            return Page();

        var input = new ChildInput(
            Names.Capitalize(LastName), Names.Capitalize(FirstName), string.IsNullOrWhiteSpace(MiddleName) ? null : Names.Capitalize(MiddleName),
            BirthDate!.Value, Sex!.Value, Relation!.Value, DocumentKind!.Value, document!.Value.Series, document.Value.Number, snils);
        var result = await addChild.HandleAsync(KabinetClaims.PersonIdOf(User), KabinetClaims.AccountIdOf(User), input, ct);
        var added = input.Sex == Families.Sex.Female ? "добавлена" : "добавлен";
        // Where a child studies is shown only once the link exists: a name and a birth date must not reveal a child's school.
        TempData["Status"] = result.Outcome switch
        {
            AddChildOutcome.Linked => $"{input.FirstName} {added} в ваш кабинет{(result.OrganisationName is null ? "" : $": учится в {result.OrganisationName}")}.",
            AddChildOutcome.SentForConfirmation or AddChildOutcome.AlreadyRequested =>
                "Запрос отправлен. Если ребёнок учится в организации региона, она проверит данные и подтвердит связь — тогда ребёнок появится в кабинете.",
            AddChildOutcome.AlreadyAdded => "Этот ребёнок уже есть в вашем кабинете.",
            _ => $"{input.FirstName} {added} в ваш кабинет.",
        };
        return RedirectToPage("/Families/Children/Index");
    }
}
