namespace Kabinet.Web.Features.Messages;

/// <summary>How the people of a conversation are named in lists.</summary>
internal static class MessageNames
{
    /// <summary>«Петрова Анна Ивановна», «Петрова А. И., Сидоров П. П.», «… и ещё 2».</summary>
    public static string People(IEnumerable<int> personIds, IReadOnlyDictionary<int, string> names)
    {
        var list = personIds.Select(p => names.GetValueOrDefault(p, "")).Where(n => n.Length > 0).Order(StringComparer.Ordinal).ToList();
        return list.Count switch
        {
            0 => "—",
            <= 2 => string.Join(", ", list),
            _ => $"{list[0]}, {list[1]} и ещё {list.Count - 2}",
        };
    }
}
