using System.Text;

namespace ContainerOpt.Core.Text;

/// <summary>Lists in messages, written the way people read them: "a", "a and b", "a, b and c".</summary>
public static class Prose
{
    /// <summary>The items (each once, in order) joined with commas and a final "and".</summary>
    public static string And<T>(IEnumerable<T> items)
    {
        // One pass, no LINQ: findings of many rules build their message through here.
        var list = new List<string>();
        HashSet<string>? seen = null;
        foreach (var item in items)
        {
            AddOnce(list, ref seen, Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        return Join(list);
    }

    /// <summary>The items quoted: "'a', 'b' and 'c'".</summary>
    public static string QuotedAnd(IEnumerable<string> items)
    {
        var list = new List<string>();
        HashSet<string>? seen = null;
        foreach (var item in items)
        {
            AddOnce(list, ref seen, "'" + item + "'");
        }
        return Join(list);
    }

    /// <summary>Adds the text unless the list has it (ordinal): lists in messages are short, a scan is cheaper than a set until one is long.</summary>
    private static void AddOnce(List<string> list, ref HashSet<string>? seen, string text)
    {
        if (seen is not null)
        {
            if (seen.Add(text))
            {
                list.Add(text);
            }
            return;
        }
        for (int i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], text, StringComparison.Ordinal))
            {
                return;
            }
        }
        list.Add(text);
        if (list.Count > 32)
        {
            seen = new HashSet<string>(list, StringComparer.Ordinal);
        }
    }

    private static string Join(List<string> list)
    {
        switch (list.Count)
        {
            case 0:
                return "";
            case 1:
                return list[0];
            case 2:
                return list[0] + " and " + list[1];
        }
        var text = new StringBuilder();
        for (int i = 0; i < list.Count - 1; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }
            text.Append(list[i]);
        }
        return text.Append(" and ").Append(list[list.Count - 1]).ToString();
    }
}
