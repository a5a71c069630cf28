using Microsoft.AspNetCore.Mvc;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>The learning materials and homework files of the student's class this year, by subject, newest first.</summary>
public sealed class MaterialsModel(FamilyDiary diary, TimeProvider time) : FamilyDiaryPage(diary, time)
{
    private readonly FamilyDiary _diary = diary;

    public IReadOnlyList<SubjectMaterials> Subjects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct)
    {
        if (!await OpenAsync(personId, ct))
            return NotFound();
        if (Student is not null)
            Subjects = await _diary.MaterialsAsync(Student, ct);
        return Page();
    }
}
