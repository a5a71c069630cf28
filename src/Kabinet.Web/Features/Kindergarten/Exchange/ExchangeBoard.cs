using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Allocation;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Exchange;

/// <summary>The place a child holds now: a referral (Issued or Accepted) or an enrollment in a group.</summary>
public sealed record HeldPlace(int ApplicationId, int MunicipalityId, KindergartenGroupPlaces Group, ApplicationStatus Status, DateOnly Starts)
{
    public ExchangePlace AsPlace => ExchangePlace.Of(Group, Starts);
}

/// <summary>An application as the exchange rules read it.</summary>
public sealed record ExchangeApplication(int Id, ApplicationStatus Status, int ChildPersonId, int AdmissionYear, DateOnly ChildBirthDate, GroupFocus Focus, DailyMode Mode)
{
    public ExchangeChild Child => new(ChildBirthDate, Focus, Mode);

    public static ExchangeApplication Of(QueueApplication a) => new(a.Id, a.Status, a.ChildPersonId, a.AdmissionYear, a.ChildBirthDate, a.Focus, a.Mode);
}

/// <summary>An active announcement whose place still holds, with what the pages show of it (never the family).</summary>
public sealed record ExchangeListing(ExchangeAnnouncement Announcement, ExchangeApplication Application, HeldPlace Place, string Kindergarten, IReadOnlyList<string> WantedNames)
{
    public ExchangeNode Node => new(Announcement.Id, Announcement.CreatedAt, Application.Child, Place.AsPlace, Announcement.Wishes.Select(w => w.OrganisationId).ToHashSet());
}

/// <summary>
/// The board of announcements and the exchanges among them: which places still hold, the search, proposals,
/// the families' confirmations and the cycles Kabinet finds itself. Methods that change data save themselves.
/// </summary>
public sealed class ExchangeBoard(KabinetDbContext db, InstitutionDirectory institutions, ApplicationStatusService statuses, TimeProvider time)
{
    public const string Link = "/kindergarten/exchange";

    /// <summary>The places these applications hold now; an application that holds none is absent.</summary>
    public async Task<IReadOnlyDictionary<int, HeldPlace>> HeldAsync(IReadOnlyCollection<ExchangeApplication> applications, CancellationToken ct)
    {
        var referred = applications.Where(a => a.Status == ApplicationStatus.Referred).Select(a => a.Id).ToList();
        var referrals = (await db.Referrals.AsNoTracking()
                .Where(r => referred.Contains(r.ApplicationId) && (r.Status == ReferralStatus.Issued || r.Status == ReferralStatus.Accepted))
                .Select(r => new { r.Id, r.ApplicationId, r.OrganisationId, r.KindergartenGroupId })
                .ToListAsync(ct))
            .GroupBy(r => r.ApplicationId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        var enrolled = applications.Where(a => a.Status == ApplicationStatus.Enrolled).ToList();
        var placements = (await institutions.PlacementsOfAsync(enrolled.Select(a => a.ChildPersonId), ct))
            .GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.Last());

        var where = new Dictionary<int, (int Organisation, int Group)>();
        foreach (var a in applications)
        {
            if (a.Status == ApplicationStatus.Referred && referrals.TryGetValue(a.Id, out var r))
                where[a.Id] = (r.OrganisationId, r.KindergartenGroupId);
            else if (a.Status == ApplicationStatus.Enrolled && placements.TryGetValue(a.ChildPersonId, out var p))
                where[a.Id] = (p.OrganisationId, p.GroupId);
        }

        var organisations = where.Values.Select(w => w.Organisation).Distinct().ToList();
        var groups = (await institutions.KindergartenGroupsAsync(organisations, ct)).ToDictionary(g => g.GroupId);
        var municipalities = await institutions.KindergartenMunicipalitiesAsync(organisations, ct);
        var held = new Dictionary<int, HeldPlace>();
        foreach (var a in applications)
        {
            if (!where.TryGetValue(a.Id, out var w) || !groups.TryGetValue(w.Group, out var group) || !municipalities.TryGetValue(w.Organisation, out var municipality))
                continue;
            // A referral's place starts on 1 September of the admission year; an enrolled child is in the group already.
            var starts = a.Status == ApplicationStatus.Referred ? new DateOnly(a.AdmissionYear, 9, 1) : DateOnly.MinValue;
            held[a.Id] = new HeldPlace(a.Id, municipality, group, a.Status, starts);
        }

        return held;
    }

    public async Task<HeldPlace?> HeldAsync(QueueApplication application, CancellationToken ct) =>
        (await HeldAsync([ExchangeApplication.Of(application)], ct)).GetValueOrDefault(application.Id);

    /// <summary>The municipality's active announcements whose place still holds as announced, in order of publication.</summary>
    public async Task<IReadOnlyList<ExchangeListing>> ListingsAsync(int municipalityId, CancellationToken ct)
    {
        var announcements = await db.ExchangeAnnouncements.AsNoTracking().Include(a => a.Wishes)
            .Where(a => a.MunicipalityId == municipalityId && a.Status == AnnouncementStatus.Active)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToListAsync(ct);
        var ids = announcements.Select(a => a.ApplicationId).ToList();
        var applications = await db.QueueApplications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new ExchangeApplication(a.Id, a.Status, a.ChildPersonId, a.AdmissionYear, a.ChildBirthDate, a.Focus, a.Mode))
            .ToDictionaryAsync(a => a.Id, ct);
        var held = await HeldAsync([.. applications.Values], ct);
        var (names, _) = await institutions.NamesAsync(announcements.SelectMany(a => a.Wishes.Select(w => w.OrganisationId).Append(a.OrganisationId)), [], ct);
        return [.. announcements
            .Where(a => held.TryGetValue(a.ApplicationId, out var place) && place.Group.GroupId == a.KindergartenGroupId)
            .Select(a => new ExchangeListing(a, applications[a.ApplicationId], held[a.ApplicationId], names.GetValueOrDefault(a.OrganisationId, ""),
                [.. a.Wishes.OrderBy(w => w.Position).Select(w => names.GetValueOrDefault(w.OrganisationId, ""))]))];
    }

    /// <summary>
    /// Finds 2- and 3-way cycles among the municipality's announcements and invites their families («предложено
    /// Кабинетом»). Announcements already in a pending exchange wait for it to end; a cycle proposed before (in any
    /// outcome) is not proposed again. Serialised per municipality with approvals. Returns the exchanges created.
    /// </summary>
    public async Task<IReadOnlyList<int>> InviteCyclesAsync(int municipalityId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync(LockOf(municipalityId), ct);
        var listings = await ListingsAsync(municipalityId, ct);
        var busy = (await db.PlaceExchanges.AsNoTracking()
                .Where(e => e.MunicipalityId == municipalityId && (e.Status == ExchangeStatus.AwaitingConfirmations || e.Status == ExchangeStatus.AwaitingOperator))
                .SelectMany(e => e.Participants.Select(p => p.AnnouncementId))
                .ToListAsync(ct))
            .ToHashSet();
        var known = (await db.PlaceExchanges.AsNoTracking().Where(e => e.MunicipalityId == municipalityId).Select(e => e.CycleKey).ToListAsync(ct)).ToHashSet();
        var free = listings.Where(l => !busy.Contains(l.Announcement.Id)).ToList();
        var cycles = ExchangeCycles.Find([.. free.Select(l => l.Node)], time.Today(), known);
        if (cycles.Count == 0)
            return [];

        var byId = free.ToDictionary(l => l.Announcement.Id);
        var now = time.GetUtcNow().UtcDateTime;
        var created = new List<PlaceExchange>();
        foreach (var cycle in cycles)
        {
            var exchange = NewExchange(municipalityId, [.. cycle.Select(id => byId[id])], null, now);
            exchange.History.Add(new ExchangeEvent { At = now, Text = $"Кабинет нашёл обмен по объявлениям семей ({cycle.Count} участника) и пригласил их." });
            db.PlaceExchanges.Add(exchange);
            created.Add(exchange);
        }

        await db.SaveChangesAsync(ct);
        foreach (var exchange in created)
        {
            await NotifyAsync(exchange, null, $"Кабинет нашёл обмен местами № {exchange.Id}",
                p => $"Кабинет нашёл обмен местами № {exchange.Id}: вы можете получить место в {PlaceText(byId[exchange.GiverTo(p.Position).AnnouncementId])}. "
                    + "Подтвердите обмен или откажитесь на странице «Обмен местами».", ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [.. created.Select(e => e.Id)];
    }

    /// <summary>
    /// A family proposes a 2-way exchange from a search result: both places must hold, each family must want the
    /// other's kindergarten and each child suit the other's group. The proposer confirms by proposing.
    /// Returns the exchange, or the problem to show.
    /// </summary>
    public async Task<(PlaceExchange? Exchange, string? Problem)> ProposeAsync(int mineId, int targetId, IReadOnlyCollection<int> familyApplications, int accountId, CancellationToken ct)
    {
        var mine = await db.ExchangeAnnouncements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == mineId && a.Status == AnnouncementStatus.Active, ct);
        if (mine is null || !familyApplications.Contains(mine.ApplicationId))
            return (null, "Выберите своё опубликованное объявление.");
        var target = await db.ExchangeAnnouncements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == targetId && a.Status == AnnouncementStatus.Active, ct);
        if (target is null)
            return (null, "Это объявление уже снято.");
        if (familyApplications.Contains(target.ApplicationId))
            return (null, "Это ваше собственное объявление.");
        if (target.MunicipalityId != mine.MunicipalityId)
            return (null, "Обмен возможен только внутри одного муниципалитета.");

        // Serialised with the cycle finder and approvals: the same pair cannot be proposed twice at once.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync(LockOf(mine.MunicipalityId), ct);
        var listings = (await ListingsAsync(mine.MunicipalityId, ct)).ToDictionary(l => l.Announcement.Id);
        if (!listings.TryGetValue(mineId, out var my))
            return (null, "Ваш ребёнок больше не держит место, указанное в объявлении.");
        if (!listings.TryGetValue(targetId, out var their))
            return (null, "Место из этого объявления больше не доступно.");
        var today = time.Today();
        if (!my.Node.Wanted.Contains(their.Announcement.OrganisationId))
            return (null, "Этого детского сада нет среди желаемых в вашем объявлении: сначала добавьте его в объявление.");
        if (!ExchangeCycles.Fits(my.Application.Child, their.Place.AsPlace, today))
            return (null, "Ваш ребёнок не подходит в эту группу по возрасту, направленности или режиму.");
        if (!their.Node.Wanted.Contains(my.Announcement.OrganisationId))
            return (null, "Эта семья не ищет место в вашем детском саду.");
        if (!ExchangeCycles.Fits(their.Application.Child, my.Place.AsPlace, today))
            return (null, "Ребёнок этой семьи не подходит в вашу группу по возрасту, направленности или режиму.");
        var key = PlaceExchange.KeyOf([mineId, targetId]);
        if (await db.PlaceExchanges.AnyAsync(e => e.CycleKey == key && (e.Status == ExchangeStatus.AwaitingConfirmations || e.Status == ExchangeStatus.AwaitingOperator), ct))
            return (null, "Такой обмен уже предложен: он в списке ваших обменов.");

        var now = time.GetUtcNow().UtcDateTime;
        var exchange = NewExchange(mine.MunicipalityId, [my, their], accountId, now);
        exchange.Participants[0].ConfirmedAt = now;
        exchange.Participants[0].ConfirmedByAccountId = accountId;
        exchange.History.Add(new ExchangeEvent { At = now, ByAccountId = accountId, Text = "Семья предложила обмен и подтвердила его со своей стороны." });
        db.PlaceExchanges.Add(exchange);
        await db.SaveChangesAsync(ct);
        await NotifyAsync(exchange, [their.Application.Id], $"Вам предложили обмен местами № {exchange.Id}",
            _ => $"Семья предлагает обмен: вы получите место в {PlaceText(my)}, они — ваше место. Подтвердите обмен или откажитесь на странице «Обмен местами».", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (exchange, null);
    }

    /// <summary>The family confirms its part; when every family has, the exchange goes to the operator. False when nothing to confirm.</summary>
    public async Task<bool> ConfirmAsync(PlaceExchange exchange, IReadOnlyCollection<int> familyApplications, int accountId, CancellationToken ct)
    {
        if (!exchange.Confirm(familyApplications, accountId, time.GetUtcNow().UtcDateTime))
            return false;
        if (exchange.Status == ExchangeStatus.AwaitingOperator)
            await NotifyAsync(exchange, null, $"Обмен местами № {exchange.Id} подтверждён всеми семьями",
                _ => $"Все семьи подтвердили обмен местами № {exchange.Id}. Теперь его рассмотрит оператор управления образования вашего муниципалитета.", ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The family declines a pending exchange; the others are told.</summary>
    public async Task<bool> DeclineAsync(PlaceExchange exchange, IReadOnlyCollection<int> familyApplications, int accountId, CancellationToken ct)
    {
        if (!exchange.Participants.Any(p => familyApplications.Contains(p.ApplicationId))
            || !exchange.TryEnd(ExchangeStatus.Declined, accountId, null, "Семья отказалась от обмена.", time.GetUtcNow().UtcDateTime))
            return false;
        await NotifyOthersAsync(exchange, familyApplications, $"Обмен местами № {exchange.Id} не состоится", "Одна из семей отказалась от обмена. Ваше объявление остаётся опубликованным.", ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The family takes its announcement down; pending exchanges with it end as declined.</summary>
    public async Task<bool> WithdrawAsync(ExchangeAnnouncement announcement, int accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!announcement.TryEnd(AnnouncementStatus.Withdrawn, now))
            return false;
        foreach (var exchange in await PendingWithAsync([announcement.Id], ct))
        {
            exchange.TryEnd(ExchangeStatus.Declined, accountId, null, "Семья сняла объявление.", now);
            await NotifyOthersAsync(exchange, [announcement.ApplicationId], $"Обмен местами № {exchange.Id} не состоится",
                "Одна из семей сняла своё объявление. Ваше объявление остаётся опубликованным.", ct);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Pending exchanges (tracked, with participants and history) that involve any of these announcements.</summary>
    public Task<List<PlaceExchange>> PendingWithAsync(IReadOnlyCollection<int> announcementIds, CancellationToken ct) =>
        PendingWithAsync(db, announcementIds, ct);

    /// <summary>The same, for callers that cannot depend on the board (it depends on them).</summary>
    public static Task<List<PlaceExchange>> PendingWithAsync(KabinetDbContext db, IReadOnlyCollection<int> announcementIds, CancellationToken ct) =>
        db.PlaceExchanges.Include(e => e.Participants).Include(e => e.History)
            .Where(e => (e.Status == ExchangeStatus.AwaitingConfirmations || e.Status == ExchangeStatus.AwaitingOperator)
                && e.Participants.Any(p => announcementIds.Contains(p.AnnouncementId)))
            .AsSplitQuery()
            .ToListAsync(ct);

    /// <summary>Tells the families of the exchange (all, or only those of <paramref name="only"/>); the text may depend on the participant.</summary>
    public async Task NotifyAsync(PlaceExchange exchange, IReadOnlyCollection<int>? only, string title, Func<ExchangeParticipant, string> text, CancellationToken ct)
    {
        var participants = exchange.Participants.Where(p => only is null || only.Contains(p.ApplicationId)).ToList();
        var ids = participants.Select(p => p.ApplicationId).ToList();
        var applications = await db.QueueApplications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        await statuses.NotifyManyAsync([.. participants.Select(p => (applications[p.ApplicationId], title, $"{text(p)} Заявление № {p.ApplicationId}."))], Link, ct);
    }

    public Task NotifyOthersAsync(PlaceExchange exchange, IReadOnlyCollection<int> except, string title, string text, CancellationToken ct) =>
        NotifyAsync(exchange, [.. exchange.Participants.Select(p => p.ApplicationId).Where(id => !except.Contains(id))], title, _ => text, ct);

    /// <summary>What each participant gives, as people read it: participant id → «„Сад“, группа „…“ (от 3 до 4 лет)».</summary>
    public async Task<IReadOnlyDictionary<int, string>> PlaceTextsAsync(IEnumerable<ExchangeParticipant> participants, CancellationToken ct)
    {
        var list = participants.ToList();
        var organisations = list.Select(p => p.OrganisationId).Distinct().ToList();
        var (names, _) = await institutions.NamesAsync(organisations, [], ct);
        var groups = (await institutions.KindergartenGroupsAsync(organisations, ct)).ToDictionary(g => g.GroupId);
        return list.ToDictionary(p => p.Id, p => groups.TryGetValue(p.KindergartenGroupId, out var g)
            ? PlaceText(names.GetValueOrDefault(p.OrganisationId, ""), g)
            : $"«{names.GetValueOrDefault(p.OrganisationId, "")}»");
    }

    public static string LockOf(int municipalityId) => $"exchange:{municipalityId}";

    /// <summary>«„Солнышко“, группа „Пчёлки“ (от 3 до 4 лет)».</summary>
    public static string PlaceText(string kindergarten, KindergartenGroupPlaces group) => $"«{kindergarten}», группа «{group.Name}» ({group.AgeBandTitle})";

    private static string PlaceText(ExchangeListing listing) => PlaceText(listing.Kindergarten, listing.Place.Group);

    private static PlaceExchange NewExchange(int municipalityId, IReadOnlyList<ExchangeListing> cycle, int? proposedBy, DateTime now)
    {
        var exchange = new PlaceExchange
        {
            MunicipalityId = municipalityId, ProposedByAccountId = proposedBy, CreatedAt = now, UpdatedAt = now,
            CycleKey = PlaceExchange.KeyOf([.. cycle.Select(l => l.Announcement.Id)]),
        };
        for (var i = 0; i < cycle.Count; i++)
        {
            exchange.Participants.Add(new ExchangeParticipant
            {
                Position = i, AnnouncementId = cycle[i].Announcement.Id, ApplicationId = cycle[i].Application.Id,
                OrganisationId = cycle[i].Place.Group.OrganisationId, KindergartenGroupId = cycle[i].Place.Group.GroupId,
            });
        }

        return exchange;
    }
}
