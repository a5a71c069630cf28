using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Kindergarten.Documents;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Kindergarten.KindergartenTestData;

namespace Kabinet.Tests.Kindergarten;

/// <summary>
/// The family's application card is kept in memory between visits; whatever changes in the database — here written
/// straight into it, as another node of the portal would — is on the card at the next visit.
/// </summary>
public sealed class CardFreshnessTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task A_change_saved_elsewhere_is_on_the_card_at_the_next_visit()
    {
        var (id, child) = await DemoFamilyApplicationAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var first = (await parent.GetPageAsync($"/kindergarten/{id}")).Body!.TextContent;
        Assert.DoesNotContain("Оператор проверил адрес", first, StringComparison.Ordinal);
        Assert.DoesNotContain("справка-с-другого-узла.pdf", first, StringComparison.Ordinal);

        // A status comment (the application's version moves with it), a scan and the child's new surname.
        var now = Clock(app).GetUtcNow().UtcDateTime;
        await QueryAsync(app, async db =>
        {
            db.StatusChanges.Add(new StatusChange { ApplicationId = id, From = ApplicationStatus.Waiting, To = ApplicationStatus.Waiting, At = now, Comment = "Оператор проверил адрес" });
            await db.SaveChangesAsync();
            return await db.QueueApplications.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Version, a => a.Version + 1));
        });
        var afterComment = (await parent.GetPageAsync($"/kindergarten/{id}")).Body!.TextContent;
        Assert.Contains("Оператор проверил адрес", afterComment, StringComparison.Ordinal);

        await QueryAsync(app, async db =>
        {
            var uploader = await db.Users.Where(u => u.UserName == "demo.roditel").Select(u => u.Id).SingleAsync();
            db.ApplicationDocuments.Add(new ApplicationDocument
            {
                ApplicationId = id, Kind = ApplicationDocumentKind.Other, FileName = "справка-с-другого-узла.pdf", ContentType = "application/pdf",
                Size = 10, Sha256 = new string('0', 64), StorageKey = "2026/00000000000000000000000000000000", UploadedByAccountId = uploader, UploadedAt = now,
            });
            return await db.SaveChangesAsync();
        });
        Assert.Contains("справка-с-другого-узла.pdf", (await parent.GetPageAsync($"/kindergarten/{id}")).Body!.TextContent, StringComparison.Ordinal);

        Assert.DoesNotMatch("^Переименованная ", await ChildShownAsync(parent, id));
        await QueryAsync(app, db => db.People.Where(p => p.Id == child).ExecuteUpdateAsync(u => u.SetProperty(p => p.LastName, "Переименованная")));
        Assert.Matches("^Переименованная ", await ChildShownAsync(parent, id));
    }

    private static async Task<string> ChildShownAsync(HttpClient parent, int id) =>
        (await parent.GetPageAsync($"/kindergarten/{id}")).QuerySelectorAll("dt").Single(d => d.TextContent == "Ребёнок").NextElementSibling!.TextContent;
}
