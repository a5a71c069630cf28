namespace Kabinet.Web.Features.Accounts;

/// <summary>A consent a person gave (152-ФЗ ст. 9): to which text version, when, from where. Kept for as long as the account exists.</summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public int AccountId { get; set; }

    public required string Kind { get; set; }

    public required string TextVersion { get; set; }

    public DateTime GivenAt { get; set; }

    public string? IpAddress { get; set; }

    public DateTime? WithdrawnAt { get; set; }
}

/// <summary>The consent texts people agree to. A changed text gets a new version; old versions stay here, since records point to them.</summary>
public static class ConsentTexts
{
    public const string PersonalDataKind = "personal-data";

    public const string PersonalDataVersion = "2026-11-29";

    public const string PersonalDataTitle = "Согласие на обработку персональных данных";

    /// <summary>The current text, paragraph by paragraph.</summary>
    public static readonly string[] PersonalData =
    [
        "Я, заполняя форму регистрации на портале «Kabinet», в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в своём интересе даю согласие оператору портала на обработку моих персональных данных: фамилии, имени, отчества, номера мобильного телефона, адреса электронной почты, а также данных, которые я внесу в профиль позднее.",
        "Цель обработки — предоставление мне доступа к сервисам портала: электронному дневнику, заявлениям в образовательные организации, очереди в детский сад, сообщениям и уведомлениям, а также связь со мной по вопросам этих сервисов.",
        "Согласие даётся на сбор, запись, систематизацию, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передачу (предоставление, доступ) образовательным организациям и органам управления образованием, обезличивание, блокирование, удаление и уничтожение персональных данных, с использованием средств автоматизации и без них.",
        "Согласие действует до его отзыва. Я могу отозвать согласие, направив заявление оператору портала; после отзыва обработка прекращается, кроме случаев, когда она обязательна по закону.",
    ];
}
