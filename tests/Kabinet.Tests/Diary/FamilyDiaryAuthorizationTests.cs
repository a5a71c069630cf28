using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Diary;

namespace Kabinet.Tests.Diary;

/// <summary>
/// Every page of the family diary and the lesson file download, as every kind of caller, against the demo 5А student
/// and a student of another class (with their own parent): a parent opens only their children's diary, a student only
/// their own, nobody else's exists; a lesson file only for its class's families and teachers and the school's
/// administrators.
/// </summary>
public sealed class FamilyDiaryAuthorizationTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static readonly string[] Pages = ["", "/marks", "/history", "/materials", "/report"];

    private static readonly string?[] Callers =
        [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region", FamilyDiaryTestData.OtherParent, FamilyDiaryTestData.OtherStudent];

    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        foreach (var page in Pages.Append("file").Append("index"))
        {
            foreach (var caller in Callers)
                data.Add(page, caller);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_opens_only_their_own_familys_diary_and_their_class_files(string page, string? caller)
    {
        var world = await WorldAsync();
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);

        if (page == "index")
        {
            var response = await browser.GetAsync("/diary");
            var expected = caller switch
            {
                null => "login",
                "demo.roditel" or "demo.uchenik" => $"/diary/{world.DemoStudent}",
                FamilyDiaryTestData.OtherParent or FamilyDiaryTestData.OtherStudent => $"/diary/{world.OtherStudent}",
                _ => "page",
            };
            if (expected == "page")
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("родители", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains(expected, response.Headers.Location?.ToString(), StringComparison.Ordinal);
            }

            return;
        }

        var targets = page == "file"
            ? new[] { ($"/diary/files/{world.DemoFile}", Owner.Demo), ($"/diary/files/{world.OtherFile}", Owner.Other), ("/diary/files/999999", Owner.Nobody) }
            : [($"/diary/{world.DemoStudent}{page}", Owner.Demo), ($"/diary/{world.OtherStudent}{page}", Owner.Other), ($"/diary/999999{page}", Owner.Nobody)];
        foreach (var (url, owner) in targets)
        {
            var response = await browser.GetAsync(url);
            if (caller is null)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
                continue;
            }

            var allowed = (page, owner, caller) switch
            {
                (_, Owner.Demo, "demo.roditel" or "demo.uchenik") => true,
                (_, Owner.Other, FamilyDiaryTestData.OtherParent or FamilyDiaryTestData.OtherStudent) => true,
                // The class's teacher and the school's administrators download the class's files (the other class is the same school's).
                ("file", Owner.Demo, "demo.uchitel" or "demo.admin") => true,
                ("file", Owner.Other, "demo.admin") => true,
                _ => false,
            };
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound) == response.StatusCode,
                $"{caller} at {url}: expected {(allowed ? 200 : 404)}, got {(int)response.StatusCode}");
        }
    }

    private enum Owner
    {
        Demo,
        Other,
        Nobody,
    }

    private sealed record World(int DemoStudent, int OtherStudent, long DemoFile, long OtherFile);

    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static World? _world;
    private static KabinetApp? _worldApp;

    private async Task<World> WorldAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_world is not null && ReferenceEquals(_worldApp, app))
                return _world;
            var c = await FamilyDiaryTestData.DemoClassAsync(app);
            var (otherClass, otherStudent) = await FamilyDiaryTestData.OtherFamilyAsync(app, c);
            var lesson = await FamilyDiaryTestData.LessonAsync(app, c, c.Monday, 1, "Тема");
            var demoFile = await FamilyDiaryTestData.FileAsync(app, c, lesson, LessonFilePurpose.Material, "конспект.pdf", "%PDF-1.4 demo"u8.ToArray());
            var otherLesson = await FamilyDiaryTestData.BareLessonAsync(app, c, otherClass, c.Monday);
            var otherFile = await FamilyDiaryTestData.FileAsync(app, c, otherLesson, LessonFilePurpose.Homework, "чужое.pdf", "%PDF-1.4 other"u8.ToArray());
            (_world, _worldApp) = (new World(c.StudentId, otherStudent, demoFile, otherFile), app);
            return _world;
        }
        finally
        {
            Setup.Release();
        }
    }
}
