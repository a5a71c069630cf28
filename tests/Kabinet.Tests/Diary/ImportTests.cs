using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kabinet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Diary.DiaryTestData;

namespace Kabinet.Tests.Diary;

/// <summary>Teaching assignments and timetables uploaded as CSV or XLSX: all or nothing, every bad row named.</summary>
public sealed class ImportTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>An XLSX workbook with one sheet of the rows (numbers as numbers, text as inline strings), as Excel writes it.</summary>
    private static byte[] Xlsx(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    var text = rows[r][c];
                    row.Append(int.TryParse(text, out _)
                        ? new Cell { CellReference = reference, CellValue = new CellValue(text), DataType = CellValues.Number }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Лист1" }));
        }

        return stream.ToArray();
    }

    private async Task<(int Org, HttpClient Admin, string Url)> OpenAsync()
    {
        var org = await GymnasiumAsync(app);
        return (org, await app.SignedInAsync("demo.admin"), $"/school/{org}/import");
    }

    [Fact]
    public async Task A_good_CSV_of_assignments_then_of_a_timetable_is_saved_and_replaces_the_classes_timetable_from_the_date()
    {
        var (org, admin, url) = await OpenAsync();
        var teachers = await FreeTeachersAsync(app, org);
        var (t1, t2) = (teachers[0], teachers[1]);
        var eighth = await ClassAsync(app, org, "8А");

        var assignments = await UploadAsync(admin, url, "Save", new Dictionary<string, string> { ["Kind"] = "Assignments" }, "nagruzka.csv", Csv(
            "Класс;Предмет;Учитель;Классный руководитель",
            $"8А;Математика;{t1.FullName};да",
            $"8 а;литература;{t2.FullName};",
            $"8А;Рус. яз.;{t2.FullName};"));
        Assert.Equal(HttpStatusCode.Redirect, assignments.StatusCode);
        Assert.Equal(3, await QueryAsync(app, db => db.TeachingAssignments.CountAsync(a => a.ClassGroupId == eighth)));
        Assert.Equal(t1.EmployeeId, await QueryAsync(app, db => db.ClassGroups.Where(c => c.Id == eighth).Select(c => c.ClassTeacherId).SingleAsync()));

        var year = await YearAsync(app, org);
        var from = year.StartsOn.AddDays(21);
        var timetable = await UploadAsync(admin, url, "Save", new Dictionary<string, string> { ["Kind"] = "Timetable", ["ValidFrom"] = Iso(from) }, "raspisanie.csv", Csv(
            "Класс,День,Урок,Предмет,Учитель,Кабинет",
            $"8А,Пн,1,Математика,{t1.FullName},8",
            $"8А,Пн,2,Литература,{t2.FullName},",
            $"8А,вторник,1,\"Математика\",{t1.FullName},\"8\""));
        Assert.Equal(HttpStatusCode.Redirect, timetable.StatusCode);
        var slots = await SlotsOfAsync(app, eighth);
        Assert.Equal([(DayOfWeek.Monday, 1, "8"), (DayOfWeek.Monday, 2, null), (DayOfWeek.Tuesday, 1, "8")], slots.Select(s => (s.Day, s.LessonNumber, s.Room)));
        Assert.All(slots, s => Assert.Equal((from, year.EndsOn), (s.ValidFrom, s.ValidTo)));

        // Loaded again from a later date: the earlier weeks keep the first version.
        var later = from.AddDays(14);
        var again = await UploadAsync(admin, url, "Save", new Dictionary<string, string> { ["Kind"] = "Timetable", ["ValidFrom"] = Iso(later) }, "raspisanie.csv", Csv(
            $"8А;Ср;3;Математика;{t1.FullName};9"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        slots = await SlotsOfAsync(app, eighth);
        Assert.Equal(4, slots.Count);
        Assert.All(slots.Where(s => s.Day != DayOfWeek.Wednesday), s => Assert.Equal(later.AddDays(-1), s.ValidTo));
        Assert.Equal(later, slots.Single(s => s.Day == DayOfWeek.Wednesday).ValidFrom);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_saves_nothing_and_names_every_bad_row_with_its_reason()
    {
        var (org, admin, url) = await OpenAsync();
        var teachers = await FreeTeachersAsync(app, org);
        var ninth = await ClassAsync(app, org, "9А");
        var before = await QueryAsync(app, db => db.TeachingAssignments.CountAsync());

        var response = await UploadAsync(admin, url, "Save", new Dictionary<string, string> { ["Kind"] = "Assignments" }, "nagruzka.csv", Csv(
            "Класс;Предмет;Учитель",
            $"9А;Математика;{teachers[0].FullName}",
            $"9Я;Математика;{teachers[0].FullName}",
            $"9А;Математика;{teachers[1].FullName}",
            $"9А;Алхимия;Нетакой Учитель Никакович"));

        var page = await PageOfAsync(response);
        var errors = page.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Строка 3:", errors[0], StringComparison.Ordinal);
        Assert.Contains("Класса «9Я» в школе нет", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Строка 5:", errors[1], StringComparison.Ordinal);
        Assert.Contains("Предмета «Алхимия» нет", errors[1], StringComparison.Ordinal);
        Assert.Contains("Нетакой Учитель Никакович", errors[1], StringComparison.Ordinal);
        Assert.Contains("Ничего не сохранено", page.Text("#Upload-error"), StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(app, db => db.TeachingAssignments.CountAsync()));
        Assert.Equal(0, await QueryAsync(app, db => db.TeachingAssignments.CountAsync(a => a.ClassGroupId == ninth)));
    }

    [Fact]
    public async Task The_check_shows_the_recognised_rows_without_saving()
    {
        var (org, admin, url) = await OpenAsync();
        var teacher = (await FreeTeachersAsync(app, org))[2];
        var before = await QueryAsync(app, db => db.TeachingAssignments.CountAsync());

        var page = await PageOfAsync(await UploadAsync(admin, url, "Preview", new Dictionary<string, string> { ["Kind"] = "Assignments" }, "n.csv",
            Csv($"10А;История;{teacher.FullName};да")));

        Assert.Contains(teacher.FullName, page.Text("#import-preview"), StringComparison.Ordinal);
        Assert.Contains("Ошибок нет", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(app, db => db.TeachingAssignments.CountAsync()));
    }

    [Fact]
    public async Task An_XLSX_timetable_is_saved_and_one_with_a_teacher_in_two_classes_at_once_is_refused_naming_the_row()
    {
        var (org, admin, url) = await OpenAsync();
        var teachers = await FreeTeachersAsync(app, org);
        var (t1, t2) = (teachers[2], teachers[3]);
        var (tenth, eleventh) = (await ClassAsync(app, org, "10А"), await ClassAsync(app, org, "11А"));
        var assigned = await UploadAsync(admin, url, "Save", new Dictionary<string, string> { ["Kind"] = "Assignments" }, "n.xlsx", Xlsx(
            ["Класс", "Предмет", "Учитель", "Классный руководитель"],
            ["10А", "География", t1.FullName, ""],
            ["11А", "География", t1.FullName, ""],
            ["11А", "Биология", t2.FullName, "да"]));
        Assert.True(HttpStatusCode.Redirect == assigned.StatusCode, await assigned.Content.ReadAsStringAsync() is var body && Html.Parse(body).QuerySelector("main") is { } main ? main.TextContent : body);

        var clash = await PageOfAsync(await UploadAsync(admin, url, "Save", new Dictionary<string, string> { ["Kind"] = "Timetable" }, "r.xlsx", Xlsx(
            ["Класс", "День", "Урок", "Предмет", "Учитель", "Кабинет"],
            ["10А", "Пт", "4", "География", t1.FullName, "31"],
            ["11А", "Пт", "4", "География", t1.FullName, "31"],
            ["11А", "Пт", "5", "Биология", t2.FullName, "32"])));
        var error = Assert.Single(clash.QuerySelectorAll("#import-errors li")).TextContent;
        Assert.StartsWith("Строка 3:", error, StringComparison.Ordinal);
        Assert.Contains("в это время ведёт урок в 10А (строка 2)", error, StringComparison.Ordinal);
        Assert.Empty(await SlotsOfAsync(app, tenth));
        Assert.Empty(await SlotsOfAsync(app, eleventh));

        var saved = await UploadAsync(admin, url, "Save", new Dictionary<string, string> { ["Kind"] = "Timetable" }, "r.xlsx", Xlsx(
            ["Класс", "День", "Урок", "Предмет", "Учитель", "Кабинет"],
            ["10А", "Пт", "4", "География", t1.FullName, "31"],
            ["11А", "Пт", "5", "География", t1.FullName, "31"],
            ["11А", "Пт", "4", "Биология", t2.FullName, "32"]));
        Assert.True(HttpStatusCode.Redirect == saved.StatusCode, Html.Parse(await saved.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent);
        Assert.Equal((DayOfWeek.Friday, 4, "31"), Assert.Single(await SlotsOfAsync(app, tenth)) is var s ? (s.Day, s.LessonNumber, s.Room) : default);
        Assert.Equal(2, (await SlotsOfAsync(app, eleventh)).Count);
    }

    [Fact]
    public async Task A_lesson_of_a_subject_the_teacher_is_not_assigned_to_is_refused()
    {
        var (org, admin, url) = await OpenAsync();
        var teacher = (await FreeTeachersAsync(app, org))[0];

        var page = await PageOfAsync(await UploadAsync(admin, url, "Save", new Dictionary<string, string> { ["Kind"] = "Timetable" }, "r.csv",
            Csv($"7А;Сб;1;Музыка;{teacher.FullName};", $"7А;Вс;1;Музыка;{teacher.FullName};", $"7А;Сб;99;Музыка;{teacher.FullName};")));

        var errors = page.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains("не ведёт «Музыка» в 7А", errors[0], StringComparison.Ordinal);
        Assert.Contains("День недели «Вс» не распознан", errors[1], StringComparison.Ordinal);
        Assert.Contains("Номер урока «99»", errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_over_the_limits_or_of_other_types_are_refused_next_to_the_file_field()
    {
        var (_, admin, url) = await OpenAsync();
        var fields = new Dictionary<string, string> { ["Kind"] = "Assignments" };

        var big = new byte[(1024 * 1024) + 1];
        Array.Fill(big, (byte)'a');
        Assert.Contains("больше 1 МБ", (await PageOfAsync(await UploadAsync(admin, url, "Save", fields, "big.csv", big))).Text("#Upload-error"), StringComparison.Ordinal);

        var many = Csv([.. Enumerable.Range(0, 5_002).Select(i => $"5А;Математика;Учитель {i}")]);
        Assert.Contains("больше 5000 строк", (await PageOfAsync(await UploadAsync(admin, url, "Save", fields, "many.csv", many))).Text("#Upload-error"), StringComparison.Ordinal);

        Assert.Contains("CSV или XLSX", (await PageOfAsync(await UploadAsync(admin, url, "Save", fields, "list.pdf", [1, 2, 3]))).Text("#Upload-error"), StringComparison.Ordinal);
        Assert.Contains("повреждён", (await PageOfAsync(await UploadAsync(admin, url, "Save", fields, "broken.xlsx", [80, 75, 3, 4, 1, 2]))).Text("#Upload-error"), StringComparison.Ordinal);
        Assert.Contains("UTF-8", (await PageOfAsync(await UploadAsync(admin, url, "Save", fields, "cp1251.csv", [0xCA, 0xEB, 0xE0, 0xF1, 0xF1]))).Text("#Upload-error"), StringComparison.Ordinal);
    }
}
