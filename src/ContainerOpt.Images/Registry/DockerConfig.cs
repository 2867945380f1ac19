using System.Text;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Json;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// Registry credentials the way the docker CLI finds them in its config.json (<c>$DOCKER_CONFIG/config.json</c>, else
/// <c>~/.docker/config.json</c>): <c>credHelpers.&lt;host&gt;</c> first, then <c>credsStore</c>, then
/// <c>auths.&lt;host&gt;</c> (<c>auth</c> = base64 of user:password, or <c>username</c>/<c>password</c>, or
/// <c>identitytoken</c>). Docker Hub's key is <c>https://index.docker.io/v1/</c>.
/// </summary>
internal sealed class DockerConfig
{
    private const string DockerHubServer = "https://index.docker.io/v1/";

    private readonly JsonValue? _json;

    private DockerConfig(string path, JsonValue? json)
    {
        Path = path;
        _json = json;
    }

    /// <summary>The config.json looked at (it may not exist).</summary>
    public string Path { get; }

    public bool Exists => _json is not null;

    public static DockerConfig Load(Func<string, string?> environment)
    {
        string? folder = environment("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(folder))
        {
            string? home = environment("HOME");
            if (string.IsNullOrEmpty(home)) home = environment("USERPROFILE");
            folder = System.IO.Path.Combine(string.IsNullOrEmpty(home) ? "." : home!, ".docker");
        }
        string path = System.IO.Path.Combine(folder!, "config.json");
        if (!File.Exists(path)) return new DockerConfig(path, null);
        JsonValue json;
        try
        {
            json = JsonReader.Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw RegistryException.Create(e, DiagnosticCatalog.DockerConfigInvalid, path, "it cannot be read (" + e.Message + ")");
        }
        catch (FormatException e)
        {
            throw RegistryException.Create(e, DiagnosticCatalog.DockerConfigInvalid, path, "it is not valid JSON (" + e.Message + ")");
        }
        if (json.Kind != JsonKind.Object) throw RegistryException.Create(DiagnosticCatalog.DockerConfigInvalid, path, "it is not a JSON object");
        return new DockerConfig(path, json);
    }

    /// <summary>
    /// The credentials for <paramref name="registry"/> (<see cref="ImageReference.Registry"/>: <c>docker.io</c>, <c>host:port</c>),
    /// or null with <paramref name="lookedAt"/> saying where none was found.
    /// </summary>
    public RegistryCredential? Find(string registry, RegistryOptions options, out string lookedAt)
    {
        bool hub = registry == ImageReference.DockerHub;
        string server = hub ? DockerHubServer : registry;
        lookedAt = Exists ? $"none for '{server}' in '{Path}'" : $"no docker configuration at '{Path}'";
        if (_json is null) return null;

        if (Member(_json["credHelpers"], registry, hub)?.AsString is { Length: > 0 } helper)
        {
            lookedAt = $"none from 'docker-credential-{helper}' (credHelpers in '{Path}')";
            return CredentialHelper.Get(helper, server, Path, options);
        }
        if (_json["credsStore"]?.AsString is { Length: > 0 } store)
        {
            lookedAt = $"none from 'docker-credential-{store}' (credsStore in '{Path}')";
            return CredentialHelper.Get(store, server, Path, options);
        }
        JsonValue? entry = Member(_json["auths"], registry, hub);
        if (entry is null || entry.Kind != JsonKind.Object) return null;
        string field = $"auths.\"{KeyOf(_json["auths"]!, registry, hub)}\"";
        string source = $"{field} in '{Path}'";
        string? identityToken = entry["identitytoken"]?.AsString;
        if (!string.IsNullOrEmpty(identityToken)) return new RegistryCredential(null, null, identityToken, source);
        if (entry["auth"]?.AsString is { Length: > 0 } encoded)
        {
            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(encoded.Trim()));
            }
            catch (Exception e) when (e is FormatException or DecoderFallbackException)
            {
                throw RegistryException.Create(DiagnosticCatalog.DockerConfigInvalid, Path, $"{field}.auth is not base64 of 'user:password'");
            }
            int colon = decoded.IndexOf(':');
            if (colon < 0)
                throw RegistryException.Create(DiagnosticCatalog.DockerConfigInvalid, Path, $"{field}.auth does not decode to 'user:password'");
            return new RegistryCredential(decoded.Substring(0, colon), decoded.Substring(colon + 1), null, source);
        }
        if (entry["username"]?.AsString is { } user && entry["password"]?.AsString is { } password)
            return new RegistryCredential(user, password, null, source);
        return null;
    }

    private static JsonValue? Member(JsonValue? map, string registry, bool hub)
    {
        if (map is null || map.Kind != JsonKind.Object) return null;
        string? key = KeyOf(map, registry, hub);
        return key is null ? null : map[key];
    }

    /// <summary>The key naming <paramref name="registry"/>: docker's keys may carry a scheme and a path (<c>https://ghcr.io/v1/</c>).</summary>
    private static string? KeyOf(JsonValue map, string registry, bool hub)
    {
        foreach (var member in map.Members)
        {
            string host = HostOf(member.Key);
            bool same = hub
                ? host is "index.docker.io" or "docker.io" or "registry-1.docker.io"
                : string.Equals(host, registry, StringComparison.OrdinalIgnoreCase);
            if (same) return member.Key;
        }
        return null;
    }

    private static string HostOf(string key)
    {
        string text = key.Trim();
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text.Substring(scheme + 3);
        int slash = text.IndexOf('/');
        return (slash >= 0 ? text.Substring(0, slash) : text).ToLowerInvariant();
    }
}
