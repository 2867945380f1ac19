using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace ContainerOpt.TestSupport.Registry;

/// <summary>
/// The token service a registry with <c>auth: token:</c> sends clients to (distribution's token auth spec), served here
/// with HttpListener because none is packaged: <c>GET /token?service=…&amp;scope=…</c> with Basic credentials (or none,
/// for repositories under <see cref="AnonymousPrefix"/>), and <c>POST /token</c> with an OAuth2 refresh token. It issues a
/// JWT signed RS256 by a key whose self-signed certificate is the registry's <c>rootcertbundle</c> (sent as <c>x5c</c>).
/// Every request is recorded (method, whether it carried credentials, scope), never the secrets themselves.
/// </summary>
public sealed class RegistryTokenServer : IDisposable
{
    public const string Service = "containeropt-test-registry";
    public const string Issuer = "containeropt-test-issuer";

    private readonly LocalHttpServer _server;
    private readonly RSA _key;
    private readonly X509Certificate2 _certificate;
    private readonly string _folder;
    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly List<TokenRequest> _requests = new();

    public RegistryTokenServer()
    {
        _key = RSA.Create(2048);
        var request = new CertificateRequest("CN=containeropt test token issuer", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        _folder = RegistryServer.TempFolder("token");
        CertificateBundle = Path.Combine(_folder, "root.crt");
        File.WriteAllText(CertificateBundle, _certificate.ExportCertificatePem());
        _server = new LocalHttpServer("token server", Handle);
    }

    public int Port => _server.Port;

    /// <summary>The realm a registry names in its challenge.</summary>
    public string Realm => $"{_server.BaseUrl}token";

    /// <summary>The PEM certificate file the registry verifies tokens with.</summary>
    public string CertificateBundle { get; }

    /// <summary>Repositories whose names start with this get pull tokens without credentials.</summary>
    public string AnonymousPrefix { get; set; } = "public/";

    /// <summary>The <c>auth: token:</c> section of a registry config that trusts this server.</summary>
    public string RegistryConfig =>
        $"auth:\n  token:\n    realm: {Realm}\n    service: {Service}\n    issuer: {Issuer}\n    rootcertbundle: {CertificateBundle}\n";

    public void AddUser(string user, string password) => _users[user] = password;

    /// <summary>An identity (refresh) token that stands for <paramref name="user"/>.</summary>
    public void AddRefreshToken(string token, string user) => _refreshTokens[token] = user;

    public IReadOnlyList<TokenRequest> Requests
    {
        get
        {
            lock (_requests) return _requests.ToArray();
        }
    }

    private void Handle(HttpListenerContext context)
    {
        HttpListenerRequest request = context.Request;
        string? scope, service, user = null;
        bool hadCredentials = false, valid = false;
        if (request.HttpMethod == "POST")
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var form = ParseQuery(reader.ReadToEnd());
            scope = form.GetValueOrDefault("scope");
            service = form.GetValueOrDefault("service");
            hadCredentials = form.ContainsKey("refresh_token");
            valid = form.GetValueOrDefault("grant_type") == "refresh_token"
                && form.TryGetValue("refresh_token", out string? refresh) && _refreshTokens.TryGetValue(refresh, out user);
        }
        else
        {
            var query = ParseQuery(request.Url!.Query.TrimStart('?'));
            scope = query.GetValueOrDefault("scope");
            service = query.GetValueOrDefault("service");
            string? header = request.Headers["Authorization"];
            if (header is not null && header.StartsWith("Basic ", StringComparison.Ordinal))
            {
                hadCredentials = true;
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6)));
                int colon = decoded.IndexOf(':');
                user = decoded.Substring(0, colon);
                valid = _users.TryGetValue(user, out string? password) && password == decoded.Substring(colon + 1);
            }
        }
        lock (_requests) _requests.Add(new TokenRequest(request.HttpMethod, hadCredentials, scope, service));

        string? repository = scope?.Split(':') is { Length: >= 3 } parts && parts[0] == "repository" ? parts[1] : null;
        bool anonymousAllowed = !hadCredentials && repository is not null && repository.StartsWith(AnonymousPrefix, StringComparison.Ordinal);
        if (!valid && !anonymousAllowed)
        {
            Respond(context, 401, "{\"details\":\"incorrect username or password\"}");
            return;
        }
        string[] actions = scope?.Split(':') is { Length: >= 3 } p ? p[2].Split(',') : Array.Empty<string>();
        if (anonymousAllowed) actions = actions.Where(a => a == "pull").ToArray();
        string token = Sign(user ?? "", repository, actions);
        Respond(context, 200, JsonSerializer.Serialize(new Dictionary<string, object> { ["token"] = token, ["expires_in"] = 300 }));
    }

    private string Sign(string subject, string? repository, string[] actions)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, object>
        {
            ["typ"] = "JWT",
            ["alg"] = "RS256",
            ["x5c"] = new[] { Convert.ToBase64String(_certificate.RawData) },
        };
        var access = repository is null ? Array.Empty<object>() : new object[] { new Dictionary<string, object> { ["type"] = "repository", ["name"] = repository, ["actions"] = actions } };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = subject,
            ["aud"] = Service,
            ["exp"] = now + 300,
            ["nbf"] = now - 10,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = access,
        };
        string signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        byte[] signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Dictionary<string, string> ParseQuery(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            string key = Uri.UnescapeDataString((equals < 0 ? pair : pair.Substring(0, equals)).Replace('+', ' '));
            string value = equals < 0 ? "" : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
            result[key] = value;
        }
        return result;
    }

    private static void Respond(HttpListenerContext context, int status, string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = body.Length;
        context.Response.OutputStream.Write(body);
        context.Response.Close();
    }

    public void Dispose()
    {
        _server.Dispose();
        _key.Dispose();
        _certificate.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One request the token server answered: its method, whether it carried credentials, the scope and service asked for.</summary>
public sealed record TokenRequest(string Method, bool HadCredentials, string? Scope, string? Service);
