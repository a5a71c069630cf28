using Kabinet.Web.Common.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>The sections of a student's diary, for the header's tabs and the switcher of children.</summary>
public enum DiarySection
{
    Week,
    Marks,
    History,
    Materials,
    Report,
}

/// <summary>What the diary's header shows: whose diary, the tabs, and one link per other child to the same place.</summary>
public sealed record DiaryHeader(DiaryStudent Student, IReadOnlyList<DiaryStudent> Family, DiarySection Section, string Query)
{
    public static string PathOf(int personId, DiarySection section) => section switch
    {
        DiarySection.Marks => $"/diary/{personId}/marks",
        DiarySection.History => $"/diary/{personId}/history",
        DiarySection.Materials => $"/diary/{personId}/materials",
        DiarySection.Report => $"/diary/{personId}/report",
        _ => $"/diary/{personId}",
    };
}

/// <summary>
/// A page of one student's diary under /diary/{personId}: a parent opens their children's, a student their own; anyone
/// else's is «not found» (the check is the query that finds the student's class).
/// </summary>
[Authorize]
public abstract class FamilyDiaryPage(FamilyDiary diary, TimeProvider time) : PageModel
{
    public DateOnly Today { get; private set; }

    /// <summary>The student, or null when they are the viewer's but in no class now.</summary>
    public DiaryStudent? Student { get; private set; }

    public IReadOnlyList<DiaryStudent> Family { get; private set; } = [];

    /// <summary>False — answer «not found».</summary>
    protected async Task<bool> OpenAsync(int personId, CancellationToken ct)
    {
        Today = time.Today();
        if (await diary.OpenAsync(User, personId, Today, ct) is not { } access)
            return false;
        Student = access.Student;
        Family = access.Family;
        return true;
    }

    public DiaryHeader HeaderFor(DiarySection section, string query = "") => new(Student!, Family, section, query);
}
