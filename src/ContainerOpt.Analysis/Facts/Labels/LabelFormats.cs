using NuGet.Versioning;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContainerOpt.Analysis.Facts;

/// <summary>The value formats of hadolint's label schema: url, rfc3339, hash, semver, email (spdx: <see cref="SpdxLicenses"/>).</summary>
public static class LabelFormats
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // RFC 3339 section 5.6 date-time; 'T' and 'Z' may be lower case (section 5.6, note).
    private static readonly Regex DateTime3339 = new(
        @"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})[Tt](?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(\.[0-9]+)?([Zz]|[+-](?<oh>[0-9]{2}):(?<om>[0-9]{2}))$",
        Options);

    private static readonly Regex UriScheme = new(@"^[A-Za-z][A-Za-z0-9+.\-]*:", Options);

    /// <summary>A short (7) or full (40) git commit hash in lower-case hex, as hadolint's DL3055 wants.</summary>
    public static bool IsGitHash(string value) =>
        (value.Length == 7 || value.Length == 40) && value.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

    /// <summary>A SemVer 2.0.0 version (no leading 'v').</summary>
    public static bool IsSemVer(string value) => SemanticVersion.TryParse(value, out _);

    /// <summary>An RFC 3339 date-time with valid ranges (leap second allowed).</summary>
    public static bool IsRfc3339(string value)
    {
        var m = DateTime3339.Match(value);
        if (!m.Success)
        {
            return false;
        }
        int year = Int(m, "y"), month = Int(m, "mo"), day = Int(m, "d");
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        if (Int(m, "h") > 23 || Int(m, "mi") > 59 || Int(m, "s") > 60)
        {
            return false;
        }
        return !m.Groups["oh"].Success || (Int(m, "oh") <= 23 && Int(m, "om") <= 59);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>An absolute URI (RFC 3986 <c>URI</c>: scheme, ':', then only URI characters), like Haskell's Network.URI.parseURI.</summary>
    public static bool IsValidUrl(string value)
    {
        if (!UriScheme.IsMatch(value))
        {
            return false;
        }
        int hashes = 0;
        for (int i = value.IndexOf(':') + 1; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !IsHex(value[i + 1]) || !IsHex(value[i + 2]))
                {
                    return false;
                }
                i += 2;
                continue;
            }
            if (c == '#' && ++hashes > 1)
            {
                return false;
            }
            if (!IsUriChar(c))
            {
                return false;
            }
        }
        // Brackets only around an IP literal host: scheme://[v6]...
        int open = value.IndexOf('[');
        int close = value.IndexOf(']');
        if (open >= 0 || close >= 0)
        {
            int authority = value.IndexOf("//", StringComparison.Ordinal);
            if (authority < 0 || open < authority || close < open || value.IndexOf('[', open + 1) >= 0 || value.IndexOf(']', close + 1) >= 0)
            {
                return false;
            }
            int at = value.LastIndexOf('@', open);
            int hostStart = at > authority ? at + 1 : authority + 2;
            if (open != hostStart)
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static bool IsUriChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/?#[]".Contains(c);

    /// <summary>An RFC 5322 addr-spec (<c>local@domain</c>, no display name), as hadolint's email-validate accepts.</summary>
    public static bool IsEmail(string value)
    {
        int at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
        {
            return false;
        }
        string local = value.Substring(0, at);
        string domain = value.Substring(at + 1);
        bool localOk = IsDotAtom(local) || IsQuotedString(local);
        bool domainOk = IsDotAtom(domain) || IsDomainLiteral(domain);
        return localOk && domainOk;
    }

    private static bool IsAtext(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-/=?^_`{|}~".Contains(c);

    private static bool IsDotAtom(string s)
    {
        if (s.Length == 0 || s[0] == '.' || s[s.Length - 1] == '.' || s.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }
        return s.All(c => c == '.' || IsAtext(c));
    }

    private static bool IsQuotedString(string s)
    {
        if (s.Length < 2 || s[0] != '"' || s[s.Length - 1] != '"')
        {
            return false;
        }
        for (int i = 1; i < s.Length - 1; i++)
        {
            char c = s[i];
            if (c == '\\')
            {
                if (++i >= s.Length - 1 || s[i] < ' ' && s[i] != '\t' || s[i] > '~')
                {
                    return false;
                }
                continue;
            }
            if (c == '"' || c < ' ' && c != '\t' || c > '~')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsDomainLiteral(string s) =>
        s.Length >= 2 && s[0] == '[' && s[s.Length - 1] == ']'
        && s.Substring(1, s.Length - 2).All(c => c >= '!' && c <= '~' && c != '[' && c != ']' && c != '\\');
}
