using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Messages;

/// <summary>The demo gymnasium's people as the message tests need them, the strangers they add, and posting messages with files.</summary>
internal static class MessagesTestData
{
    /// <summary>A parent of another 5А pupil: the same class, another family.</summary>
    public const string OtherParent = "other.family.parent";

    /// <summary>A teacher at another school.</summary>
    public const string OtherTeacher = "other.school.teacher";

    public static readonly byte[] Pdf = Sample("%PDF-1.7\n"u8.ToArray());

    public static readonly byte[] Png = Sample([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static readonly SemaphoreSlim Setup = new(1, 1);

    public sealed record Community(int Gymnasium, int ClassId, int Pupil, int TeacherEmployee, int TeacherPerson, int OtherPupil, int OtherParentPerson, int OtherSchool, int OtherTeacherEmployee);

    public static async Task<T> QueryAsync<T>(KabinetApp app, Func<KabinetDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KabinetDbContext>());
    }

    /// <summary>The demo class and its teacher, and the two strangers (made once per app).</summary>
    public static async Task<Community> CommunityAsync(KabinetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var parent = await db.Users.SingleAsync(u => u.UserName == "demo.roditel");
        var pupil = await db.Users.Where(u => u.UserName == "demo.uchenik").Select(u => u.PersonId).SingleAsync();
        var teacherPerson = await db.Users.Where(u => u.UserName == "demo.uchitel").Select(u => u.PersonId).SingleAsync();
        var classId = await db.ClassMemberships.Where(m => m.PersonId == pupil).Select(m => m.ClassGroupId).SingleAsync();
        var gymnasium = await db.ClassGroups.Where(c => c.Id == classId).Select(c => c.OrganisationId).SingleAsync();
        var teacherEmployee = await db.Employees.Where(e => e.PersonId == teacherPerson && e.OrganisationId == gymnasium).Select(e => e.Id).FirstAsync();
        var ourGuardians = await db.FamilyLinks.Where(l => l.ChildId == pupil).Select(l => l.GuardianId).ToListAsync();
        var other = await db.ClassMemberships.Where(m => m.ClassGroupId == classId && m.PersonId != pupil)
            .Join(db.FamilyLinks, m => m.PersonId, l => l.ChildId, (m, l) => new { Pupil = m.PersonId, Guardian = l.GuardianId })
            .Where(x => !ourGuardians.Contains(x.Guardian) && !db.Users.Any(u => u.PersonId == x.Guardian) || db.Users.Any(u => u.PersonId == x.Guardian && u.UserName == OtherParent))
            .OrderBy(x => x.Pupil).ThenBy(x => x.Guardian).FirstAsync();
        var otherSchool = await db.Organisations.Where(o => o.Kind == OrganisationKind.School && o.Id != gymnasium).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var otherTeacher = await db.Employees.Where(e => e.OrganisationId == otherSchool && e.Position.StartsWith("Учитель"))
            .Where(e => !db.Users.Any(u => u.PersonId == e.PersonId) || db.Users.Any(u => u.PersonId == e.PersonId && u.UserName == OtherTeacher))
            .OrderBy(e => e.Id).FirstAsync();

        await Setup.WaitAsync();
        try
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            foreach (var (login, person, role, organisation) in new[] { (OtherParent, other.Guardian, PortalRole.Parent, (int?)null), (OtherTeacher, otherTeacher.PersonId, PortalRole.Teacher, otherSchool) })
            {
                if (await db.Users.AnyAsync(u => u.UserName == login))
                    continue;
                var account = new Account { UserName = login, Email = $"{login}@kabinet.example", EmailConfirmed = true, PersonId = person, CreatedAt = now };
                Assert.True((await users.CreateAsync(account, Seeder.DemoPassword)).Succeeded);
                db.RoleGrants.Add(RoleGrant.Create(account.Id, role, now, organisation));
                await db.SaveChangesAsync();
            }
        }
        finally
        {
            Setup.Release();
        }

        return new Community(gymnasium, classId, pupil, teacherEmployee, teacherPerson, other.Pupil, other.Guardian, otherSchool, otherTeacher.Id);
    }

    /// <summary>Opens the page, then posts its form as multipart with the files: (name, content).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, IDictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var page = await browser.GetPageAsync(url);
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No message form on {url}");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
            form.Add(new StringContent(value), key);
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }

        return await browser.PostAsync(url, form);
    }

    /// <summary>Writes a new message and returns where it went (the thread or the class message page).</summary>
    public static async Task<string> WriteAsync(HttpClient browser, string url, string recipient, string subject, string text, params (string Name, byte[] Content)[] files)
    {
        var response = await PostAsync(browser, url, new Dictionary<string, string> { ["Recipient"] = recipient, ["Subject"] = subject, ["Text"] = text }, files);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Writing to {recipient}: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.ToString();
    }

    public static int IdOf(string location) => int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A minimal Office Open XML package: a ZIP with the part that makes it a document or a workbook.</summary>
    public static byte[] Office(string part)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", part })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Sample(byte[] header)
    {
        var content = new byte[header.Length + 3000];
        header.CopyTo(content, 0);
        new Random(header.Length).NextBytes(content.AsSpan(header.Length));
        return content;
    }
}
