namespace Kabinet.Web.Features.Kindergarten.Queue;

/// <summary>
/// The initial list of legal grounds for a place out of turn or first (domain-rules §1.4). Regional
/// administrators maintain the list afterwards; a sibling already attending a kindergarten (the preferential
/// right, ч.3.1 ст.67 273-ФЗ) is marked on the chosen kindergarten itself and needs no ground here.
/// </summary>
public static class BenefitGroundList
{
    public static readonly BenefitGround[] Initial =
    [
        new() { Id = 1, Kind = BenefitKind.OutOfTurn, Title = "Дети граждан, подвергшихся воздействию радиации вследствие катастрофы на Чернобыльской АЭС", LegalBasis = "п. 12 ст. 14, п. 12 ст. 17 Закона РФ от 15.05.1991 № 1244-1" },
        new() { Id = 2, Kind = BenefitKind.OutOfTurn, Title = "Дети граждан из подразделений особого риска", LegalBasis = "Постановление Верховного Совета РФ от 27.12.1991 № 2123-1" },
        new() { Id = 3, Kind = BenefitKind.OutOfTurn, Title = "Дети прокуроров", LegalBasis = "п. 5 ст. 44 Федерального закона от 17.01.1992 № 2202-1 «О прокуратуре Российской Федерации»" },
        new() { Id = 4, Kind = BenefitKind.OutOfTurn, Title = "Дети судей", LegalBasis = "п. 3 ст. 19 Закона РФ от 26.06.1992 № 3132-1 «О статусе судей в Российской Федерации»" },
        new() { Id = 5, Kind = BenefitKind.OutOfTurn, Title = "Дети сотрудников Следственного комитета Российской Федерации", LegalBasis = "ч. 25 ст. 35 Федерального закона от 28.12.2010 № 403-ФЗ «О Следственном комитете Российской Федерации»" },
        new() { Id = 6, Kind = BenefitKind.OutOfTurn, Title = "Дети военнослужащих, сотрудников Росгвардии и добровольцев, погибших (умерших) при выполнении задач в ходе специальной военной операции", LegalBasis = "п. 8 ст. 24 Федерального закона от 27.05.1998 № 76-ФЗ; ст. 28.1 Федерального закона от 03.07.2016 № 226-ФЗ (в ред. Федерального закона от 24.06.2023 № 281-ФЗ)" },
        new() { Id = 7, Kind = BenefitKind.FirstPriority, Title = "Дети военнослужащих (в том числе членов добровольческих формирований), по месту жительства семьи", LegalBasis = "абз. 2 п. 6 ст. 19 Федерального закона от 27.05.1998 № 76-ФЗ «О статусе военнослужащих» (в ред. Федерального закона от 24.06.2023 № 281-ФЗ)" },
        new() { Id = 8, Kind = BenefitKind.FirstPriority, Title = "Дети сотрудников полиции, в том числе погибших или уволенных вследствие увечья, и находившиеся на их иждивении", LegalBasis = "ч. 6 ст. 46 Федерального закона от 07.02.2011 № 3-ФЗ «О полиции»" },
        new() { Id = 9, Kind = BenefitKind.FirstPriority, Title = "Дети сотрудников органов внутренних дел, не являющихся сотрудниками полиции", LegalBasis = "ч. 6 ст. 46, ч. 2 ст. 56 Федерального закона от 07.02.2011 № 3-ФЗ «О полиции»" },
        new() { Id = 10, Kind = BenefitKind.FirstPriority, Title = "Дети сотрудников уголовно-исполнительной системы, федеральной противопожарной службы, органов принудительного исполнения, таможенных органов", LegalBasis = "ч. 14 ст. 3 Федерального закона от 30.12.2012 № 283-ФЗ" },
        new() { Id = 11, Kind = BenefitKind.FirstPriority, Title = "Дети-инвалиды и дети, один из родителей которых является инвалидом", LegalBasis = "Указ Президента РФ от 02.10.1992 № 1157" },
        new() { Id = 12, Kind = BenefitKind.FirstPriority, Title = "Дети из многодетных семей", LegalBasis = "Закон Кемеровской области от 10.10.2005 № 123-ОЗ «О мерах социальной поддержки многодетных семей»" },
        new() { Id = 13, Kind = BenefitKind.FirstPriority, Title = "Дети из приёмных семей, в которых воспитываются трое и более детей", LegalBasis = "Закон Кемеровской области от 16.03.2001 № 26-ОЗ" },
    ];
}
