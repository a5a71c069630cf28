using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Diary.Admin;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Diary;

/// <summary>The demo gymnasium as the diary tests need it: its id, classes, teachers, dates of its year, and form posting.</summary>
internal static class DiaryTestData
{
    public static async Task<int> GymnasiumAsync(KabinetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        return await db.RoleGrants.Where(g => g.Role == Kabinet.Web.Features.Accounts.PortalRole.OrganisationAdmin)
            .Join(db.Users.Where(u => u.UserName == "demo.admin"), g => g.AccountId, u => u.Id, (g, _) => g.OrganisationId!.Value)
            .SingleAsync();
    }

    public static async Task<T> QueryAsync<T>(KabinetApp app, Func<KabinetDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KabinetDbContext>());
    }

    public static async Task<SchoolYear> YearAsync(KabinetApp app, int organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        return (await scope.ServiceProvider.GetRequiredService<InstitutionDirectory>().SchoolYearOnAsync(organisationId, today, CancellationToken.None))!;
    }

    public static async Task<int> ClassAsync(KabinetApp app, int organisationId, string name)
    {
        var year = await YearAsync(app, organisationId);
        await using var scope = app.Services.CreateAsyncScope();
        var classes = await scope.ServiceProvider.GetRequiredService<InstitutionDirectory>().SchoolClassesAsync(organisationId, year.Id, CancellationToken.None);
        return classes.Single(c => c.Name == name).Id;
    }

    /// <summary>Teachers of the school whose full names are unique there (the import finds teachers by name).</summary>
    public static async Task<IReadOnlyList<TeacherItem>> TeachersAsync(KabinetApp app, int organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<SchoolStructure>().TeachersAsync(organisationId, CancellationToken.None);
        return [.. all.Where(t => t.Position.StartsWith("Учитель", StringComparison.Ordinal)).GroupBy(t => t.FullName).Where(g => g.Count() == 1).Select(g => g.Single())];
    }

    /// <summary>Teachers with unique names who have no lessons in the demo class 5А.</summary>
    public static async Task<IReadOnlyList<TeacherItem>> FreeTeachersAsync(KabinetApp app, int organisationId)
    {
        var fifth = await ClassAsync(app, organisationId, "5А");
        var busy = (await QueryAsync(app, db => db.TimetableSlots.Where(s => s.ClassGroupId == fifth).Select(s => s.EmployeeId).Distinct().ToListAsync())).ToHashSet();
        return [.. (await TeachersAsync(app, organisationId)).Where(t => !busy.Contains(t.EmployeeId))];
    }

    public static async Task<int> SubjectAsync(KabinetApp app, int organisationId, string name) =>
        await QueryAsync(app, db => db.Subjects.Where(s => s.OrganisationId == organisationId && s.Name == name).Select(s => s.Id).SingleAsync());

    /// <summary>A study day (Monday to Friday, inside a study period) at least a week from today, for changes of a date.</summary>
    public static async Task<DateOnly> StudyWeekdayAsync(KabinetApp app, int organisationId, DayOfWeek day)
    {
        var year = await YearAsync(app, organisationId);
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        var date = today < year.StartsOn ? year.StartsOn : today.AddDays(7);
        while (date.DayOfWeek != day || !year.IsStudyDay(date))
            date = date.AddDays(1);
        return date;
    }

    /// <summary>Posts a multipart form (a file upload) with the anti-forgery token of the page.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string url, string handler, IDictionary<string, string> fields, string fileName, byte[] content)
    {
        var page = await browser.GetPageAsync(url);
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
            form.Add(new StringContent(value), key);
        form.Add(new ByteArrayContent(content), "Upload", fileName);
        return await browser.PostAsync($"{url}?handler={handler}", form);
    }

    public static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<List<TimetableSlot>> SlotsOfAsync(KabinetApp app, int classId) =>
        QueryAsync(app, db => db.TimetableSlots.Where(s => s.ClassGroupId == classId).OrderBy(s => s.Day).ThenBy(s => s.LessonNumber).ThenBy(s => s.ValidFrom).ToListAsync());
}
