using System.Net;
using Kabinet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Messages.MessagesTestData;

namespace Kabinet.Tests.Messages;

/// <summary>
/// Every page of messages as every kind of caller, on real conversations: the demo family's thread with the class
/// teacher (with a file), the teacher's class message and the demo family's thread of it. Only the people in a
/// conversation open it or its files; only the sender opens the class message; everyone else gets «not found», and
/// anonymous people are sent to sign in.
/// </summary>
public sealed class MessagesAuthorizationTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static readonly string?[] Callers =
        [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region", OtherParent, OtherTeacher];

    public enum Target
    {
        Inbox,
        New,
        FamilyThread,
        Attachment,
        Broadcast,
        FamilyThreadOfBroadcast,
        OtherFamilyThreadOfBroadcast,
    }

    private sealed record Targets(int FamilyThread, long Attachment, int Broadcast, int FamilyThreadOfBroadcast, int OtherFamilyThreadOfBroadcast);

    private static Targets? _targets;
    private static readonly SemaphoreSlim Setup = new(1, 1);

    public static TheoryData<Target, string?> Cases()
    {
        var data = new TheoryData<Target, string?>();
        foreach (var target in Enum.GetValues<Target>())
        {
            foreach (var caller in Callers)
                data.Add(target, caller);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_opens_only_their_own_conversations(Target target, string? caller)
    {
        var t = await TargetsAsync();
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);
        var url = target switch
        {
            Target.Inbox => "/messages",
            Target.New => "/messages/new",
            Target.FamilyThread => $"/messages/{t.FamilyThread}",
            Target.Attachment => $"/messages/attachments/{t.Attachment}",
            Target.Broadcast => $"/messages/broadcasts/{t.Broadcast}",
            Target.FamilyThreadOfBroadcast => $"/messages/{t.FamilyThreadOfBroadcast}",
            _ => $"/messages/{t.OtherFamilyThreadOfBroadcast}",
        };

        var response = await browser.GetAsync(url);

        var expected = (target, caller) switch
        {
            (_, null) => HttpStatusCode.Redirect,
            (Target.Inbox or Target.New, _) => HttpStatusCode.OK,
            (Target.FamilyThread or Target.Attachment or Target.FamilyThreadOfBroadcast, "demo.roditel" or "demo.uchitel") => HttpStatusCode.OK,
            (Target.Broadcast, "demo.uchitel") => HttpStatusCode.OK,
            (Target.OtherFamilyThreadOfBroadcast, OtherParent or "demo.uchitel") => HttpStatusCode.OK,
            _ => HttpStatusCode.NotFound,
        };
        Assert.True(expected == response.StatusCode, $"{caller ?? "anonymous"} at {url} ({target}): expected {(int)expected}, got {(int)response.StatusCode}");
        if (expected == HttpStatusCode.Redirect)
            Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo.uchenik")]
    [InlineData("demo.admin")]
    [InlineData(OtherParent)]
    [InlineData(OtherTeacher)]
    public async Task Nobody_outside_a_conversation_replies_to_it(string caller)
    {
        var t = await TargetsAsync();
        var before = await QueryAsync(app, db => db.Messages.CountAsync(m => m.ThreadId == t.FamilyThread));
        var browser = await app.SignedInAsync(caller);
        var token = (await browser.GetPageAsync("/messages/new")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";

        var response = await browser.PostAsync($"/messages/{t.FamilyThread}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "Чужой ответ", ["__RequestVerificationToken"] = token }));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.Equal(before, await QueryAsync(app, db => db.Messages.CountAsync(m => m.ThreadId == t.FamilyThread)));
    }

    /// <summary>The demo family's seeded thread gets a reply with a file; the demo teacher sends a class message (made once per app).</summary>
    private async Task<Targets> TargetsAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_targets is { } done && await QueryAsync(app, db => db.MessageThreads.AnyAsync(x => x.Id == done.FamilyThread)))
                return done;
            var community = await CommunityAsync(app);
            var parentPerson = await QueryAsync(app, db => db.Users.Where(u => u.UserName == "demo.roditel").Select(u => u.PersonId).SingleAsync());
            var familyThread = await QueryAsync(app, db => db.ThreadParticipants.Where(p => p.PersonId == parentPerson).Select(p => p.ThreadId).MinAsync());
            var parent = await app.SignedInAsync("demo.roditel");
            var reply = await PostAsync(parent, $"/messages/{familyThread}", new Dictionary<string, string> { ["Text"] = "Справка во вложении." }, ("справка.pdf", Pdf));
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
            var attachment = await QueryAsync(app, db => db.MessageAttachments.Where(a => a.ThreadId == familyThread).Select(a => a.Id).FirstAsync());

            var teacher = await app.SignedInAsync("demo.uchitel");
            var broadcast = IdOf(await WriteAsync(teacher, $"/messages/new?class={community.ClassId}", "all", "Родительское собрание", "Собрание в четверг в 18:00."));
            var ofFamily = await QueryAsync(app, db => db.MessageThreads.Where(x => x.BroadcastId == broadcast && x.StudentPersonId == community.Pupil).Select(x => x.Id).SingleAsync());
            var ofOther = await QueryAsync(app, db => db.MessageThreads.Where(x => x.BroadcastId == broadcast)
                .Join(db.ThreadParticipants.Where(p => p.PersonId == community.OtherParentPerson), x => x.Id, p => p.ThreadId, (x, p) => x.Id).SingleAsync());
            return (_targets = new Targets(familyThread, attachment, broadcast, ofFamily, ofOther));
        }
        finally
        {
            Setup.Release();
        }
    }
}
