using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Analysis.Configuration;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// SPDX license identifiers and expressions (SPDX specification, annex "SPDX license expressions"):
/// <c>MIT</c>, <c>GPL-2.0-or-later</c>, <c>GPL-2.0+</c>, <c>Apache-2.0 OR MIT</c>,
/// <c>(MIT AND BSD-3-Clause) OR Apache-2.0</c>, <c>GPL-2.0-only WITH Classpath-exception-2.0</c>,
/// <c>LicenseRef-acme</c>. Identifiers match case-insensitively, as the specification says; the list
/// is the embedded SpdxIdentifiers.txt (licenses, deprecated licenses, exceptions).
/// </summary>
public static class SpdxLicenses
{
    private static readonly Lazy<(HashSet<string> Licenses, HashSet<string> Exceptions, string[] All)> Data = new(Load);

    public static IReadOnlyCollection<string> LicenseIds => Data.Value.Licenses;

    public static IReadOnlyCollection<string> ExceptionIds => Data.Value.Exceptions;

    public static bool IsLicenseId(string id) => Data.Value.Licenses.Contains(id);

    public static bool IsExceptionId(string id) => Data.Value.Exceptions.Contains(id);

    /// <summary>True for a license id or a valid license expression.</summary>
    public static bool IsValidExpression(string value)
    {
        var tokens = Tokenize(value);
        if (tokens is null || tokens.Count == 0)
        {
            return false;
        }
        int position = 0;
        return ParseOr(tokens, ref position, 0) && position == tokens.Count;
    }

    /// <summary>The closest license id to a mistyped value ("Apache 2.0" → Apache-2.0), or null.</summary>
    public static string? Suggest(string value)
    {
        string normalized = value.Trim().Replace(' ', '-');
        return normalized.Length == 0 ? null : EditDistance.Nearest(normalized, Data.Value.All, Math.Max(2, normalized.Length / 4));
    }

    private static List<string>? Tokenize(string value)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < value.Length)
        {
            char c = value[i];
            if (c == ' ' || c == '\t')
            {
                i++;
                continue;
            }
            if (c == '(' || c == ')')
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }
            int start = i;
            while (i < value.Length && (char.IsLetterOrDigit(value[i]) && value[i] < 128 || value[i] is '-' or '.' or '+' or ':'))
            {
                i++;
            }
            if (i == start)
            {
                return null;
            }
            tokens.Add(value.Substring(start, i - start));
        }
        return tokens;
    }

    private static bool IsOperator(string token, string op) =>
        token == op || token == op.ToLowerInvariant();

    private static bool ParseOr(List<string> t, ref int p, int depth)
    {
        if (!ParseAnd(t, ref p, depth)) return false;
        while (p < t.Count && IsOperator(t[p], "OR"))
        {
            p++;
            if (!ParseAnd(t, ref p, depth)) return false;
        }
        return true;
    }

    private static bool ParseAnd(List<string> t, ref int p, int depth)
    {
        if (!ParseWith(t, ref p, depth)) return false;
        while (p < t.Count && IsOperator(t[p], "AND"))
        {
            p++;
            if (!ParseWith(t, ref p, depth)) return false;
        }
        return true;
    }

    private static bool ParseWith(List<string> t, ref int p, int depth)
    {
        if (p >= t.Count) return false;
        if (t[p] == "(")
        {
            if (depth > 32) return false;
            p++;
            if (!ParseOr(t, ref p, depth + 1) || p >= t.Count || t[p] != ")") return false;
            p++;
            return true;
        }
        if (!IsSimple(t[p])) return false;
        p++;
        if (p < t.Count && IsOperator(t[p], "WITH"))
        {
            p++;
            if (p >= t.Count || !IsExceptionId(t[p]) && !IsRef(t[p], "AdditionRef-")) return false;
            p++;
        }
        return true;
    }

    private static bool IsSimple(string token)
    {
        if (IsRef(token, "LicenseRef-"))
        {
            return true;
        }
        string id = token.EndsWith("+", StringComparison.Ordinal) ? token.Substring(0, token.Length - 1) : token;
        return IsLicenseId(id);
    }

    /// <summary><c>LicenseRef-x</c> or <c>DocumentRef-y:LicenseRef-x</c>, idstring = letters, digits, '-', '.'.</summary>
    private static bool IsRef(string token, string prefix)
    {
        int colon = token.IndexOf(':');
        if (colon >= 0)
        {
            if (!token.StartsWith("DocumentRef-", StringComparison.Ordinal) || !IsIdString(token.Substring(12, colon - 12)))
            {
                return false;
            }
            token = token.Substring(colon + 1);
        }
        return token.StartsWith(prefix, StringComparison.Ordinal) && IsIdString(token.Substring(prefix.Length));
    }

    private static bool IsIdString(string s) => s.Length > 0 && s.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '-' || c == '.'));

    private static (HashSet<string>, HashSet<string>, string[]) Load()
    {
        var licenses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var exceptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var all = new List<string>();
        using var stream = typeof(SpdxLicenses).Assembly.GetManifestResourceStream("ContainerOpt.Analysis.SpdxIdentifiers.txt");
        if (stream is not null)
        {
            using var reader = new StreamReader(stream);
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length < 3 || line[1] != ' ')
                {
                    continue;
                }
                string id = line.Substring(2).Trim();
                switch (line[0])
                {
                    case 'L':
                        licenses.Add(id);
                        all.Add(id);
                        break;
                    case 'D':
                        licenses.Add(id);
                        break;
                    case 'E':
                        exceptions.Add(id);
                        break;
                }
            }
        }
        return (licenses, exceptions, all.ToArray());
    }
}
