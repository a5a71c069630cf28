namespace Kabinet.Web.Common.Text;

public static class RussianPlural
{
    /// <summary>The word form for a count: 1 школа, 2 школы, 5 школ, 11 школ, 21 школа.</summary>
    public static string Choose(long count, string one, string few, string many)
    {
        var lastTwo = Math.Abs(count) % 100;
        var last = lastTwo % 10;
        return lastTwo is >= 11 and <= 14 ? many : last switch
        {
            1 => one,
            >= 2 and <= 4 => few,
            _ => many,
        };
    }
}
