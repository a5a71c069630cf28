using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.AdditionalEducation.Catalogue;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.AdditionalEducation.Enrolments;

namespace Kabinet.Web.Data.Seed;

/// <summary>
/// ПФДО for the demo: ten programmes of the Кемерово additional-education centre over the six directions and the
/// three fundings, this year's certificate nominal in Кемерово, and a certificate of the demo pupil (issued by the
/// operator, already paying for one programme, so it is «персонифицированного финансирования» with a ledger).
/// </summary>
internal static class AdditionalEducationDemo
{
    public const long Nominal = 12_000_00;

    public static async Task AddAsync(KabinetDbContext db, GeneratedRegion region, TimeProvider time, CancellationToken ct)
    {
        var cast = region.Cast;
        var now = time.GetUtcNow().UtcDateTime;
        var year = time.Today().Year;
        (string Name, Direction Direction, int From, int To, Funding Funding, long Price, int Places, string Schedule, string Text)[] catalogue =
        [
            ("Робототехника: первые шаги", Direction.Technical, 7, 12, Funding.Certificate, 6_000_00, 12, "вт, чт 16:00–17:30", "Собираем и программируем роботов из конструкторов; к концу года — участие в городских соревнованиях."),
            ("3D-моделирование и печать", Direction.Technical, 11, 17, Funding.Certificate, 8_400_00, 10, "пн, ср 17:00–18:30", "Проектируем детали в свободном редакторе и печатаем их на 3D-принтере."),
            ("Юный эколог", Direction.NaturalScience, 8, 13, Funding.Free, 0, 15, "сб 11:00–12:30", "Наблюдения в природе, опыты с водой и почвой, экологические акции в парке."),
            ("Химия вокруг нас", Direction.NaturalScience, 12, 17, Funding.Certificate, 5_200_00, 12, "пт 16:00–17:30", "Занимательные опыты в лаборатории и подготовка к олимпиадам."),
            ("Самбо", Direction.Sports, 7, 17, Funding.Free, 0, 20, "пн, ср, пт 18:00–19:30", "Тренировки по самбо для мальчиков и девочек, соревнования и сдача нормативов."),
            ("Шахматы", Direction.Sports, 5, 17, Funding.Paid, 9_000_00, 16, "вт, чт 15:00–16:30", "От первых ходов до турнирной практики; оплата по договору с учреждением."),
            ("Изостудия «Палитра»", Direction.Arts, 5, 12, Funding.Certificate, 4_800_00, 14, "ср, сб 10:00–11:30", "Рисунок, живопись, декоративно-прикладное творчество."),
            ("Вокальная студия", Direction.Arts, 7, 17, Funding.Paid, 12_000_00, 10, "пн, чт 17:00–18:00", "Постановка голоса, эстрадный вокал, выступления на концертах."),
            ("Юные краеведы Кузбасса", Direction.Tourism, 10, 17, Funding.Free, 0, 18, "сб 12:00–14:00, походы по воскресеньям", "История и природа родного края, походы выходного дня и экскурсии по Кемерову."),
            ("Школа волонтёра", Direction.Social, 12, 17, Funding.Certificate, 3_600_00, 20, "чт 17:00–18:30", "Как помогать людям и городу: проекты, акции, встречи с некоммерческими организациями."),
        ];
        var programmes = catalogue.Select(c =>
        {
            var programme = new Programme
            {
                OrganisationId = cast.AdditionalEducationId, MunicipalityId = cast.KemerovoId, Direction = c.Direction, AgeFrom = c.From, AgeTo = c.To,
                Funding = c.Funding, PriceKopecks = c.Price, Places = c.Places, Schedule = c.Schedule,
            };
            programme.Describe(c.Name, c.Text);
            return programme;
        }).ToList();
        db.Programmes.AddRange(programmes);
        db.CertificateNominals.Add(new CertificateNominal { MunicipalityId = cast.KemerovoId, Year = year, AmountKopecks = Nominal, SetAt = now.AddDays(-60), SetByAccountId = 0 });
        await db.SaveChangesAsync(ct);

        // The demo pupil's certificate, applied for by the parent a month ago and issued by the operator.
        var student = region.People.First(p => p.Id == cast.StudentPersonId);
        var applied = now.AddDays(-30);
        var application = new CertificateApplication
        {
            ChildPersonId = student.Id, ChildBirthDate = student.BirthDate!.Value, ApplicantPersonId = cast.ParentPersonId, SubmittedByAccountId = 0,
            MunicipalityId = cast.KemerovoId, ResidenceAddress = "г. Кемерово, пр-т Советский, д. 12, кв. 34", SubmittedAt = applied,
        };
        application.Submit(applied);
        application.TryMove(CertificateApplicationStatus.UnderReview, null, null, applied.AddDays(1));
        application.TryMove(CertificateApplicationStatus.Issued, null, null, applied.AddDays(2));
        db.CertificateApplications.Add(application);
        await db.SaveChangesAsync(ct);

        var robotics = programmes[0];
        var certificate = new Certificate
        {
            Number = Certificate.NumberFor(cast.KemerovoId, application.Id), ChildPersonId = student.Id, MunicipalityId = cast.KemerovoId,
            ApplicationId = application.Id, Kind = CertificateKind.Funded, IssuedAt = applied.AddDays(2), ValidUntil = student.BirthDate!.Value.AddYears(CertificateApplication.MaxAge),
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        db.CertificateBalances.Add(new CertificateBalance { CertificateId = certificate.Id, Year = year, StartKopecks = Nominal, BalanceKopecks = Nominal - robotics.PriceKopecks });
        var enrolled = applied.AddDays(5);
        var enrolment = new ProgrammeEnrolment
        {
            ProgrammeId = robotics.Id, OrganisationId = robotics.OrganisationId, ChildPersonId = student.Id, SubmittedByAccountId = 0,
            CertificateId = certificate.Id, Year = year, AmountKopecks = robotics.PriceKopecks, SubmittedAt = enrolled,
        };
        enrolment.Submit(enrolled);
        enrolment.TryMove(EnrolmentStatus.Enrolled, null, null, enrolled.AddDays(2));
        robotics.Taken = 1;
        db.ProgrammeEnrolments.Add(enrolment);
        await db.SaveChangesAsync(ct);
        db.CertificateLedger.Add(new LedgerEntry
        {
            CertificateId = certificate.Id, Year = year, EnrolmentId = enrolment.Id, AmountKopecks = -robotics.PriceKopecks, BalanceAfterKopecks = Nominal - robotics.PriceKopecks,
            At = enrolled, Text = $"Оплата программы «{robotics.Name}» на {year} год",
        });
        await db.SaveChangesAsync(ct);
    }
}
