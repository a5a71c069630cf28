using Kabinet.Web.Features.AdditionalEducation.Catalogue;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kabinet.Web.Features.AdditionalEducation.Org;

/// <summary>The fields of a programme as the organisation's administrator fills them in (create and edit).</summary>
public sealed class ProgrammeForm
{
    public const int MinAge = 3;
    public const int MaxAge = 18;

    public string? Name { get; set; }

    public Direction? Direction { get; set; }

    public int? AgeFrom { get; set; }

    public int? AgeTo { get; set; }

    public Funding? Funding { get; set; }

    public string? Price { get; set; }

    public int? Places { get; set; }

    public string? Schedule { get; set; }

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Checks the form; errors go next to the fields (prefix «Form.»). <paramref name="taken"/>: places already held.</summary>
    public bool Check(ModelStateDictionary state, int taken)
    {
        if (string.IsNullOrWhiteSpace(Name))
            state.AddModelError("Form.Name", "Укажите название программы.");
        else if (Name.Trim().Length > Programme.MaxNameLength)
            state.AddModelError("Form.Name", $"Название — не длиннее {Programme.MaxNameLength} символов.");
        if (Direction is null)
            state.AddModelError("Form.Direction", "Выберите направленность.");
        if (AgeFrom is not { } from || from is < MinAge or > MaxAge)
            state.AddModelError("Form.AgeFrom", $"Укажите возраст от {MinAge} до {MaxAge} лет.");
        if (AgeTo is not { } to || to is < MinAge or > MaxAge)
            state.AddModelError("Form.AgeTo", $"Укажите возраст от {MinAge} до {MaxAge} лет.");
        else if (AgeFrom is { } f && to < f)
            state.AddModelError("Form.AgeTo", "Возраст «до» не может быть меньше возраста «от».");
        if (Funding is null)
            state.AddModelError("Form.Funding", "Выберите, кто оплачивает обучение.");
        else if (Funding != Catalogue.Funding.Free && (Money.Parse(Price) is not { } price || price <= 0))
            state.AddModelError("Form.Price", "Укажите стоимость за год больше нуля, например 12000 или 12000,50.");
        if (Places is not { } places || places < 0)
            state.AddModelError("Form.Places", "Число мест не может быть отрицательным.");
        else if (places < taken)
            state.AddModelError("Form.Places", $"Мест не может быть меньше, чем уже записано детей ({taken}).");
        if ((Description?.Length ?? 0) > Programme.MaxTextLength)
            state.AddModelError("Form.Description", $"Описание — не длиннее {Programme.MaxTextLength} символов.");
        if ((Schedule?.Length ?? 0) > 500)
            state.AddModelError("Form.Schedule", "Расписание — не длиннее 500 символов.");
        return state.IsValid;
    }

    public void ApplyTo(Programme programme)
    {
        programme.Describe(Name!, Description ?? "");
        programme.Direction = Direction!.Value;
        programme.AgeFrom = AgeFrom!.Value;
        programme.AgeTo = AgeTo!.Value;
        programme.Funding = Funding!.Value;
        programme.PriceKopecks = Funding == Catalogue.Funding.Free ? 0 : Money.Parse(Price)!.Value;
        programme.Places = Places!.Value;
        programme.Schedule = Schedule?.Trim() ?? "";
        programme.IsActive = IsActive;
    }

    public static ProgrammeForm Of(Programme p) => new()
    {
        Name = p.Name, Direction = p.Direction, AgeFrom = p.AgeFrom, AgeTo = p.AgeTo, Funding = p.Funding,
        Price = p.PriceKopecks == 0 ? null : Money.Input(p.PriceKopecks), Places = p.Places, Schedule = p.Schedule, Description = p.Description, IsActive = p.IsActive,
    };
}
