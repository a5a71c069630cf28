using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Kindergarten.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kabinet.Tests.Kindergarten.KindergartenTestData;

namespace Kabinet.Tests.Kindergarten;

/// <summary>
/// Scans attached to an application: what may be uploaded, where it is kept, who may download it (and that staff
/// downloads are logged for the family), and taking one back.
/// </summary>
public sealed class DocumentTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static readonly byte[] Pdf = Sample("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray());
    private static readonly byte[] Jpeg = Sample([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46]);
    private static readonly byte[] Png = Sample([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

    public static TheoryData<string, string, string> Scans => new()
    {
        { "Свидетельство о рождении.pdf", "application/pdf", "BirthCertificate" },
        { "справка.JPG", "image/jpeg", "MedicalDocument" },
        { "C:\\Users\\мама\\Desktop\\пмпк.png", "image/png", "PmpkConclusion" },
    };

    [Theory]
    [MemberData(nameof(Scans))]
    public async Task A_family_uploads_a_scan_that_it_and_the_operator_download_byte_for_byte(string name, string contentType, string kind)
    {
        var content = contentType switch { "application/pdf" => Pdf, "image/jpeg" => Jpeg, _ => Png };
        var (id, child) = await DemoFamilyApplicationAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");

        var response = await UploadAsync(parent, id, name, content, kind);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var card = await parent.GetPageAsync($"/kindergarten/{id}");
        var shown = Path.GetFileName(name.Replace('\\', '/'));
        var link = card.QuerySelectorAll("#documents ~ ul a, section[aria-labelledby=documents] a").FirstOrDefault(a => a.TextContent == shown);
        Assert.NotNull(link);
        var href = link.GetAttribute("href")!;
        Assert.Matches($"^/kindergarten/{id}/documents/[0-9]+$", href);

        var own = await parent.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(content, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal(contentType, own.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(shown, own.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(own.Headers.CacheControl?.NoStore);

        var operatorBrowser = await app.SignedInAsync("demo.operator");
        var review = await operatorBrowser.GetPageAsync($"/operator/kindergarten/{id}");
        var staffHref = review.QuerySelectorAll("section[aria-labelledby=documents] a").Single(a => a.TextContent == shown).GetAttribute("href")!;
        var before = await AccessRecordsAsync(child);
        var staff = await operatorBrowser.GetAsync(staffHref);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(content, await staff.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", staff.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(staff.Headers.CacheControl?.NoStore);
        Assert.Equal(before + 1, await AccessRecordsAsync(child));
        var log = await parent.GetPageAsync($"/children/{child}/access");
        Assert.Contains("документ к заявлению в детский сад", log.Body!.TextContent, StringComparison.Ordinal);

        var stored = await QueryAsync(app, db => db.ApplicationDocuments.AsNoTracking().OrderByDescending(d => d.Id).FirstAsync(d => d.ApplicationId == id));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        Assert.Equal(content.Length, stored.Size);
        Assert.Equal(shown, stored.FileName);
        Assert.Equal(Enum.Parse<ApplicationDocumentKind>(kind), stored.Kind);
    }

    public static TheoryData<string, string, byte[], string> Impostors => new()
    {
        { "a program renamed", "scan.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "ни одним из них" },
        { "a web page renamed", "scan.pdf", "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(), "ни одним из них" },
        { "a PNG called PDF", "scan.pdf", Png, "не совпадает с расширением" },
        { "a PDF called EXE", "scan.exe", Pdf, "расширение .pdf, .jpg, .jpeg или .png" },
        { "a PDF called HTML", "scan.html", Pdf, "расширение .pdf, .jpg, .jpeg или .png" },
        { "empty", "scan.pdf", [], "пустой" },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task A_file_that_is_not_a_PDF_JPEG_or_PNG_by_content_and_extension_is_refused_next_to_the_field(string what, string name, byte[] content, string message)
    {
        Assert.NotNull(what);
        var (id, _) = await DemoFamilyApplicationAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var before = await StoredAsync(id);

        var response = await UploadAsync(parent, id, name, content, "Other");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text("#file-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#file")?.GetAttribute("aria-invalid"));
        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task A_kind_must_be_chosen()
    {
        var (id, _) = await DemoFamilyApplicationAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");

        var response = await UploadAsync(parent, id, "scan.pdf", Pdf, "");

        Assert.Contains("какой это документ", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#Kind-error"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(11 * 1024 * 1024)]
    [InlineData((10 * 1024 * 1024) + 1)]
    [InlineData(40 * 1024 * 1024)]
    public async Task A_file_over_10_MB_is_refused_with_the_message_and_nothing_is_stored(int size)
    {
        var (id, _) = await DemoFamilyApplicationAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var before = await StoredAsync(id);
        var big = new byte[size];
        Pdf.CopyTo(big, 0);

        var response = await UploadAsync(parent, id, "big.pdf", big, "BirthCertificate");

        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await parent.GetPageAsync(response.Headers.Location!.OriginalString)
            : Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
        Assert.Contains("больше 10 МБ", page.Text("#file-error"), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task Scans_are_kept_outside_the_web_root_and_no_static_address_serves_them()
    {
        var (id, _) = await DemoFamilyApplicationAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        await UploadAsync(parent, id, "static.pdf", Pdf, "Other");
        var stored = await QueryAsync(app, db => db.ApplicationDocuments.AsNoTracking().OrderByDescending(d => d.Id).FirstAsync(d => d.ApplicationId == id));

        var path = Path.Combine(app.Database.DataDirectory, "documents", stored.StorageKey);
        Assert.True(File.Exists(path));
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(path));
        Assert.Matches("^[0-9]{4}/[0-9a-f]{32}$", stored.StorageKey);
        var webRoot = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath;
        Assert.False(Path.GetFullPath(path).StartsWith(Path.GetFullPath(webRoot), StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.Database.DataDirectory, "documents"), ".upload-*", SearchOption.AllDirectories));

        foreach (var url in new[] { $"/{stored.StorageKey}", $"/documents/{stored.StorageKey}", $"/data/documents/{stored.StorageKey}", $"/static.pdf" })
            Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_parent_takes_back_a_scan_while_the_application_is_undecided_and_it_stays_on_record()
    {
        var child = await NewChildAsync(app, "demo.uchitel", NextSeptember.AddYears(-3).AddMonths(-2), "Ника");
        var id = await NewApplicationAsync("demo.uchitel", child);
        var parent = await app.SignedInAsync("demo.uchitel");
        await UploadAsync(parent, id, "лишний.pdf", Pdf, "Other");
        var document = await QueryAsync(app, db => db.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.ApplicationId == id));

        var response = await parent.SubmitFormAsync($"/kindergarten/{id}", new Dictionary<string, string>(), handler: $"RemoveDocument&documentId={document.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var card = await parent.GetPageAsync($"/kindergarten/{id}");
        Assert.DoesNotContain("лишний.pdf", card.Text("section[aria-labelledby=documents]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/kindergarten/{id}/documents/{document.Id}")).StatusCode);
        var kept = await QueryAsync(app, db => db.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.Id == document.Id));
        Assert.NotNull(kept.DeletedAt);
        Assert.True(File.Exists(Path.Combine(app.Database.DataDirectory, "documents", kept.StorageKey)));
    }

    [Fact]
    public async Task Once_the_child_is_in_the_queue_a_scan_can_no_longer_be_taken_back()
    {
        var (id, _) = await DemoFamilyApplicationAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        await UploadAsync(parent, id, "нужный.pdf", Pdf, "Other");
        var document = await QueryAsync(app, db => db.ApplicationDocuments.AsNoTracking().OrderByDescending(d => d.Id).FirstAsync(d => d.ApplicationId == id));
        Assert.Empty((await parent.GetPageAsync($"/kindergarten/{id}")).QuerySelectorAll("form[action*=RemoveDocument]"));

        await parent.SubmitFormAsync($"/kindergarten/{id}", new Dictionary<string, string>(), handler: $"RemoveDocument&documentId={document.Id}");

        Assert.Null((await QueryAsync(app, db => db.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.Id == document.Id))).DeletedAt);
    }

    [Fact]
    public async Task At_most_20_scans_are_attached_to_one_application()
    {
        var child = await NewChildAsync(app, "demo.uchitel", NextSeptember.AddYears(-3).AddMonths(-2), "Вера");
        var id = await NewApplicationAsync("demo.uchitel", child);
        var parent = await app.SignedInAsync("demo.uchitel");
        for (var i = 0; i < DocumentRules.MaxPerApplication; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(parent, id, $"скан {i}.png", Png, "Other")).StatusCode);

        var card = await parent.GetPageAsync($"/kindergarten/{id}");
        Assert.Contains("больше нельзя", card.Text("section[aria-labelledby=documents]"), StringComparison.Ordinal);
        var token = card.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await PostScanAsync(parent, id, token, "ещё.png", Png, "Other");
        Assert.Contains("не больше 20 файлов", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#file-error"), StringComparison.Ordinal);
        Assert.Equal(DocumentRules.MaxPerApplication, await StoredAsync(id));
    }

    private enum Target
    {
        OwnFamily,
        OtherMunicipality,
    }

    private static readonly string?[] Callers = [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region"];

    public static TheoryData<bool, int, string?> Downloads()
    {
        var data = new TheoryData<bool, int, string?>();
        foreach (var operatorRoute in new[] { false, true })
        {
            foreach (var target in Enum.GetValues<Target>())
            {
                foreach (var caller in Callers)
                    data.Add(operatorRoute, (int)target, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Downloads))]
    public async Task Each_caller_downloads_only_the_scans_in_their_scope(bool operatorRoute, int target, string? caller)
    {
        var (id, documentId) = await ScanOnAsync((Target)target);
        var url = operatorRoute ? $"/operator/kindergarten/{id}/documents/{documentId}" : $"/kindergarten/{id}/documents/{documentId}";
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);

        var response = await browser.GetAsync(url);

        var expected = (caller, operatorRoute, (Target)target) switch
        {
            (null, _, _) => HttpStatusCode.Redirect,
            ("demo.region", true, _) => HttpStatusCode.OK,
            ("demo.operator", true, Target.OwnFamily) => HttpStatusCode.OK,
            ("demo.operator", true, _) => HttpStatusCode.NotFound,
            (_, true, _) => HttpStatusCode.Forbidden,
            ("demo.roditel", false, Target.OwnFamily) => HttpStatusCode.OK,
            _ => HttpStatusCode.NotFound,
        };
        if (expected == HttpStatusCode.Forbidden && response.StatusCode == HttpStatusCode.Redirect)
            Assert.Contains("/error/403", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        else
            Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        if (expected == HttpStatusCode.OK)
            Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_anonymous_upload_is_sent_to_sign_in_and_nothing_is_stored()
    {
        var (id, _) = await DemoFamilyApplicationAsync(app);
        var before = await StoredAsync(id);

        var response = await PostScanAsync(app.CreateBrowser(), id, token: null, "scan.pdf", Pdf, "Other");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
    }

    [Theory]
    [InlineData("demo.uchitel")]
    [InlineData("demo.operator")]
    public async Task Nobody_outside_the_family_attaches_a_scan(string caller)
    {
        var (id, _) = await DemoFamilyApplicationAsync(app);
        var before = await StoredAsync(id);
        var browser = await app.SignedInAsync(caller);
        var token = (await browser.GetPageAsync("/kindergarten/apply")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");

        var response = await PostScanAsync(browser, id, token, "scan.pdf", Pdf, "Other");

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.Equal(before, await StoredAsync(id));
    }

    private DateOnly NextSeptember => NextSeptemberOf(app);

    private static byte[] Sample(byte[] header)
    {
        var content = new byte[header.Length + 3000];
        header.CopyTo(content, 0);
        new Random(header.Length).NextBytes(content.AsSpan(header.Length));
        return content;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, int id, string name, byte[] content, string kind)
    {
        var card = await browser.GetPageAsync($"/kindergarten/{id}");
        var token = card.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No upload form on the card");
        return await PostScanAsync(browser, id, token, name, content, kind);
    }

    private static Task<HttpResponseMessage> PostScanAsync(HttpClient browser, int id, string? token, string name, byte[] content, string kind)
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
            form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(kind), "Kind");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return browser.PostAsync($"/kindergarten/{id}?handler=Upload", form);
    }

    private Task<int> StoredAsync(int applicationId) =>
        QueryAsync(app, db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == applicationId && d.DeletedAt == null));

    private Task<int> AccessRecordsAsync(int child) =>
        QueryAsync(app, db => db.PersonalDataAccess.CountAsync(a => a.SubjectPersonId == child));

    private async Task<int> NewApplicationAsync(string login, int child)
    {
        var gardens = await KindergartensTakingAsync(app, Kemerovo, 38);
        var parent = await app.SignedInAsync(login);
        var response = await parent.SubmitFormAsync($"/kindergarten/apply?child={child}&municipality={Kemerovo}", Form(NextSeptember, gardens[0]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A PDF scan on the demo family's application or on an application in another municipality (arranged in the store directly).</summary>
    private async Task<(int Id, int DocumentId)> ScanOnAsync(Target target)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var id = target == Target.OwnFamily
            ? (await DemoFamilyApplicationAsync(app)).Id
            : await db.QueueApplications.Where(a => a.MunicipalityId != Kemerovo).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var stored = await scope.ServiceProvider.GetRequiredService<FileStore>().SaveAsync(new MemoryStream(Pdf), ScanFiles.MaxFileBytes, CancellationToken.None);
        var account = await db.Users.Where(a => a.UserName == "demo.roditel").Select(a => a.Id).SingleAsync();
        var document = new ApplicationDocument
        {
            ApplicationId = id, Kind = ApplicationDocumentKind.Other, FileName = "скан.pdf", ContentType = "application/pdf",
            Size = stored!.Size, Sha256 = stored.Sha256, StorageKey = stored.Key, UploadedByAccountId = account, UploadedAt = DateTime.UnixEpoch,
        };
        db.ApplicationDocuments.Add(document);
        await db.SaveChangesAsync();
        return (id, document.Id);
    }
}
