using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kabinet.Web.Features.Diary.Import;

/// <summary>A row of an uploaded table: its number in the file (from 1, as a spreadsheet shows it) and its cells.</summary>
public sealed record TableRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column].Trim() : "";

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>Reads the rows of an uploaded CSV (UTF-8, «;» or «,») or XLSX (the first sheet) file, refusing files over the limits.</summary>
public static class TableFile
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxRows = 5_000;

    /// <summary>An XLSX part may unpack to at most this many characters (a small zip can hide a huge sheet).</summary>
    private const long MaxSheetCharacters = 50_000_000;

    /// <summary>The non-empty rows of the file; a RuleViolationException with a Russian message when it cannot be read.</summary>
    public static IReadOnlyList<TableRow> Read(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var rows = extension switch
        {
            ".csv" or ".txt" => ReadCsv(content),
            ".xlsx" => ReadXlsx(content),
            _ => throw new Common.Errors.RuleViolationException("Загрузите файл CSV или XLSX."),
        };
        return rows;
    }

    private static List<TableRow> ReadCsv(Stream content)
    {
        string text;
        try
        {
            using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new Common.Errors.RuleViolationException("Файл CSV должен быть в кодировке UTF-8. Сохраните его как «CSV UTF-8».");
        }

        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<TableRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowStart = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
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
                    if (c == '\n')
                        line++;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                cells.Add(cell.ToString());
                cell.Clear();
                Add(rows, new TableRow(rowStart, [.. cells]));
                cells.Clear();
                line++;
                rowStart = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            Add(rows, new TableRow(rowStart, [.. cells]));
        }

        return rows;
    }

    private static List<TableRow> ReadXlsx(Stream content)
    {
        var rows = new List<TableRow>();
        try
        {
            using var document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = MaxSheetCharacters });
            var workbook = document.WorkbookPart ?? throw new Common.Errors.RuleViolationException("В файле XLSX нет листов.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new Common.Errors.RuleViolationException("В файле XLSX нет листов.");
            if (sheet.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart part)
                throw new Common.Errors.RuleViolationException("Первый лист файла XLSX пуст или не является таблицей.");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                        cells.Add("");
                    cells.Add(CellText(cell, shared));
                }

                Add(rows, new TableRow((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FormatException)
        {
            throw new Common.Errors.RuleViolationException("Файл XLSX повреждён или слишком велик после распаковки. Сохраните его в Excel или LibreOffice заново.");
        }

        return rows;
    }

    private static void Add(List<TableRow> rows, TableRow row)
    {
        if (row.IsEmpty)
            return;
        if (rows.Count >= MaxRows + 1) // the header row does not count
            throw new Common.Errors.RuleViolationException($"В файле больше {MaxRows} строк. Разделите его на несколько файлов.");
        rows.Add(row);
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(cell.CellValue?.Text, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        return cell.CellValue?.Text ?? "";
    }

    /// <summary>«C7» → 2.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        return index == 0 ? null : index - 1;
    }
}
