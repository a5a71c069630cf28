using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.CollegeAdmission;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.CollegeAdmission;

/// <summary>Filing an application: a complete one is registered and ranked; a broken one is refused next to the field and nothing is kept.</summary>
[Collection(CollegeGroup.Name)]
public sealed class ApplyTests(CollegeApp app)
{
    [Fact]
    public async Task An_entrant_applies_and_sees_the_number_status_and_place()
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College, budget: 1);
        await app.PaperApplicationAsync(speciality, "Сильнейший", 499);
        var browser = await app.SignedInAsync(CollegeApp.Entrant);

        var id = CollegeForms.CreatedId(await CollegeForms.ApplyAsync(browser, speciality, CollegeForms.Valid()));

        var page = await browser.GetPageAsync($"/college/applications/{id}");
        Assert.Equal("Подано", page.Text("#status"));
        Assert.Contains("2 из 2", page.Text("#ranking-place"), StringComparison.Ordinal);
        Assert.Contains("ниже границы бюджетных мест", page.Text("#ranking-place"), StringComparison.Ordinal);
        Assert.Contains("attestat.pdf", page.Text("#documents + ul"), StringComparison.Ordinal);
        var mine = await browser.GetPageAsync("/college/applications");
        var row = mine.QuerySelectorAll("#my-applications tbody tr").Single(r => r.TextContent.Contains($"СПО-2026-{id:000000}", StringComparison.Ordinal));
        Assert.Contains("2 из 2", row.QuerySelector("td.place")!.TextContent, StringComparison.Ordinal);
        var saved = await app.InDbAsync(db => db.CollegeApplications.Include(a => a.Documents).SingleAsync(a => a.Id == id));
        Assert.Equal(450, saved.AverageHundredths);
        Assert.Equal(cast.EntrantId, saved.EntrantPersonId);
        Assert.Single(saved.Documents);
    }

    [Fact]
    public async Task A_parent_applies_for_their_child_and_may_apply_to_several_specialities_but_once_to_each()
    {
        var cast = await app.CastAsync();
        var first = await app.SpecialityAsync(cast.College);
        var second = await app.SpecialityAsync(cast.OtherCollege);
        var browser = await app.SignedInAsync(CollegeApp.Parent);
        var fields = CollegeForms.Valid();
        fields["EntrantPersonId"] = cast.ChildId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var id = CollegeForms.CreatedId(await CollegeForms.ApplyAsync(browser, first, fields));
        CollegeForms.CreatedId(await CollegeForms.ApplyAsync(browser, second, fields));
        var again = await CollegeForms.ApplyAsync(browser, first, fields);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = Html.Parse(await again.Content.ReadAsStringAsync());
        Assert.Contains($"уже подано заявление № СПО-2026-{id:000000}", page.Text("#speciality-error"), StringComparison.Ordinal);
        Assert.Equal(1, await app.InDbAsync(db => db.CollegeApplications.CountAsync(a => a.SpecialityId == first && a.EntrantPersonId == cast.ChildId)));
        Assert.Equal(cast.ParentAccountId, await app.InDbAsync(db => db.CollegeApplications.Where(a => a.Id == id).Select(a => a.SubmittedByAccountId).SingleAsync()));
    }

    [Fact]
    public async Task The_parents_application_for_the_child_is_in_the_applications_list_with_the_child_named()
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College);
        var fields = CollegeForms.Valid();
        fields["EntrantPersonId"] = cast.ChildId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = CollegeForms.CreatedId(await CollegeForms.ApplyAsync(await app.SignedInAsync(CollegeApp.Parent), speciality, fields));

        await using var scope = app.Services.CreateAsyncScope();
        var sources = scope.ServiceProvider.GetServices<Kabinet.Web.Common.Applications.IApplicationSource>();
        var items = new List<Kabinet.Web.Common.Applications.ApplicationListItem>();
        foreach (var source in sources)
            items.AddRange(await source.OfAccountAsync(cast.ParentAccountId, cast.ParentId, TestContext.Current.CancellationToken));

        var item = Assert.Single(items, i => i.Link == $"/college/applications/{id}");
        Assert.Equal($"СПО-2026-{id:000000}", item.Number);
        Assert.Equal("Поступаев Илья", item.ChildName);
        Assert.Equal("Подано", item.StatusTitle);
        Assert.False(item.IsFinished);
    }

    public static TheoryData<string, string, string, string> BadInput() => new()
    {
        { "Average", "1,99", "Average-error", "от 2,00 до 5,00" },
        { "Average", "5.01", "Average-error", "от 2,00 до 5,00" },
        { "DocumentLevel", nameof(EducationBasis.Grade11), "DocumentLevel-error", "на базе 9 классов" },
        { "DocumentNumber", "", "DocumentNumber-error", "номер аттестата" },
        { "Consent", "false", "Consent-error", "согласия" },
        { "DocumentIssuedOn", "2027-01-01", "DocumentIssuedOn-error", "в будущем" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_next_to_the_field_and_nothing_is_saved(string field, string value, string errorId, string message)
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College);
        var browser = await app.SignedInAsync(CollegeApp.Entrant);
        var fields = CollegeForms.Valid();
        fields[field] = value;
        var files = FilesOnDisk();

        var response = await CollegeForms.ApplyAsync(browser, speciality, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text($"#{errorId}"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.InDbAsync(db => db.CollegeApplications.CountAsync(a => a.SpecialityId == speciality)));
        Assert.Equal(files, FilesOnDisk());
    }

    [Fact]
    public async Task The_average_accepts_its_edges()
    {
        var cast = await app.CastAsync();
        var browser = await app.SignedInAsync(CollegeApp.Entrant);
        foreach (var (typed, hundredths) in new[] { ("2.00", 200), ("5,00", 500) })
        {
            var speciality = await app.SpecialityAsync(cast.College);
            var fields = CollegeForms.Valid();
            fields["Average"] = typed;
            var id = CollegeForms.CreatedId(await CollegeForms.ApplyAsync(browser, speciality, fields));
            Assert.Equal(hundredths, await app.InDbAsync(db => db.CollegeApplications.Where(a => a.Id == id).Select(a => a.AverageHundredths).SingleAsync()));
        }
    }

    [Fact]
    public async Task Missing_or_fake_scans_are_refused_and_the_other_files_are_not_kept()
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College, medical: true);
        var browser = await app.SignedInAsync(CollegeApp.Entrant);
        var fields = CollegeForms.Valid();
        fields["PriorityRight"] = "true";
        var files = FilesOnDisk();

        var noCertificate = Html.Parse(await (await CollegeForms.ApplyAsync(browser, speciality, fields, new Dictionary<string, (string, byte[])>
        {
            ["other"] = ("diplom.pdf", CollegeForms.Pdf),
        })).Content.ReadAsStringAsync());
        var fake = Html.Parse(await (await CollegeForms.ApplyAsync(browser, speciality, fields, new Dictionary<string, (string, byte[])>
        {
            ["certificate"] = ("attestat.pdf", "MZ not a pdf"u8.ToArray()),
            ["priorityProof"] = ("pravo.pdf", CollegeForms.Pdf),
            ["medicalCertificate"] = ("spravka.pdf", CollegeForms.Pdf),
        })).Content.ReadAsStringAsync());

        Assert.Contains("скан или фото аттестата", noCertificate.Text("#certificate-error"), StringComparison.Ordinal);
        Assert.Contains("преимущественное право", noCertificate.Text("#priorityProof-error"), StringComparison.Ordinal);
        Assert.Contains("медицинская справка", noCertificate.Text("#medicalCertificate-error"), StringComparison.Ordinal);
        Assert.Contains("PDF, JPEG или PNG", fake.Text("#certificate-error"), StringComparison.Ordinal);
        Assert.Equal(0, await app.InDbAsync(db => db.CollegeApplications.CountAsync(a => a.SpecialityId == speciality)));
        Assert.Equal(files, FilesOnDisk());
    }

    [Fact]
    public async Task Outside_the_window_the_application_is_refused_with_the_dates()
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College, change: s =>
        {
            s.AcceptFrom = new DateOnly(2026, 7, 2);
            s.AcceptUntil = new DateOnly(2026, 8, 15);
        });
        var browser = await app.SignedInAsync(CollegeApp.Entrant);
        var page = await browser.GetPageAsync($"/college/apply?speciality={speciality}");
        Assert.Null(page.QuerySelector("input[name=Average]"));
        Assert.Contains("с 02.07.2026 по 15.08.2026", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private int FilesOnDisk()
    {
        var root = Path.Combine(app.Database.DataDirectory, "documents");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length : 0;
    }
}
