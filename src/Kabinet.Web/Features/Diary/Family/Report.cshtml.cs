using Microsoft.AspNetCore.Mvc;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>A page of a student's marks for one study period (the period asked for, else the current one).</summary>
public abstract class FamilyPeriodPage(FamilyDiary diary, TimeProvider time) : FamilyDiaryPage(diary, time)
{
    private readonly FamilyDiary _diary = diary;

    [BindProperty(SupportsGet = true, Name = "period")]
    public int? PeriodAsked { get; set; }

    public PeriodMarks? Marks { get; private set; }

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct)
    {
        if (!await OpenAsync(personId, ct))
            return NotFound();
        if (Student is not null)
            Marks = await _diary.PeriodMarksAsync(Student, PeriodAsked, Today, ct);
        return Page();
    }
}

/// <summary>A student's marks for a period as a page that prints on A4: who, where, which period, and a table of subjects.</summary>
public sealed class ReportModel(FamilyDiary diary, TimeProvider time) : FamilyPeriodPage(diary, time);
