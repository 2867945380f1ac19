namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>What a credential value that is not one looks like: empty, a variable reference, a template slot, a filler word.</summary>
public static class CredentialValues
{
    private static readonly HashSet<string> FillerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "changeme", "change-me", "change_me", "changeit", "replaceme", "replace-me", "replace_me", "placeholder", "example",
        "secret", "password", "passwd", "token", "apikey", "api-key", "api_key", "key", "value", "null", "nil", "none", "undefined",
        "todo", "tbd", "fixme", "redacted", "dummy", "sample", "test", "foo", "bar", "true", "false", "yes", "no", "on", "off",
        "your-token", "your_token", "yourtoken", "your-password", "your_password", "yourpassword", "your-secret", "your_secret",
        "your-key", "your_key", "your-api-key", "your_api_key", "mysecret", "mypassword",
    };

    /// <summary>The value with surrounding whitespace and one pair of matching quotes removed.</summary>
    public static string Unquote(string value)
    {
        string v = value.Trim();
        if (v.Length >= 2 && (v[0] == '"' || v[0] == '\'') && v[v.Length - 1] == v[0]) v = v.Substring(1, v.Length - 2).Trim();
        return v;
    }

    /// <summary>
    /// True when <paramref name="value"/> stands in for a credential rather than being one: empty; a variable
    /// (<c>${TOKEN}</c>, <c>$TOKEN</c>, <c>%TOKEN%</c>, <c>$(Token)</c>); a template slot (<c>&lt;token&gt;</c>,
    /// <c>{{ token }}</c>); one character repeated (<c>xxxx</c>, <c>****</c>); a filler word (<c>changeme</c>, <c>your-token</c>).
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        string v = Unquote(value ?? "");
        if (v.Length == 0) return true;
        if (v.StartsWith("${", StringComparison.Ordinal) || v.StartsWith("$(", StringComparison.Ordinal) || v.StartsWith("{{", StringComparison.Ordinal)) return true;
        if (v[0] == '$' && v.Length > 1 && (char.IsLetter(v[1]) || v[1] == '_') && IsIdentifier(v, 1, v.Length)) return true;
        if (v.Length > 2 && v[0] == '%' && v[v.Length - 1] == '%' && IsIdentifier(v, 1, v.Length - 1)) return true;
        if (v[0] == '<' && v[v.Length - 1] == '>') return true;
        if (v.All(c => c == v[0]) || v.All(c => c is '*' or '.' or 'x' or 'X' or '-' or '_' or '#')) return true;
        if (FillerWords.Contains(v)) return true;
        if (v.StartsWith("your", StringComparison.OrdinalIgnoreCase) && v.Length > 4 && v[4] is '-' or '_' or ' ') return true;
        return false;
    }

    /// <summary>scheme://user:password@host, the password not a stand-in.</summary>
    public static bool UrlHasPassword(string value)
    {
        int scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0) return false;
        int authorityEnd = value.IndexOfAny(new[] { '/', '?', '#' }, scheme + 3);
        string authority = authorityEnd < 0 ? value.Substring(scheme + 3) : value.Substring(scheme + 3, authorityEnd - scheme - 3);
        int at = authority.LastIndexOf('@');
        if (at <= 0) return false;
        int colon = authority.IndexOf(':');
        if (colon < 0 || colon > at) return false;
        return !IsPlaceholder(authority.Substring(colon + 1, at - colon - 1));
    }

    private static bool IsIdentifier(string text, int start, int end)
    {
        if (start >= end) return false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }
}
