using System.IO.Compression;
using System.Text;
using System.Xml;
using Kabinet.Web.Common.Text;
using Kabinet.Web.Features.Families;

namespace Kabinet.Web.Features.Accounts.Issuing;

public sealed record ListedPerson(int Line, string LastName, string FirstName, string? MiddleName, PortalRole Role, string? Email);

public sealed record ListProblem(int Line, string Message);

/// <summary>
/// Reads a list of people from CSV (UTF-8 or Windows-1251, «;» or «,») or XLSX (the first sheet) with the
/// columns «Фамилия», «Имя», «Отчество», «Роль», «Электронная почта». Every bad row is reported with its
/// line number; a list with any problem is refused whole.
/// </summary>
public static class PeopleList
{
    public const int MaxRows = 200; // every account costs a password hash: 200 keep one upload within seconds
    public const long MaxBytes = 1024 * 1024;

    private static readonly Dictionary<string, PortalRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["обучающийся"] = PortalRole.Student, ["обучающаяся"] = PortalRole.Student, ["ученик"] = PortalRole.Student, ["ученица"] = PortalRole.Student,
        ["студент"] = PortalRole.Student, ["студентка"] = PortalRole.Student,
        ["педагог"] = PortalRole.Teacher, ["учитель"] = PortalRole.Teacher, ["преподаватель"] = PortalRole.Teacher, ["воспитатель"] = PortalRole.Teacher,
        ["родитель"] = PortalRole.Parent, ["законный представитель"] = PortalRole.Parent,
    };

    public static (IReadOnlyList<ListedPerson> People, IReadOnlyList<ListProblem> Problems) Read(Stream content, string fileName)
    {
        List<string[]> rows;
        try
        {
            rows = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(content) : ReadCsv(content);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever an uploaded file does to the zip and XML readers, the person gets a plain answer, not a 500.
            return ([], [new ListProblem(0, "Файл не удалось прочитать: сохраните его как CSV (разделитель «;») или XLSX и загрузите снова.")]);
        }

        return Parse(rows);
    }

    private static (IReadOnlyList<ListedPerson>, IReadOnlyList<ListProblem>) Parse(List<string[]> rows)
    {
        var problems = new List<ListProblem>();
        if (rows.Count == 0)
            return ([], [new ListProblem(0, "Файл пустой.")]);
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Column(params string[] names) => Array.FindIndex(header, h => names.Contains(h));
        var (last, first, middle, role, email) = (Column("фамилия"), Column("имя"), Column("отчество"), Column("роль"), Column("электронная почта", "e-mail", "email", "почта"));
        if (last < 0 || first < 0 || role < 0)
            return ([], [new ListProblem(1, "В первой строке должны быть заголовки столбцов: Фамилия; Имя; Отчество; Роль; Электронная почта.")]);
        if (rows.Count - 1 > MaxRows)
            return ([], [new ListProblem(0, $"В одном файле — не больше {MaxRows} человек.")]);

        var people = new List<ListedPerson>();
        for (var i = 1; i < rows.Count; i++)
        {
            var line = i + 1;
            var row = rows[i];
            string Cell(int c) => c >= 0 && c < row.Length ? row[c].Trim() : "";
            if (row.All(string.IsNullOrWhiteSpace))
                continue;
            var (lastName, firstName, middleName, roleText, emailText) = (Cell(last), Cell(first), Cell(middle), Cell(role), Cell(email));
            var rowProblems = new List<string>();
            foreach (var (value, what, required) in new[] { (lastName, "фамилия", true), (firstName, "имя", true), (middleName, "отчество", false) })
            {
                if (value.Length == 0 && required)
                    rowProblems.Add($"не указано поле «{what}»");
                else if (value.Length > 100 || (value.Length > 0 && !Names.IsValid(value)))
                    rowProblems.Add($"поле «{what}» может содержать только буквы, пробел, дефис и апостроф");
            }

            if (!Roles.TryGetValue(roleText, out var parsedRole))
                rowProblems.Add($"неизвестная роль «{Shorten(roleText)}» (допустимы: обучающийся, педагог, родитель)");
            string? parsedEmail = null;
            if (emailText.Length > 0 && (parsedEmail = ContactFormats.Email(emailText)) is null)
                rowProblems.Add($"адрес почты «{Shorten(emailText)}» указан неверно");

            if (rowProblems.Count > 0)
                problems.Add(new ListProblem(line, string.Join("; ", rowProblems) + "."));
            else
                people.Add(new ListedPerson(line, Names.Capitalize(lastName), Names.Capitalize(firstName), middleName.Length == 0 ? null : Names.Capitalize(middleName), parsedRole, parsedEmail));
        }

        if (people.Count == 0 && problems.Count == 0)
            problems.Add(new ListProblem(0, "В файле нет ни одного человека."));
        return (people, problems);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    // Excel saves Russian CSV in Windows-1251; anything that is not valid UTF-8 is read that way.
    private static List<string[]> ReadCsv(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding(1251).GetString(bytes);
        }

        text = text.TrimStart('\uFEFF');
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var delimiter = lines.Count > 0 && lines[0].Count(c => c == ';') >= lines[0].Count(c => c == ',') ? ';' : ',';
        return [.. lines.Where((l, i) => i < lines.Count - 1 || l.Length > 0).Select(l => SplitCsvLine(l, delimiter))];
    }

    private static string[] SplitCsvLine(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    // The first sheet of an XLSX workbook: shared strings, inline strings and plain values; nothing is evaluated.
    private static List<string[]> ReadXlsx(Stream content)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read);
        var shared = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is { } sharedEntry)
        {
            using var reader = XmlReader.Create(Limited(sharedEntry), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (reader.ReadToFollowing("si"))
            {
                using var si = reader.ReadSubtree();
                var text = new StringBuilder();
                while (si.ReadToFollowing("t"))
                    text.Append(si.ReadElementContentAsString());
                shared.Add(text.ToString());
            }
        }

        var sheet = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidDataException("No first sheet.");
        var rows = new List<string[]>();
        using var xml = XmlReader.Create(Limited(sheet), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (xml.ReadToFollowing("row"))
        {
            var cells = new SortedDictionary<int, string>();
            using var row = xml.ReadSubtree();
            while (row.ReadToFollowing("c"))
            {
                var reference = row.GetAttribute("r") ?? "";
                var type = row.GetAttribute("t");
                var column = reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => (n * 26) + (char.ToUpperInvariant(ch) - 'A' + 1)) - 1;
                using var cell = row.ReadSubtree();
                string value = "";
                while (cell.Read())
                {
                    if (cell.NodeType == XmlNodeType.Element && cell.LocalName is "v" or "t")
                    {
                        value = cell.ReadElementContentAsString();
                        break;
                    }
                }

                if (type == "s" && int.TryParse(value, out var index) && index >= 0 && index < shared.Count)
                    value = shared[index];
                if (column >= 0 && column < 50)
                    cells[column] = value;
            }

            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            rows.Add([.. Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, ""))]);
            if (rows.Count > MaxRows + 1)
                break;
        }

        return rows;
    }

    // A spreadsheet's parts are read at most 10 MB uncompressed: a "zip bomb" stops here.
    private static Stream Limited(ZipArchiveEntry entry)
    {
        if (entry.Length > 10 * 1024 * 1024)
            throw new InvalidDataException("Sheet too large.");
        return entry.Open();
    }
}
