namespace Kabinet.Web.Features.Diary;

/// <summary>When a lesson of a given number starts and ends at an organisation (расписание звонков).</summary>
public sealed class Bell
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public int Number { get; set; }

    public TimeOnly StartsAt { get; set; }

    public TimeOnly EndsAt { get; set; }
}

/// <summary>A field of a bell schedule that breaks a rule: the lesson's number, which field, and why (in Russian).</summary>
public sealed record BellProblem(int Number, string Field, string Message);

/// <summary>The rules of a bell schedule: 1–10 lessons numbered from 1, each starting before it ends and after the previous one has ended.</summary>
public static class BellSchedule
{
    public const int MaxLessons = 10;

    public static IReadOnlyList<BellProblem> Check(IReadOnlyList<(TimeOnly StartsAt, TimeOnly EndsAt)> lessons)
    {
        var problems = new List<BellProblem>();
        if (lessons.Count is 0 or > MaxLessons)
        {
            problems.Add(new BellProblem(0, "", $"В расписании звонков должно быть от 1 до {MaxLessons} уроков."));
            return problems;
        }

        for (var i = 0; i < lessons.Count; i++)
        {
            var (start, end) = lessons[i];
            if (end <= start)
                problems.Add(new BellProblem(i + 1, "End", $"Урок {i + 1} должен заканчиваться позже, чем начинается."));
            else if (i > 0 && start < lessons[i - 1].EndsAt)
                problems.Add(new BellProblem(i + 1, "Start", $"Урок {i + 1} начинается раньше, чем заканчивается урок {i}."));
        }

        return problems;
    }

    public static IReadOnlyList<Bell> Create(int organisationId, IReadOnlyList<(TimeOnly StartsAt, TimeOnly EndsAt)> lessons)
    {
        if (Check(lessons) is { Count: > 0 } problems)
            throw new Common.Errors.RuleViolationException(problems[0].Message);
        return [.. lessons.Select((l, i) => new Bell { OrganisationId = organisationId, Number = i + 1, StartsAt = l.StartsAt, EndsAt = l.EndsAt })];
    }
}
