using Kabinet.Web.Features.Applications;

namespace Kabinet.Tests.Applications;

/// <summary>The complaint's state machine: Подана → В работе → Ответ дан → Закрыта; withdrawn only before an answer.</summary>
public sealed class ComplaintStatusTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);

    private static Complaint New()
    {
        var complaint = new Complaint { AuthorAccountId = 1, ChildName = "Иванов Иван", Text = "Не выдали логин.", CreatedAt = Now };
        complaint.Filed(Now);
        return complaint;
    }

    public static TheoryData<ComplaintStatus, ComplaintStatus, bool> Transitions()
    {
        var valid = new HashSet<(ComplaintStatus, ComplaintStatus)>
        {
            (ComplaintStatus.Submitted, ComplaintStatus.InProgress), (ComplaintStatus.Submitted, ComplaintStatus.Withdrawn),
            (ComplaintStatus.InProgress, ComplaintStatus.Answered), (ComplaintStatus.InProgress, ComplaintStatus.Withdrawn),
            (ComplaintStatus.Answered, ComplaintStatus.Closed),
        };
        var data = new TheoryData<ComplaintStatus, ComplaintStatus, bool>();
        foreach (var from in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var to in Enum.GetValues<ComplaintStatus>())
                data.Add(from, to, valid.Contains((from, to)));
        }

        return data;
    }

    /// <summary>Brings a new complaint to a status along the valid path.</summary>
    private static Complaint At(ComplaintStatus status)
    {
        var complaint = New();
        ComplaintStatus[] path = status switch
        {
            ComplaintStatus.Submitted => [],
            ComplaintStatus.InProgress => [ComplaintStatus.InProgress],
            ComplaintStatus.Answered => [ComplaintStatus.InProgress, ComplaintStatus.Answered],
            ComplaintStatus.Closed => [ComplaintStatus.InProgress, ComplaintStatus.Answered, ComplaintStatus.Closed],
            _ => [ComplaintStatus.Withdrawn],
        };
        foreach (var step in path)
            Assert.True(complaint.TryMove(step, 2, step == ComplaintStatus.Answered ? "Ответ" : null, Now));
        Assert.Equal(status, complaint.Status);
        return complaint;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Only_the_transitions_of_the_lifecycle_are_possible(ComplaintStatus from, ComplaintStatus to, bool possible)
    {
        var complaint = At(from);
        var history = complaint.History.Count;

        var moved = complaint.TryMove(to, 2, to == ComplaintStatus.Answered ? "Логин выдан." : null, Now.AddHours(1));

        Assert.Equal(possible, moved);
        Assert.Equal(possible ? to : from, complaint.Status);
        Assert.Equal(possible ? history + 1 : history, complaint.History.Count);
    }

    [Fact]
    public void An_answer_needs_its_text_and_is_kept_with_its_time()
    {
        var complaint = At(ComplaintStatus.InProgress);

        Assert.False(complaint.TryMove(ComplaintStatus.Answered, 2, "  ", Now));
        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.True(complaint.TryMove(ComplaintStatus.Answered, 2, "Логин выдан.", Now.AddDays(1)));
        Assert.Equal(("Логин выдан.", Now.AddDays(1)), (complaint.Answer, complaint.AnsweredAt));
        Assert.Equal((ComplaintStatus.InProgress, ComplaintStatus.Answered, 2), (complaint.History[^1].From, complaint.History[^1].To, complaint.History[^1].ByAccountId));
    }

    [Fact]
    public void The_number_is_padded_with_the_letter()
    {
        Assert.Equal("Ж-000123", Complaint.FormatNumber(123));
    }
}
