using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;

namespace Kabinet.Web.Data.Seed;

/// <summary>
/// Kindergarten applications: every child in a group was once in the queue (now archived after enrollment),
/// every preschool child at home is waiting or being reviewed, with benefits, siblings and a status history.
/// A separate random stream keeps the rest of the region the same as before applications existed.
/// </summary>
internal sealed partial class RegionGenerator
{
    private readonly Random _queueRandom;
    private ChildSlot? _demoToddler;

    private void AddQueueApplications()
    {
        var random = _queueRandom;
        var guardianOf = _region.FamilyLinks.GroupBy(l => l.ChildId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Relation).First().GuardianId);
        var kindergartensOf = _region.Organisations.Where(o => o.Kind == OrganisationKind.Kindergarten)
            .GroupBy(o => o.MunicipalityId).ToDictionary(g => g.Key, g => g.Select(o => o.Id).ToArray());
        var groupOrganisation = _region.KindergartenGroups.ToDictionary(g => g.Id, g => g.OrganisationId);
        var organisationMunicipality = _region.Organisations.ToDictionary(o => o.Id, o => o.MunicipalityId);
        var reference = RegionTime.ToUtc(_referenceDay.ToDateTime(new TimeOnly(10, 0)));

        // Children in groups: filed, queued, referred, enrolled, then taken off the register.
        foreach (var placement in _region.KindergartenPlacements)
        {
            var person = _region.People[placement.PersonId - 1];
            var organisation = groupOrganisation[placement.KindergartenGroupId];
            var enrolled = RegionTime.ToUtc(placement.Since.ToDateTime(new TimeOnly(9, 0))).AddDays(-random.Next(0, 60));
            var registered = RegisteredAt(random, person.BirthDate!.Value, enrolled.AddDays(-30));
            var application = NewApplication(person, guardianOf, organisationMunicipality[organisation], registered);
            application.Want(DateOnly.FromDateTime(enrolled));
            AddChoices(random, application, organisation, kindergartensOf[organisationMunicipality[organisation]], sibling: false);
            var queued = registered.AddDays(random.Next(1, 8));
            var referred = enrolled.AddDays(-random.Next(15, 40));
            Move(application, ApplicationStatus.UnderReview, registered.AddDays(1));
            Move(application, ApplicationStatus.Waiting, queued < referred ? queued : referred.AddDays(-1));
            Move(application, ApplicationStatus.Referred, referred);
            Move(application, ApplicationStatus.Enrolled, enrolled);
            Move(application, ApplicationStatus.Archived, enrolled.AddDays(3), "Снят с учёта после приказа о зачислении");
        }

        // Children at home: in the queue or on the way to it.
        var waiting = _childrenByMunicipality
            .SelectMany(m => m.Value.Where(c => c.KindergartenGroupId is null && c.ClassGroupId is null && c.Person is not null).Select(c => (Municipality: m.Key, Slot: c)))
            .ToList();
        if (_demoToddler is { } toddler)
            waiting.Insert(0, (Municipality: 1, Slot: toddler));
        foreach (var (municipality, slot) in waiting)
        {
            var born = slot.BirthDate;
            var ageMonths = ((_referenceDay.Year - born.Year) * 12) + _referenceDay.Month - born.Month;
            if (ageMonths < 2 || ageMonths >= 84 || !kindergartensOf.TryGetValue(municipality, out var gardens))
                continue;
            var isDemo = ReferenceEquals(slot, _demoToddler);
            var registered = RegisteredAt(random, born, reference.AddDays(-1));
            var application = NewApplication(slot.Person!, guardianOf, municipality, registered);
            var desiredYear = ageMonths >= 36 ? _referenceDay.Year
                : random.Next(2) == 0 ? _referenceDay.Year + 1
                : born.Year + 3 + (born.Month >= 9 ? 1 : 0);
            application.Want(new DateOnly(Math.Max(desiredYear, _referenceDay.Year), 9, 1));
            var first = isDemo ? _region.Cast.KindergartenId : gardens[random.Next(gardens.Length)];
            AddChoices(random, application, first, gardens, sibling: isDemo || random.Next(100) < 7);

            var benefitRoll = isDemo ? 100 : random.Next(100);
            var review = registered.AddDays(random.Next(1, 6));
            var roll = isDemo ? 99 : random.Next(100);
            if (roll < 7)
                continue; // Новое: not reviewed yet (some of them for longer than the processing time)
            Move(application, ApplicationStatus.UnderReview, review);
            if (roll < 11)
                continue;
            if (roll < 15)
            {
                Move(application, ApplicationStatus.DocumentsCheck, review.AddDays(1), "Принесите оригинал документа, подтверждающего льготу");
                continue;
            }

            var queued = review.AddDays(random.Next(1, 4));
            Move(application, ApplicationStatus.Waiting, queued);
            (application.Benefit, application.BenefitGroundId, application.BenefitStatus) = benefitRoll switch
            {
                < 3 => (BenefitKind.OutOfTurn, random.Next(1, 7), BenefitStatus.Confirmed),
                < 15 => (BenefitKind.FirstPriority, random.Next(7, 14), BenefitStatus.Confirmed),
                < 18 => (BenefitKind.FirstPriority, random.Next(7, 14), BenefitStatus.Claimed),
                _ => (BenefitKind.None, (int?)null, BenefitStatus.None),
            };
            if (application.BenefitStatus == BenefitStatus.Confirmed)
                application.BenefitDecidedAt = queued;
        }
    }

    private QueueApplication NewApplication(Features.Families.Person child, Dictionary<int, int> guardianOf, int municipalityId, DateTime registered)
    {
        var application = new QueueApplication
        {
            Id = _region.QueueApplications.Count + 1,
            ChildPersonId = child.Id,
            ChildBirthDate = child.BirthDate!.Value,
            ApplicantPersonId = guardianOf.TryGetValue(child.Id, out var guardian) ? guardian : child.Id,
            MunicipalityId = municipalityId,
            RegisteredAt = registered,
            StatusChangedAt = registered,
            UpdatedAt = registered,
            Focus = GroupFocus.General,
            Mode = DailyMode.Full,
        };
        _region.QueueApplications.Add(application);
        AddChange(application, ApplicationStatus.New, ApplicationStatus.New, registered, "Заявление подано через портал");
        return application;
    }

    private void AddChoices(Random random, QueueApplication application, int first, int[] gardens, bool sibling)
    {
        var chosen = new List<int> { first };
        var wanted = Math.Min(gardens.Length, random.Next(1, QueueApplication.MaxChoices + 1));
        for (var attempt = 0; chosen.Count < wanted && attempt < 20; attempt++)
        {
            var next = gardens[random.Next(gardens.Length)];
            if (!chosen.Contains(next))
                chosen.Add(next);
        }

        for (var i = 0; i < chosen.Count; i++)
        {
            _region.ApplicationChoices.Add(new ApplicationChoice
            {
                Id = _region.ApplicationChoices.Count + 1, ApplicationId = application.Id, Priority = i + 1, OrganisationId = chosen[i], SiblingAttends = sibling && i == 0,
            });
        }
    }

    private void Move(QueueApplication application, ApplicationStatus to, DateTime at, string? comment = null)
    {
        AddChange(application, application.Status, to, at, comment);
        application.Status = to;
        application.StatusChangedAt = at;
        application.UpdatedAt = at;
    }

    private void AddChange(QueueApplication application, ApplicationStatus from, ApplicationStatus to, DateTime at, string? comment) =>
        _region.StatusChanges.Add(new StatusChange
        {
            Id = _region.StatusChanges.Count + 1, ApplicationId = application.Id, From = from, To = to, At = at, Comment = comment,
        });

    // Registered some time after birth (parents register early), before the given moment, in working hours of the region (stored as UTC).
    private static DateTime RegisteredAt(Random random, DateOnly born, DateTime before)
    {
        var earliest = born.ToDateTime(new TimeOnly(9, 0)).AddDays(14);
        var span = Math.Max(1, (int)(before - earliest).TotalDays);
        var day = earliest.AddDays(random.Next(0, Math.Min(span, 900)));
        return RegionTime.ToUtc(day.AddMinutes(random.Next(0, 9 * 60)));
    }
}
