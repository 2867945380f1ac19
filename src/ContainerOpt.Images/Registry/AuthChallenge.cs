using System.Text;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// A <c>WWW-Authenticate</c> challenge of a registry: <c>Basic realm="…"</c>, or <c>Bearer realm="…",service="…",scope="…"</c>
/// (the token flow of the distribution spec: get a token from the realm for that service and scope).
/// </summary>
internal sealed class AuthChallenge
{
    private AuthChallenge(string scheme, IReadOnlyDictionary<string, string> parameters)
    {
        Scheme = scheme;
        Parameters = parameters;
    }

    /// <summary><c>Basic</c> or <c>Bearer</c> as written (compared case-insensitively).</summary>
    public string Scheme { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.TryGetValue("realm", out string? v) ? v : null;

    public string? Service => Parameters.TryGetValue("service", out string? v) ? v : null;

    public string? Scope => Parameters.TryGetValue("scope", out string? v) ? v : null;

    /// <summary>The first Bearer or Basic challenge among <paramref name="headers"/> (scheme and parameter text each), Bearer first.</summary>
    public static AuthChallenge? Pick(IEnumerable<(string Scheme, string? Parameter)> headers)
    {
        var parsed = headers.Select(h => new AuthChallenge(h.Scheme, ParseParameters(h.Parameter ?? ""))).ToList();
        return parsed.FirstOrDefault(c => c.IsBearer) ?? parsed.FirstOrDefault(c => c.IsBasic);
    }

    /// <summary><c>key=value</c> and <c>key="quoted \" value"</c> pairs separated by commas (RFC 7235 auth-params); keys lower case.</summary>
    public static IReadOnlyDictionary<string, string> ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i]))) i++;
            int keyStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',') i++;
            string key = text.Substring(keyStart, i - keyStart).Trim();
            if (i >= text.Length || text[i] != '=')
            {
                continue; // a token68 or a bare word: not a parameter
            }
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    value.Append(text[i]);
                    i++;
                }
                i++; // the closing quote
            }
            else
            {
                while (i < text.Length && text[i] != ',') value.Append(text[i++]);
            }
            if (key.Length > 0) result[key.ToLowerInvariant()] = value.ToString().Trim();
        }
        return result;
    }

    public override string ToString() => Scheme + " realm=" + (Realm ?? "(none)");
}
