using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Json;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// Authorization for one registry: anonymous until the registry challenges, then Basic with the user's credentials, or
/// Bearer with a token from the challenge's realm (fetched with the credentials when there are any, anonymously when not;
/// an identity token is exchanged as an OAuth2 refresh token) and kept per scope for the rest of the read.
/// Credentials are looked up once, only when a challenge asks for them.
/// </summary>
internal sealed class RegistryAuthenticator
{
    private const int MaxTokenResponse = 1 << 20;

    private readonly string _registry;
    private readonly RegistryOptions _options;
    private readonly RegistryTransport _transport;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private AuthChallenge? _challenge;
    private bool _looked;
    private RegistryCredential? _credential;
    private string _lookedAt = "";

    /// <param name="registry">The registry as the reference names it (<c>docker.io</c>, <c>host:port</c>): the key of its credentials.</param>
    /// <param name="options">Where credentials are looked up; timeouts.</param>
    /// <param name="transport">The HTTP the token requests go through.</param>
    public RegistryAuthenticator(string registry, RegistryOptions options, RegistryTransport transport)
    {
        _registry = registry;
        _options = options;
        _transport = transport;
    }

    /// <summary>Who the requests speak for, for messages: a credential's source, or an anonymous client and where none was found.</summary>
    public string Principal =>
        _credential is not null ? "the credentials from " + _credential.Source
        : _looked ? $"an anonymous client (no credentials: {_lookedAt})" : "an anonymous client";

    public bool HasCredential => _credential is not null;

    /// <summary>Learns the registry's challenge from a 401 answer; false when it gives none that is understood.</summary>
    public bool Learn(HttpResponseMessage unauthorized, string scope)
    {
        AuthChallenge? challenge = AuthChallenge.Pick(unauthorized.Headers.WwwAuthenticate.Select(h => (h.Scheme, (string?)h.Parameter)));
        if (challenge is null) return false;
        _challenge = challenge;
        _tokens.Remove(ScopeOf(scope));
        return true;
    }

    /// <summary>The Authorization header for a request in <paramref name="scope"/> (<c>repository:NAME:pull</c>), or null for none.</summary>
    public AuthenticationHeaderValue? Authorization(string scope)
    {
        if (_challenge is null) return null;
        RegistryCredential? credential = Credential();
        if (_challenge.IsBasic)
        {
            if (credential is null || !credential.HasPassword) return null;
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.Username + ":" + credential.Password)));
        }
        string key = ScopeOf(scope);
        if (!_tokens.TryGetValue(key, out string? token))
        {
            token = FetchToken(_challenge, key, credential);
            _tokens[key] = token;
        }
        return new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The challenge's own scope when it names one (the registry knows best), else ours.</summary>
    private string ScopeOf(string scope) => _challenge?.Scope is { Length: > 0 } named ? named : scope;

    private RegistryCredential? Credential()
    {
        if (_looked) return _credential;
        _looked = true;
        DockerConfig config = DockerConfig.Load(_options.Environment);
        _credential = config.Find(_registry, _options, out _lookedAt);
        return _credential;
    }

    private string FetchToken(AuthChallenge challenge, string scope, RegistryCredential? credential)
    {
        if (challenge.Realm is not { Length: > 0 } realmText || !Uri.TryCreate(realmText, UriKind.Absolute, out Uri? realm) || realm.Scheme is not ("https" or "http"))
            throw RegistryException.Create(DiagnosticCatalog.RegistryFailed, _registry, "a Bearer challenge without a usable realm", "a request", "the registry names no token service to ask (realm='" + (challenge.Realm ?? "") + "')");
        bool insecure = _transport.Insecure.AllowsInsecure(realm.Authority);
        if (realm.Scheme == "http" && !insecure)
            throw RegistryException.Create(DiagnosticCatalog.RegistryNotHttps, _registry,
                $"its token service {RegistryTransport.Origin(realm)} is plain HTTP, where credentials and tokens could be read on the way", realm.Authority);

        var query = new List<string>();
        if (challenge.Service is { Length: > 0 } service) query.Add("service=" + Uri.EscapeDataString(service));
        if (scope.Length > 0) query.Add("scope=" + Uri.EscapeDataString(scope));
        HttpRequestMessage request;
        if (credential?.IdentityToken is { Length: > 0 } refresh)
        {
            // OAuth2 refresh-token grant, as docker does with an identity token.
            var form = new List<KeyValuePair<string, string>>
            {
                new("grant_type", "refresh_token"),
                new("refresh_token", refresh),
                new("client_id", "containeropt"),
            };
            if (challenge.Service is { Length: > 0 } s) form.Add(new("service", s));
            if (scope.Length > 0) form.Add(new("scope", scope));
            request = new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
        }
        else
        {
            var builder = new UriBuilder(realm);
            string existing = builder.Query.TrimStart('?');
            builder.Query = string.Join("&", (existing.Length > 0 ? new[] { existing } : Array.Empty<string>()).Concat(query));
            request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
            if (credential is { HasPassword: true })
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.Username + ":" + credential.Password)));
        }
        string tokenService = "its token service " + RegistryTransport.Origin(realm) + realm.AbsolutePath;
        using (request)
        {
            HttpResponseMessage response = _transport.Send(request, _registry, insecure);
            using var body = new ResponseStream(response, _registry, "a token", _options.Timeout);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw Denied(scope, $"{tokenService} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (!response.IsSuccessStatusCode)
                throw RegistryException.Create(DiagnosticCatalog.RegistryFailed, _registry, $"{(int)response.StatusCode} {response.ReasonPhrase}", "a token request to " + RegistryTransport.Origin(realm) + realm.AbsolutePath, RegistryErrors.Describe(body.ReadAll(MaxTokenResponse)));
            JsonValue json;
            try
            {
                json = JsonReader.Parse(body.ReadAll(MaxTokenResponse));
            }
            catch (FormatException)
            {
                throw RegistryException.Create(DiagnosticCatalog.RegistryFailed, _registry, "a document that is not JSON", "a token request to " + RegistryTransport.Origin(realm) + realm.AbsolutePath, "a token service answers {\"token\": …}");
            }
            string? token = json["token"]?.AsString is { Length: > 0 } t ? t : json["access_token"]?.AsString;
            if (string.IsNullOrEmpty(token))
                throw RegistryException.Create(DiagnosticCatalog.RegistryFailed, _registry, "no token", "a token request to " + RegistryTransport.Origin(realm) + realm.AbsolutePath, "its answer has neither 'token' nor 'access_token'");
            return token!;
        }
    }

    /// <summary>COPT0041 for <paramref name="scope"/>'s repository, naming who asked and what to do.</summary>
    public RegistryException Denied(string scope, string answer)
    {
        string repository = scope.StartsWith("repository:", StringComparison.Ordinal) ? scope.Substring(11).Split(':')[0] : scope;
        bool forbidden = answer.IndexOf("403", StringComparison.Ordinal) >= 0;
        string todo = forbidden
            ? "The account may lack pull access to this repository: ask the registry's owner."
            : _credential is null
                ? $"Log in with 'docker login {_registry}' (or add credentials for it to the docker configuration) and try again."
                : $"Check those credentials (a wrong or expired password or token), or log in again with 'docker login {_registry}'.";
        return RegistryException.Create(DiagnosticCatalog.RegistryAccessDenied, _registry, Principal, repository, answer, todo);
    }
}
