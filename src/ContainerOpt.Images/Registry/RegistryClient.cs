using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Json;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// The OCI distribution API for one repository, read-only: manifests by tag or digest, blobs streamed (redirects to
/// storage followed, credentials sent to the registry only), tags for a "not found" message. The first request finds the
/// scheme: HTTPS, with plain HTTP as fallback only for a registry allowed to be insecure.
/// </summary>
internal sealed class RegistryClient : IDisposable
{
    private const int MaxManifestSize = 4 * 1024 * 1024;
    private const int MaxRedirects = 10;

    private readonly RegistryOptions _options;
    private readonly RegistryTransport _transport;
    private readonly RegistryAuthenticator _authenticator;
    private readonly string _scope;
    private readonly bool _insecure;
    private Uri? _base;

    public RegistryClient(ImageReference reference, RegistryOptions options)
    {
        Reference = reference;
        _options = options;
        Registry = reference.Registry;
        Endpoint = reference.RegistryEndpoint;
        Repository = reference.RegistryRepository;
        _scope = "repository:" + Repository + ":pull";
        _transport = new RegistryTransport(options, InsecureRegistryList.Create(options.InsecureRegistries, options.Environment));
        _insecure = _transport.Insecure.AllowsInsecure(Endpoint);
        _authenticator = new RegistryAuthenticator(Registry, options, _transport);
    }

    public ImageReference Reference { get; }

    /// <summary>The registry as the reference names it (<c>docker.io</c>, <c>localhost:5000</c>): in messages and for credentials.</summary>
    public string Registry { get; }

    /// <summary>Where the API answers (<c>registry-1.docker.io</c> for Docker Hub).</summary>
    public string Endpoint { get; }

    /// <summary>The repository as the API names it (<c>library/python</c>).</summary>
    public string Repository { get; }

    /// <summary>The manifest (or index) a tag or digest names, its media type and its digest (verified when asked by digest).</summary>
    public (byte[] Bytes, string MediaType, string Digest) Manifest(string tagOrDigest)
    {
        bool byDigest = tagOrDigest.IndexOf(':') > 0;
        using HttpResponseMessage response = SendAuthorized(ApiUri("manifests/" + tagOrDigest), MediaTypes.ManifestAccept, "the manifest " + tagOrDigest);
        using var body = new ResponseStream(response, Registry, "the manifest " + tagOrDigest, _options.Timeout);
        if (response.StatusCode == HttpStatusCode.NotFound) throw NotFound(tagOrDigest, byDigest, RegistryErrors.Codes(body.ReadAll(MaxManifestSize)));
        if (!response.IsSuccessStatusCode) throw Failed(response, body, "the manifest request for " + tagOrDigest);
        byte[] bytes = body.ReadAll(MaxManifestSize);
        string digest = Layers.Sha256Digest.Of(bytes);
        if (byDigest && !string.Equals(digest, tagOrDigest, StringComparison.OrdinalIgnoreCase))
            throw RegistryException.Create(DiagnosticCatalog.RegistryDigestMismatch, Reference.Text, "manifest", tagOrDigest, digest);
        return (bytes, MediaTypeOf(bytes, response.Content.Headers.ContentType?.MediaType), digest);
    }

    /// <summary>A blob streamed as the registry (or the storage it redirects to) sends it; the caller verifies its digest.</summary>
    public ResponseStream Blob(string digest, string what)
    {
        HttpResponseMessage response = SendAuthorized(ApiUri("blobs/" + digest), null, what);
        var body = new ResponseStream(response, Registry, what, _options.Timeout);
        if (response.IsSuccessStatusCode) return body;
        using (body)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw RegistryException.Create(DiagnosticCatalog.RegistryImageNotFound, Reference.Text,
                    $"the {what} that its manifest names is missing from the repository '{Repository}' (an interrupted push, or removed by garbage collection); push the image again");
            throw Failed(response, body, "the request for " + what);
        }
    }

    /// <summary>A small blob (a config) read whole and checked against its digest.</summary>
    public byte[] BlobBytes(string digest, string what, int limit)
    {
        using ResponseStream body = Blob(digest, what);
        byte[] bytes = body.ReadAll(limit);
        string actual = Layers.Sha256Digest.Of(bytes);
        if (!string.Equals(actual, digest, StringComparison.OrdinalIgnoreCase))
            throw RegistryException.Create(DiagnosticCatalog.RegistryDigestMismatch, Reference.Text, what.Split(' ')[0], digest, actual);
        return bytes;
    }

    /// <summary>
    /// The repository's tags, or null when the registry will not list them; <paramref name="unknownRepository"/> is set when
    /// it says the repository does not exist (distribution answers MANIFEST_UNKNOWN for a tag of an unknown repository, and
    /// NAME_UNKNOWN for its tag list).
    /// </summary>
    public IReadOnlyList<string>? Tags(out bool unknownRepository)
    {
        unknownRepository = false;
        try
        {
            using HttpResponseMessage response = SendAuthorized(ApiUri("tags/list"), null, "the tag list");
            using var body = new ResponseStream(response, Registry, "the tag list", _options.Timeout);
            if (!response.IsSuccessStatusCode)
            {
                unknownRepository = response.StatusCode == HttpStatusCode.NotFound && RegistryErrors.Codes(body.ReadAll(MaxManifestSize)).Contains("NAME_UNKNOWN");
                return null;
            }
            return JsonReader.Parse(body.ReadAll(MaxManifestSize))["tags"]?.Items.Select(t => t.AsString).OfType<string>().ToArray();
        }
        catch (Exception e) when (e is RegistryException or FormatException)
        {
            return null;
        }
    }

    private Uri ApiUri(string path)
    {
        Connect();
        return new Uri(_base!, "/v2/" + Repository + "/" + path);
    }

    /// <summary>Pings <c>/v2/</c> to settle the scheme and learn the registry's challenge before anything else.</summary>
    private void Connect()
    {
        if (_base is not null) return;
        var https = new Uri("https://" + Endpoint + "/");
        try
        {
            Ping(https);
        }
        catch (RegistryException e) when (_insecure && (RegistryTransport.IsTlsFailure(e) || RegistryTransport.IsConnectFailure(e)))
        {
            // docker's rule for an insecure registry: HTTPS without verifying the certificate, else plain HTTP.
            Ping(new Uri("http://" + Endpoint + "/"));
        }
    }

    private void Ping(Uri root)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, "/v2/"));
        using HttpResponseMessage response = _transport.Send(request, Registry, _insecure);
        _base = root;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            _authenticator.Learn(response, _scope);
            return;
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw RegistryException.Create(DiagnosticCatalog.RegistryFailed, Registry, "404 Not Found", "GET /v2/", "it has no OCI distribution API there: is it a container registry?");
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Forbidden)
        {
            using var body = new ResponseStream(response, Registry, "its API check", _options.Timeout);
            throw Failed(response, body, "GET /v2/");
        }
    }

    /// <summary>Sends with the registry's authorization, answering one challenge (401) by authenticating and retrying.</summary>
    private HttpResponseMessage SendAuthorized(Uri uri, string[]? accept, string what)
    {
        for (int attempt = 0; ; attempt++)
        {
            HttpResponseMessage response = SendFollowingRedirects(uri, accept, _authenticator.Authorization(_scope), what);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                bool understood = _authenticator.Learn(response, _scope);
                response.Dispose();
                if (attempt == 0 && understood) continue;
                throw _authenticator.Denied(_scope, "401 Unauthorized");
            }
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                response.Dispose();
                throw _authenticator.Denied(_scope, "403 Forbidden");
            }
            return response;
        }
    }

    /// <summary>
    /// GET, following redirects (registries send blobs from object storage): the Authorization header goes to the
    /// registry's own origin only, and a redirect to plain HTTP is followed only to a host allowed to be insecure.
    /// </summary>
    private HttpResponseMessage SendFollowingRedirects(Uri uri, string[]? accept, AuthenticationHeaderValue? authorization, string what)
    {
        Uri current = uri;
        for (int hops = 0; ; hops++)
        {
            bool registryOrigin = Uri.Compare(current, _base, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
            bool insecure = registryOrigin ? _insecure : _transport.Insecure.AllowsInsecure(current.Authority);
            if (current.Scheme == "http" && !insecure)
                throw RegistryException.Create(DiagnosticCatalog.RegistryNotHttps, Registry,
                    $"it sends {what} from {RegistryTransport.Origin(current)}, which is plain HTTP", current.Authority);
            var request = new HttpRequestMessage(HttpMethod.Get, current);
            if (accept is not null)
                foreach (string type in accept) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            if (authorization is not null && registryOrigin) request.Headers.Authorization = authorization;
            HttpResponseMessage response = _transport.Send(request, Registry, insecure);
            if (!IsRedirect(response.StatusCode)) return response;
            Uri? location = response.Headers.Location;
            response.Dispose();
            if (location is null)
                throw RegistryException.Create(DiagnosticCatalog.RegistryFailed, Registry, "a redirect without a Location", "the request for " + what, "it does not say where to go");
            if (hops >= MaxRedirects)
                throw RegistryException.Create(DiagnosticCatalog.RegistryFailed, Registry, $"more than {MaxRedirects} redirects", "the request for " + what, "it redirects in a loop");
            current = location.IsAbsoluteUri ? location : new Uri(current, location);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect || (int)status == 308;

    private RegistryException NotFound(string tagOrDigest, bool byDigest, IReadOnlyList<string> codes)
    {
        string detail;
        IReadOnlyList<string>? tags = null;
        bool unknownRepository = codes.Contains("NAME_UNKNOWN");
        if (!unknownRepository && !byDigest) tags = Tags(out unknownRepository);
        if (unknownRepository)
        {
            detail = $"the repository '{Repository}' does not exist there (or cannot be seen by {_authenticator.Principal}). Check the repository's name";
        }
        else if (byDigest)
        {
            detail = $"the repository '{Repository}' has no manifest {tagOrDigest}. Check the digest (a multi-platform image has one for its index and one per platform)";
        }
        else
        {
            string listed = tags is null ? ""
                : tags.Count == 0 ? "; it has no tags"
                : "; its tags: " + string.Join(", ", tags.OrderBy(t => t, StringComparer.Ordinal).Take(20)) + (tags.Count > 20 ? $" and {tags.Count - 20} more" : "");
            detail = $"the repository '{Repository}' has no tag '{tagOrDigest}'{listed}. Check the tag, or name the image by digest (REPOSITORY@sha256:…)";
        }
        return RegistryException.Create(DiagnosticCatalog.RegistryImageNotFound, Reference.Text, detail + ".");
    }

    private RegistryException Failed(HttpResponseMessage response, ResponseStream body, string what)
    {
        byte[] text;
        try
        {
            text = body.ReadAll(64 * 1024);
        }
        catch (RegistryException)
        {
            text = Array.Empty<byte>();
        }
        return RegistryException.Create(DiagnosticCatalog.RegistryFailed, Registry, $"{(int)response.StatusCode} {response.ReasonPhrase}", what, RegistryErrors.Describe(text));
    }

    /// <summary>The manifest's own mediaType field, else the Content-Type, else what its shape says.</summary>
    private static string MediaTypeOf(byte[] bytes, string? contentType)
    {
        JsonValue? json = null;
        try
        {
            json = JsonReader.Parse(bytes);
        }
        catch (FormatException)
        {
            // Not JSON: the Content-Type is all there is.
        }
        if (json?["mediaType"]?.AsString is { Length: > 0 } declared) return declared;
        if (!string.IsNullOrEmpty(contentType) && contentType != "application/json" && contentType != "text/plain") return contentType!;
        if (json?["manifests"] is { Kind: JsonKind.Array }) return MediaTypes.OciIndex;
        if (json?["layers"] is { Kind: JsonKind.Array }) return MediaTypes.OciManifest;
        if (json?["fsLayers"] is not null) return "application/vnd.docker.distribution.manifest.v1+json";
        return contentType ?? "(none)";
    }

    public void Dispose() => _transport.Dispose();
}
