using System.Net;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// Which registries may be read over plain HTTP or with a certificate that does not verify: localhost, 127.0.0.0/8 and
/// ::1 always (docker's rule), and those named insecure — <c>--insecure-registry HOST[:PORT]</c> and the .NET SDK's
/// <c>DOTNET_CONTAINER_INSECURE_REGISTRIES</c>. Every other registry is HTTPS with a verified certificate.
/// </summary>
public sealed class InsecureRegistryList
{
    private readonly HashSet<string> _entries;

    private InsecureRegistryList(IEnumerable<string> entries) =>
        _entries = new HashSet<string>(entries.Select(Normalize).Where(e => e.Length > 0), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The named registries plus the environment's: the SDK's documentation lists them comma-separated, its source splits
    /// on ';' (dotnet/sdk RegistrySettings.cs), so both separate entries here.
    /// </summary>
    public static InsecureRegistryList Create(IEnumerable<string> named, Func<string, string?> environment)
    {
        var all = new List<string>(named);
        string? variable = environment(RegistryOptions.InsecureRegistriesVariable);
        if (!string.IsNullOrWhiteSpace(variable)) all.AddRange(variable!.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries));
        return new InsecureRegistryList(all);
    }

    /// <summary>The registries named insecure, normalised (lower case, no scheme, no trailing slash).</summary>
    public IReadOnlyCollection<string> Named => _entries;

    /// <summary>True for localhost, 127.0.0.0/8, ::1 and every registry named insecure (<c>HOST</c> names all its ports).</summary>
    public bool AllowsInsecure(string hostAndPort)
    {
        string endpoint = Normalize(hostAndPort);
        (string host, _) = SplitHostPort(endpoint);
        return IsLoopback(host) || _entries.Contains(endpoint) || _entries.Contains(host);
    }

    /// <summary>localhost (and names under .localhost), 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(string host)
    {
        string bare = host.Trim('[', ']');
        if (bare.Equals("localhost", StringComparison.OrdinalIgnoreCase) || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(bare, out IPAddress? address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Host (IPv6 in brackets kept) and port (null when none) of <c>host[:port]</c>.</summary>
    public static (string Host, int? Port) SplitHostPort(string endpoint)
    {
        int close = endpoint.LastIndexOf(']');
        int colon = endpoint.LastIndexOf(':');
        if (colon > close && (close >= 0 || endpoint.IndexOf(':') == colon)
            && int.TryParse(endpoint.Substring(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port))
        {
            return (endpoint.Substring(0, colon), port);
        }
        return (endpoint, null);
    }

    private static string Normalize(string entry)
    {
        string text = entry.Trim().ToLowerInvariant();
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text.Substring(scheme + 3);
        int slash = text.IndexOf('/');
        return slash >= 0 ? text.Substring(0, slash) : text;
    }
}
