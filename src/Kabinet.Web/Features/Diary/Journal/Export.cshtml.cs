using System.Globalization;
using System.Text;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Diary.Journal;

/// <summary>
/// A period of the journal as CSV for the teacher: a row per student with the marks and attendance of each lesson, the
/// average and the period mark; UTF-8 with a BOM and «;» between fields, so that a Russian Excel opens it as it is.
/// </summary>
[Authorize(Roles = nameof(PortalRole.Teacher))]
public sealed class ExportModel(JournalAccess access, JournalData data) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")]
    public int? Period { get; set; }

    public async Task<IActionResult> OnGetAsync(int classGroupId, int subjectId, CancellationToken ct)
    {
        if (await access.OpenAsync(User, classGroupId, subjectId, ct) is not { Assigned: true } scope || JournalData.TermOf(scope, Period) is not { } term)
            return NotFound();
        var sheet = await data.SheetAsync(scope, term, ct);
        var csv = new StringBuilder();
        csv.AppendJoin(';', sheet.Lessons.Select(l => l.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) + (sheet.Lessons.Count(x => x.Date == l.Date) > 1 ? $" ({l.Number}-й урок)" : ""))
            .Prepend("Ученик").Concat(["Средний балл", term.Title]).Select(Field)).Append("\r\n");
        foreach (var student in sheet.Students)
        {
            var cells = sheet.Lessons.Select(l => string.Join(' ', sheet.MarksOf(student.PersonId, l).Select(m => m.Value.Cell(scope.College))
                .Concat(sheet.AttendanceOf(student.PersonId, l) is { } code ? [code.Letter()] : [])));
            csv.AppendJoin(';', new[] { student.Name }.Concat(cells)
                .Concat([JournalData.Average(sheet.Summary(student.PersonId).Average).Replace("—", "", StringComparison.Ordinal),
                    sheet.PeriodMarkOf(student.PersonId)?.Value.Cell(scope.College) ?? ""]).Select(Field)).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"Журнал {scope.Class.Name} {scope.Subject.Name} {term.Title}.csv");
    }

    /// <summary>A field quoted when it holds the separator, a quote or a line break (RFC 4180); a leading formula sign is neutralised.</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
            text = "'" + text;
        return text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
