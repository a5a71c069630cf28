using System.IO.Compression;
using System.Net;
using System.Text;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Accounts;

/// <summary>An organisation's administrator issues logins for a class or from a CSV/XLSX list and prints the sheet.</summary>
public sealed class IssuingTests
{
    [Fact]
    public async Task Logins_for_a_class_and_its_parents_come_out_on_a_printable_sheet_and_work_once()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var admin = await app.SignedInAsync("demo.admin");
        int classId;
        await using (var scope = app.Services.CreateAsyncScope())
            classId = await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().ClassGroups.Where(c => c.OrganisationId == 1 && c.Name == "5А").Select(c => c.Id).SingleAsync();

        var list = await admin.GetPageAsync($"/org/accounts?class={classId}");
        var boxes = list.QuerySelectorAll("input[name=Selected]").ToList();
        Assert.Contains(boxes, b => b.HasAttribute("disabled")); // demo.uchenik already has an account
        var chosen = boxes.Where(b => !b.HasAttribute("disabled")).Take(2).Select(b => b.GetAttribute("value")!).ToList();

        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", list.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("WithParents", "true"),
        };
        form.AddRange(chosen.Select(id => new KeyValuePair<string, string>("Selected", id)));
        var response = await admin.PostAsync($"/org/accounts?handler=Class&organisation=1&class={classId}", new FormUrlEncodedContent(form));

        var sheet = Html.Parse(await response.Content.ReadAsStringAsync());
        var cards = sheet.QuerySelectorAll(".sheet__card").ToList();
        Assert.True(cards.Count >= 3, "two students and at least one parent");
        Assert.Equal(2, cards.Count(c => c.TextContent.Contains("обучающийся", StringComparison.Ordinal)));
        Assert.Contains(cards, c => c.TextContent.Contains("родитель", StringComparison.Ordinal));
        var secrets = cards[0].QuerySelectorAll(".sheet__secret").Select(s => s.TextContent).ToList();

        var (student, signedIn) = await app.SignInAsync(secrets[0], secrets[1]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/account/password", (await student.GetAsync("/services")).Headers.Location?.OriginalString);
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var account = await db.Users.SingleAsync(a => a.UserName == secrets[0]);
        var grant = await db.RoleGrants.SingleAsync(g => g.AccountId == account.Id);
        Assert.Equal((PortalRole.Student, 1), (grant.Role, grant.OrganisationId!.Value));
    }

    [Fact]
    public async Task A_CSV_in_Windows_1251_and_an_XLSX_list_both_issue_accounts()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var admin = await app.SignedInAsync("demo.admin");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding(1251).GetBytes("Фамилия;Имя;Отчество;Роль;Электронная почта\r\nСоболева;Алёна;Викторовна;педагог;soboleva@mail.example\r\nгромов;пётр;;учитель;\r\n");

        var fromCsv = await UploadAsync(admin, "staff.csv", csv);
        var csvCards = fromCsv.QuerySelectorAll(".sheet__card").Select(c => c.TextContent).ToList();
        Assert.Contains(csvCards, c => c.Contains("Соболева Алёна Викторовна — педагог", StringComparison.Ordinal));
        Assert.Contains(csvCards, c => c.Contains("Громов Пётр — педагог", StringComparison.Ordinal));

        var fromXlsx = await UploadAsync(admin, "students.xlsx", Xlsx(["Фамилия", "Имя", "Отчество", "Роль"], ["Лебедева", "Ника", "Олеговна", "обучающийся"]));
        Assert.Contains("Лебедева Ника Олеговна — обучающийся", fromXlsx.Text(".sheet"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_list_uploaded_again_issues_nothing_and_says_when_it_was_issued()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var admin = await app.SignedInAsync("demo.admin");
        var csv = Encoding.UTF8.GetBytes("Фамилия;Имя;Отчество;Роль\nКоролёва;Дарья;Игоревна;педагог\n");
        var first = await UploadAsync(admin, "teachers.csv", csv);
        Assert.Single(first.QuerySelectorAll(".sheet__card"));
        var accounts = await CountAsync(app);

        var again = await UploadAsync(admin, "teachers (копия).csv", csv);

        Assert.Empty(again.QuerySelectorAll(".sheet__card"));
        Assert.Contains("Этот файл уже загружен", again.Text("#list-error"), StringComparison.Ordinal);
        Assert.Equal("true", again.QuerySelector("#list")!.GetAttribute("aria-invalid"));
        Assert.Equal(accounts, await CountAsync(app));
    }

    [Fact]
    public async Task A_list_longer_than_the_limit_is_refused_before_anyone_gets_an_account()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var admin = await app.SignedInAsync("demo.admin");
        var accounts = await CountAsync(app);
        var rows = string.Concat(Enumerable.Range(0, 201).Select(i => $"Иванов;Иван;;обучающийся\n"));

        var page = await UploadAsync(admin, "school.csv", Encoding.UTF8.GetBytes("Фамилия;Имя;Отчество;Роль\n" + rows));

        Assert.Contains("не больше 200 человек", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(accounts, await CountAsync(app));
    }

    [Fact]
    public async Task A_list_with_bad_rows_is_refused_whole_with_each_problem_by_line()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var admin = await app.SignedInAsync("demo.admin");
        var accounts = await CountAsync(app);
        var csv = Encoding.UTF8.GetBytes("Фамилия;Имя;Отчество;Роль\nИванов;Иван;;педагог\n<script>alert(1)</script>;Анна;;педагог\nПетров;Олег;;директор\n'; DROP TABLE people;--;Пётр;;педагог\n");

        var page = await UploadAsync(admin, "list.csv", csv);

        var problems = page.QuerySelectorAll(".problems li").Select(li => li.TextContent).ToList();
        Assert.Contains(problems, p => p.StartsWith("Строка 3:", StringComparison.Ordinal) && p.Contains("только буквы", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Строка 4:", StringComparison.Ordinal) && p.Contains("неизвестная роль «директор»", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Строка 5:", StringComparison.Ordinal));
        Assert.Contains("никто не добавлен", page.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(accounts, await CountAsync(app));
    }

    [Theory]
    [InlineData("junk.xlsx", "Файл не удалось прочитать")]
    [InlineData("empty.csv", "Выберите файл")]
    [InlineData("noheader.csv", "заголовки столбцов")]
    public async Task Files_that_are_not_lists_are_explained(string name, string message)
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var admin = await app.SignedInAsync("demo.admin");
        byte[] content = name switch
        {
            "junk.xlsx" => [0x50, 0x4B, 0xFF, 0x00, 0x13, 0x37, 0xC3, 0x28],
            "empty.csv" => [],
            _ => Encoding.UTF8.GetBytes("Иванов;Иван;педагог\n"),
        };

        var page = await UploadAsync(admin, name, content);

        Assert.Contains(message, page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_cannot_issue_for_another_organisation_s_class()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var admin = await app.SignedInAsync("demo.admin");
        int otherClass;
        await using (var scope = app.Services.CreateAsyncScope())
            otherClass = await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().ClassGroups.Where(c => c.OrganisationId != 1).Select(c => c.Id).FirstAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/org/accounts?class={otherClass}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/org/accounts?organisation=2")).StatusCode);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(HttpClient admin, string name, byte[] content)
    {
        var page = await admin.GetPageAsync("/org/accounts");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        if (content.Length > 0)
            form.Add(new ByteArrayContent(content), "list", name);
        var response = await admin.PostAsync("/org/accounts?handler=Upload&organisation=1", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<int> CountAsync(KabinetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().Users.CountAsync();
    }

    /// <summary>A minimal XLSX workbook with inline strings, as spreadsheet programs write them.</summary>
    private static byte[] Xlsx(params string[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 0; r < rows.Length; r++)
            {
                sheet.Append($"<row r=\"{r + 1}\">");
                for (var c = 0; c < rows[r].Length; c++)
                    sheet.Append($"<c r=\"{(char)('A' + c)}{r + 1}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(rows[r][c])}</t></is></c>");
                sheet.Append("</row>");
            }

            sheet.Append("</sheetData></worksheet>");
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(sheet.ToString());
        }

        return buffer.ToArray();
    }
}
