namespace ContainerOpt.Core.Text;

/// <summary>Lists in messages, written the way people read them: "a", "a and b", "a, b and c".</summary>
public static class Prose
{
    /// <summary>The items (each once, in order) joined with commas and a final "and".</summary>
    public static string And<T>(IEnumerable<T> items)
    {
        var list = items.Select(i => Convert.ToString(i, System.Globalization.CultureInfo.InvariantCulture) ?? "").Distinct(StringComparer.Ordinal).ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1];
    }

    /// <summary>The items quoted: "'a', 'b' and 'c'".</summary>
    public static string QuotedAnd(IEnumerable<string> items) => And(items.Distinct(StringComparer.Ordinal).Select(i => "'" + i + "'"));
}
