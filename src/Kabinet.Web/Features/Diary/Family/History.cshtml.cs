using Kabinet.Web.Common.Paging;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>The history of a student's marks: every mark given, changed (old → new, why) and deleted, who did it and when, newest first.</summary>
public sealed class HistoryModel(FamilyDiary diary, InstitutionDirectory institutions, TimeProvider time) : FamilyDiaryPage(diary, time)
{
    public const int PageSize = 30;

    private readonly FamilyDiary _diary = diary;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<MarkHistoryItem> Changes { get; private set; } = new([], 1, PageSize, 0);

    public SchoolYear? Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct)
    {
        if (!await OpenAsync(personId, ct))
            return NotFound();
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Changes = await _diary.HistoryAsync(personId, PageNumber, PageSize, ct);
        if (Student is not null)
            Year = await institutions.SchoolYearAsync(Student.Class.AcademicYearId, ct);
        return Page();
    }

    /// <summary>What the change concerns: «урок 02.12» or «оценка за 2-ю четверть» / «оценка за год».</summary>
    public string WhatOf(MarkHistoryItem item) => item switch
    {
        { LessonDate: { } date } => $"урок {date:dd.MM.yyyy}",
        { PeriodNumber: 0 } => "оценка за год",
        { PeriodNumber: { } n } => "оценка за " + (Year?.Terms.FirstOrDefault(t => t.Number == n)?.Title.Replace("-я", "-ю", StringComparison.Ordinal) ?? $"{n}-й период"),
        _ => "",
    };
}
