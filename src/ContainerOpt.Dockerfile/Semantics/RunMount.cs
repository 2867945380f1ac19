using System.Text;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Dockerfile.Semantics;

/// <summary>A parsed <c>RUN --mount=type=cache,target=/root/.nuget/packages,id=nuget,sharing=locked</c>.</summary>
public sealed class RunMount
{
    private RunMount(InstructionFlag flag, IReadOnlyDictionary<string, string> options)
    {
        Flag = flag;
        Options = options;
    }

    public InstructionFlag Flag { get; }

    /// <summary>Every key=value (keys lower-cased; a bare key such as <c>readonly</c> maps to "true").</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>bind (the default), cache, tmpfs, secret or ssh.</summary>
    public string Type => Get("type") ?? "bind";

    public string? Target => Get("target") ?? Get("dst") ?? Get("destination");
    public string? Source => Get("source") ?? Get("src");
    public string? From => Get("from");
    public string? Id => Get("id");
    public string? Sharing => Get("sharing");

    public string? Get(string key) => Options.TryGetValue(key, out var v) ? v : null;

    /// <summary>Parses a --mount flag's value (CSV fields, double quotes allowed); null for other flags.</summary>
    public static RunMount? FromFlag(InstructionFlag flag)
    {
        if (!string.Equals(flag.Name, "mount", StringComparison.Ordinal) || flag.Value is null)
        {
            return null;
        }
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string text = flag.Value;
        if (text.IndexOf('"') < 0)
        {
            // No quotes (nearly every mount): the fields are cut at the commas in place, and a usual key is the literal,
            // not a substring made and lower-cased; no CSV iterator and builder, no string per field.
            int start = 0;
            while (true)
            {
                int comma = text.IndexOf(',', start);
                int end = comma < 0 ? text.Length : comma;
                int eq = text.IndexOf('=', start, end - start);
                string key = Key(text, start, eq < 0 ? end : eq);
                if (key.Length > 0)
                {
                    options[key] = eq < 0 ? "true" : FieldValue(text, eq + 1, end);
                }
                if (comma < 0)
                {
                    return new RunMount(flag, options);
                }
                start = comma + 1;
            }
        }
        foreach (var field in SplitCsv(text))
        {
            int eq = field.IndexOf('=');
            string key = (eq < 0 ? field : field.Substring(0, eq)).Trim().ToLowerInvariant();
            if (key.Length == 0)
            {
                continue;
            }
            options[key] = eq < 0 ? "true" : field.Substring(eq + 1);
        }
        return new RunMount(flag, options);
    }

    private static readonly string[] UsualKeys = { "type", "target", "id", "source", "from", "sharing", "mode", "uid", "gid", "dst", "src", "destination", "readonly", "ro", "rw", "required", "env", "size" };

    /// <summary>The value text[start..end), a usual one (a type or sharing mode) as its literal rather than a copy.</summary>
    private static string FieldValue(string text, int start, int end)
    {
        int length = end - start;
        // One candidate by first character and length: a compare for each of the usual values cost more than the copy.
        string? usual = length == 0 ? null : text[start] switch
        {
            'b' => "bind",
            'c' => "cache",
            't' => "tmpfs",
            'l' => "locked",
            'p' => "private",
            's' => length == 3 ? "ssh" : length > 1 && text[start + 1] == 'h' ? "shared" : "secret",
            _ => null,
        };
        return usual is not null && usual.Length == length && string.CompareOrdinal(text, start, usual, 0, length) == 0
            ? usual
            : text.Substring(start, length);
    }

    /// <summary>The key of text[start..end) as a field's key is taken: trimmed, lower-cased (a usual one as its literal).</summary>
    private static string Key(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        int length = end - start;
        foreach (var key in UsualKeys)
        {
            if (key.Length == length && string.CompareOrdinal(text, start, key, 0, length) == 0)
            {
                return key;
            }
        }
        return text.Substring(start, length).ToLowerInvariant();
    }

    /// <summary>
    /// <c>FromFlag(flag)?.From</c> without the options table: the stage graph asks only this of every RUN flag.
    /// A value with quotes takes the full parse.
    /// </summary>
    internal static string? FromOf(InstructionFlag flag)
    {
        if (!string.Equals(flag.Name, "mount", StringComparison.Ordinal) || flag.Value is not { } value)
        {
            return null;
        }
        if (value.IndexOf('"') >= 0)
        {
            return FromFlag(flag)!.From;
        }
        string? from = null;
        int start = 0;
        while (true)
        {
            int comma = value.IndexOf(',', start);
            int end = comma < 0 ? value.Length : comma;
            int eq = value.IndexOf('=', start, end - start);
            // The key as FromFlag takes it: trimmed, compared lower-cased (only ASCII letters lower-case to "from").
            int keyStart = start, keyEnd = eq < 0 ? end : eq;
            while (keyStart < keyEnd && char.IsWhiteSpace(value[keyStart])) keyStart++;
            while (keyEnd > keyStart && char.IsWhiteSpace(value[keyEnd - 1])) keyEnd--;
            if (keyEnd - keyStart == 4 && string.Compare(value, keyStart, "from", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
            {
                from = eq < 0 ? "true" : value.Substring(eq + 1, end - eq - 1);
            }
            if (comma < 0)
            {
                return from;
            }
            start = comma + 1;
        }
    }

    private static IEnumerable<string> SplitCsv(string value)
    {
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '"')
            {
                if (quoted && i + 1 < value.Length && value[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
                continue;
            }
            if (c == ',' && !quoted)
            {
                yield return field.ToString();
                field.Clear();
                continue;
            }
            field.Append(c);
        }
        yield return field.ToString();
    }
}
