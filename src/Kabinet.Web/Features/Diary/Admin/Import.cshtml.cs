using Kabinet.Web.Common.Errors;
using Kabinet.Web.Features.Diary.Import;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>Uploads teaching assignments or a timetable from CSV or XLSX: checked first, saved all or nothing.</summary>
[RequestSizeLimit(4 * 1024 * 1024)]
public sealed class ImportModel(TimetableImport import, InstitutionDirectory institutions, TimeProvider time) : SchoolAdminPage(institutions, time)
{
    public const int PreviewRows = 200;

    [BindProperty]
    public ImportKind? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    public ImportOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        ValidFrom = DefaultFrom();
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(int organisationId, CancellationToken ct) => RunAsync(organisationId, save: false, ct);

    public Task<IActionResult> OnPostSaveAsync(int organisationId, CancellationToken ct) => RunAsync(organisationId, save: true, ct);

    private async Task<IActionResult> RunAsync(int organisationId, bool save, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct) || Year is not { } year)
            return NotFound();
        ModelState.Clear();
        if (Kind is not { } kind || !Enum.IsDefined(kind))
            ModelState.AddModelError(nameof(Kind), "Выберите, что загружаете: нагрузку или расписание.");
        if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), "Выберите файл CSV или XLSX.");
        else if (Upload.Length > TableFile.MaxBytes)
            ModelState.AddModelError(nameof(Upload), "Файл больше 1 МБ. Разделите его на несколько файлов.");
        ValidFrom ??= DefaultFrom();
        if (Kind == ImportKind.Timetable && (ValidFrom < year.StartsOn || ValidFrom > year.EndsOn))
            ModelState.AddModelError(nameof(ValidFrom), $"Дата — внутри учебного года: с {year.StartsOn:dd.MM.yyyy} по {year.EndsOn:dd.MM.yyyy}.");
        if (!ModelState.IsValid)
            return Page();

        IReadOnlyList<TableRow> rows;
        try
        {
            await using var stream = new MemoryStream();
            await Upload!.CopyToAsync(stream, ct);
            stream.Position = 0;
            rows = TableFile.Read(stream, Upload.FileName);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(nameof(Upload), e.Message);
            return Page();
        }

        Outcome = await import.RunAsync(year, Kind!.Value, rows, ValidFrom!.Value, save, ct);
        if (Outcome.Errors.Count > 0)
        {
            ModelState.AddModelError(nameof(Upload), $"В файле ошибок: {Outcome.Errors.Count}. Ничего не сохранено — исправьте строки, перечисленные ниже, и загрузите файл снова.");
            return Page();
        }

        if (!Outcome.Saved)
            return Page();
        TempData["Status"] = Kind == ImportKind.Timetable
            ? $"Расписание загружено: уроков {Outcome.Preview.Count}, действует с {ValidFrom:dd.MM.yyyy}."
            : $"Нагрузка загружена: строк {Outcome.Preview.Count}.";
        return Redirect($"{Base}/{(Kind == ImportKind.Timetable ? "timetable" : "assignments")}");
    }

    private DateOnly? DefaultFrom() => Year is not { } year ? null : Today < year.StartsOn || Today > year.EndsOn ? year.StartsOn : Today;
}
