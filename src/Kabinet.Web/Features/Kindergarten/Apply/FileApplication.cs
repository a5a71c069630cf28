using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Apply;

/// <summary>A problem with the form, for the field it belongs to («DesiredDate», «Kindergartens», …).</summary>
public sealed record FormProblem(string Field, string Message);

/// <summary>
/// Files an application for a child of the parent, or saves changes to one. The registration time is set
/// once; a change of kindergartens, dates or group keeps it, and a changed benefit waits for confirmation again.
/// </summary>
public sealed class FileApplication(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, ApplicationStatusService statuses, TimeProvider time)
{
    /// <summary>The oldest a child may be on the desired date: applications are archived at seven.</summary>
    public const int MaxAgeYears = 7;

    /// <summary>The youngest: младенческий возраст starts at two months.</summary>
    public const int MinAgeMonths = 2;

    public sealed record Result(int? ApplicationId, IReadOnlyList<FormProblem> Problems);

    public async Task<Result> FileAsync(int applicantPersonId, int accountId, int childId, int municipalityId, ApplicationForm form, CancellationToken ct)
    {
        var child = (await families.ChildrenOfAsync(applicantPersonId, ct)).FirstOrDefault(c => c.Id == childId);
        if (child is null)
            return Fail("ChildId", "Выберите ребёнка из своего кабинета.");
        if (child.BirthDate is not { } born)
            return Fail("ChildId", "Укажите дату рождения ребёнка в его данных, затем подайте заявление.");
        var now = time.GetUtcNow().UtcDateTime;
        var problems = await CheckAsync(form, born, municipalityId, currentGroundId: null, ct);
        if (!form.Consent)
            problems.Add(new FormProblem(nameof(form.Consent), "Подтвердите согласие на обработку персональных данных."));
        if (problems.Count > 0)
            return new Result(null, problems);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync($"kindergarten-child:{childId}", ct);
        if (await db.QueueApplications.AnyAsync(a => a.ChildPersonId == childId && a.Status != ApplicationStatus.Refused && a.Status != ApplicationStatus.Archived, ct))
            return Fail("ChildId", "У ребёнка уже есть действующее заявление. Измените его — дата постановки на учёт сохранится.");

        var application = new QueueApplication
        {
            ChildPersonId = childId,
            ChildBirthDate = born,
            ApplicantPersonId = applicantPersonId,
            SubmittedByAccountId = accountId,
            MunicipalityId = municipalityId,
            RegisteredAt = now,
            StatusChangedAt = now,
        };
        Apply(application, form, now);
        application.History.Add(new StatusChange { From = ApplicationStatus.New, To = ApplicationStatus.New, At = now, ByAccountId = accountId, Comment = "Заявление подано через портал" });
        db.QueueApplications.Add(application);
        await db.SaveChangesAsync(ct);
        await statuses.NotifyAsync(application, $"Заявление № {application.Id} зарегистрировано",
            $"Заявление зарегистрировано {RegionTime.Display(now)}. Управление образования рассмотрит его в течение 7 дней; после этого в заявлении появится место в очереди.", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(application.Id, []);
    }

    public async Task<Result> ChangeAsync(QueueApplication application, int accountId, ApplicationForm form, CancellationToken ct)
    {
        if (!Editable(application.Status))
            return Fail("", $"Заявление в статусе «{application.Status.Title()}» изменить нельзя.");
        var now = time.GetUtcNow().UtcDateTime;
        var problems = await CheckAsync(form, application.ChildBirthDate, application.MunicipalityId, application.BenefitGroundId, ct);
        if (problems.Count > 0)
            return new Result(null, problems);

        var benefitBefore = (application.Benefit, application.BenefitGroundId);
        Apply(application, form, now);
        if ((application.Benefit, application.BenefitGroundId) != benefitBefore)
            application.History.Add(new StatusChange { From = application.Status, To = application.Status, At = now, ByAccountId = accountId, Comment = "Изменена льгота: она снова ожидает подтверждения" });
        application.History.Add(new StatusChange { From = application.Status, To = application.Status, At = now, ByAccountId = accountId, Comment = "Заявление изменено родителем; дата постановки на учёт сохранена" });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Fail("", "Заявление только что изменилось. Откройте его заново и повторите.");
        }

        return new Result(application.Id, []);
    }

    public static bool Editable(ApplicationStatus status) => status is ApplicationStatus.New or ApplicationStatus.UnderReview
        or ApplicationStatus.DocumentsCheck or ApplicationStatus.Waiting or ApplicationStatus.WantsChange or ApplicationStatus.NoShow;

    private void Apply(QueueApplication application, ApplicationForm form, DateTime now)
    {
        application.Want(form.DesiredDate!.Value);
        application.Focus = form.Focus;
        application.Need = form.Focus == GroupFocus.Compensating ? form.Need : null;
        application.Mode = form.Mode;
        application.Language = form.Language;
        application.AdaptedProgramme = form.AdaptedProgramme;
        if (application.Benefit != form.Benefit || application.BenefitGroundId != form.BenefitGroundId)
        {
            application.Benefit = form.Benefit;
            application.BenefitGroundId = form.Benefit == BenefitKind.None ? null : form.BenefitGroundId;
            application.BenefitStatus = form.Benefit == BenefitKind.None ? BenefitStatus.None : BenefitStatus.Claimed;
            application.BenefitDecidedAt = null;
        }

        var choices = form.Choices();
        db.ApplicationChoices.RemoveRange(application.Choices);
        application.Choices.Clear();
        for (var i = 0; i < choices.Count; i++)
        {
            application.Choices.Add(new ApplicationChoice
            {
                Priority = i + 1, OrganisationId = choices[i].OrganisationId, SiblingAttends = choices[i].Sibling, SiblingName = choices[i].SiblingName,
            });
        }

        application.Touch(now);
    }

    private async Task<List<FormProblem>> CheckAsync(ApplicationForm form, DateOnly born, int municipalityId, int? currentGroundId, CancellationToken ct)
    {
        var problems = new List<FormProblem>();
        var today = time.Today();
        if (form.DesiredDate is not { } desired)
            problems.Add(new FormProblem(nameof(form.DesiredDate), "Укажите желаемую дату зачисления."));
        else if (desired < today)
            problems.Add(new FormProblem(nameof(form.DesiredDate), "Желаемая дата зачисления не может быть в прошлом."));
        else if (QueueApplication.AgeOn(born, desired) >= MaxAgeYears)
            problems.Add(new FormProblem(nameof(form.DesiredDate), $"К этой дате ребёнку исполнится {MaxAgeYears} лет: в детский сад ставят на учёт детей до 7 лет."));
        else if (born.AddMonths(MinAgeMonths) > desired)
            problems.Add(new FormProblem(nameof(form.DesiredDate), "К желаемой дате ребёнку должно исполниться хотя бы 2 месяца."));

        var choices = form.Choices();
        if (choices.Count == 0)
            problems.Add(new FormProblem(nameof(form.Kindergartens), "Выберите хотя бы один детский сад."));
        else if (choices.Count > QueueApplication.MaxChoices || form.Kindergartens.Count > QueueApplication.MaxChoices)
            problems.Add(new FormProblem(nameof(form.Kindergartens), $"Можно выбрать не больше {QueueApplication.MaxChoices} детских садов."));
        else if (choices.Select(c => c.OrganisationId).Distinct().Count() != choices.Count)
            problems.Add(new FormProblem(nameof(form.Kindergartens), "Каждый детский сад можно выбрать один раз."));
        else
        {
            var ids = choices.Select(c => c.OrganisationId).ToList();
            var municipalities = await institutions.KindergartenMunicipalitiesAsync(ids, ct);
            if (ids.Any(id => !municipalities.TryGetValue(id, out var m) || m != municipalityId))
            {
                problems.Add(new FormProblem(nameof(form.Kindergartens), "Выберите детские сады из списка вашего муниципалитета."));
            }
            else if (form.DesiredDate is { } wanted)
            {
                var ageMonths = ((wanted.Year - born.Year) * 12) + wanted.Month - born.Month - (wanted.Day < born.Day ? 1 : 0);
                var groups = await institutions.KindergartenGroupsAsync(ids, ct);
                var names = (await institutions.NamesAsync(ids, [], ct)).Organisations;
                foreach (var id in ids.Where(id => !groups.Any(g => g.OrganisationId == id && g.Takes(ageMonths))))
                    problems.Add(new FormProblem(nameof(form.Kindergartens), $"В «{names.GetValueOrDefault(id)}» нет групп для ребёнка этого возраста на желаемую дату."));
            }

            if (choices.Any(c => c.SiblingName?.Length > 200))
                problems.Add(new FormProblem(nameof(form.Kindergartens), "Имя брата или сестры — не длиннее 200 символов."));
        }

        if (form.Focus == GroupFocus.Compensating && (form.Need is null || !ApplicationForm.Needs.Contains(form.Need)))
            problems.Add(new FormProblem(nameof(form.Need), "Для компенсирующей группы выберите вид нарушения (по заключению ПМПК)."));
        if (!ApplicationForm.Languages.Contains(form.Language))
            problems.Add(new FormProblem(nameof(form.Language), "Выберите язык образования из списка."));
        if (!Enum.IsDefined(form.Focus))
            problems.Add(new FormProblem(nameof(form.Focus), "Выберите направленность группы."));
        if (!Enum.IsDefined(form.Mode))
            problems.Add(new FormProblem(nameof(form.Mode), "Выберите режим пребывания."));
        // The ground decides the kind of right: the parent picks one line from the regional list.
        form.Benefit = BenefitKind.None;
        if (form.BenefitGroundId is { } groundId)
        {
            var ground = await db.BenefitGrounds.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groundId, ct);
            if (ground is null || (!ground.Active && groundId != currentGroundId))
                problems.Add(new FormProblem(nameof(form.BenefitGroundId), "Выберите основание льготы из списка."));
            else
                form.Benefit = ground.Kind;
        }

        return problems;
    }

    private static Result Fail(string field, string message) => new(null, [new FormProblem(field, message)]);
}
