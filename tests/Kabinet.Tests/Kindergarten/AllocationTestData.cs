using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Allocation;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Kindergarten;

/// <summary>
/// Allocation scenarios isolated from the demo queue: a far admission year nobody else waits for, a new group
/// in a Кемерово kindergarten, and children of a demo parent waiting for it.
/// </summary>
internal static class AllocationTestData
{
    public const int Year = 2030;

    private static int _kindergartens;

    /// <summary>Adds a group with the given places to a Кемерово kindergarten no other scenario of this run uses; returns (kindergarten, group).</summary>
    public static async Task<(int Kindergarten, int Group)> NewGroupAsync(KabinetApp app, int capacity)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var kindergarten = await db.Organisations.Where(o => o.MunicipalityId == KindergartenTestData.Kemerovo && o.Kind == OrganisationKind.Kindergarten).OrderBy(o => o.Id).Select(o => o.Id)
            .Skip(Interlocked.Increment(ref _kindergartens)).FirstAsync();
        var group = new KindergartenGroup { OrganisationId = kindergarten, Name = $"Тестовая {Guid.NewGuid():N}"[..20], AgeFromMonths = 0, AgeToMonths = 96, Focus = GroupFocus.Health, Mode = DailyMode.RoundTheClock, Capacity = capacity };
        db.KindergartenGroups.Add(group);
        await db.SaveChangesAsync();
        return (kindergarten, group.Id);
    }

    /// <summary>A child of the parent waiting in the queue of <see cref="Year"/> for the kindergarten; returns the application id.</summary>
    public static async Task<int> WaitingChildAsync(KabinetApp app, string parentLogin, int kindergarten, DateTime registeredAt)
    {
        var child = await KindergartenTestData.NewChildAsync(app, parentLogin, new DateOnly(Year - 3, 1, 1), "Вера");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var parent = await db.Users.SingleAsync(a => a.UserName == parentLogin);
        var application = new QueueApplication
        {
            ChildPersonId = child, ChildBirthDate = new DateOnly(Year - 3, 1, 1), ApplicantPersonId = parent.PersonId, MunicipalityId = KindergartenTestData.Kemerovo,
            RegisteredAt = registeredAt, Focus = GroupFocus.Health, Mode = DailyMode.RoundTheClock, Status = ApplicationStatus.Waiting,
            StatusChangedAt = registeredAt, UpdatedAt = registeredAt,
        };
        application.Want(new DateOnly(Year, 9, 1));
        application.Choices.Add(new ApplicationChoice { Priority = 1, OrganisationId = kindergarten });
        db.QueueApplications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    public static async Task<AllocationPreview> PreviewAsync(KabinetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AllocationService>().PreviewAsync(KindergartenTestData.Kemerovo, Year, CancellationToken.None);
    }

    public static async Task<ConfirmResult> ConfirmAsync(KabinetApp app, string hash)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AllocationService>().ConfirmAsync(KindergartenTestData.Kemerovo, Year, hash, null, CancellationToken.None);
    }

    public static Task<List<Referral>> ReferralsAsync(KabinetApp app, int applicationId) =>
        KindergartenTestData.QueryAsync(app, db => db.Referrals.AsNoTracking().Where(r => r.ApplicationId == applicationId).OrderBy(r => r.Id).ToListAsync());
}
