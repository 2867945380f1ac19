using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// HTTP for the registry client: one request at a time, synchronously (the image reader is synchronous), headers
/// awaited within the timeout and bodies streamed. Certificates are verified except for registries allowed to be
/// insecure; redirects are not followed here (the client follows them, deciding where credentials may go).
/// Connection failures become COPT0040, TLS failures COPT0044: the message says what failed, never a header.
/// </summary>
internal sealed class RegistryTransport : IDisposable
{
    private readonly TimeSpan _timeout;
    private HttpClient? _verified;
    private HttpClient? _unverified;

    public RegistryTransport(RegistryOptions options, InsecureRegistryList insecure)
    {
        _timeout = options.Timeout;
        Insecure = insecure;
    }

    public InsecureRegistryList Insecure { get; }

    /// <summary>
    /// Sends and returns the response once its headers are in (the caller disposes it). <paramref name="registry"/> names
    /// the registry in messages; <paramref name="insecureAllowed"/> skips certificate checks for this request.
    /// </summary>
    public HttpResponseMessage Send(HttpRequestMessage request, string registry, bool insecureAllowed)
    {
        HttpClient client = insecureAllowed ? _unverified ??= Create(verify: false) : _verified ??= Create(verify: true);
        try
        {
#if NET
            return client.Send(request, HttpCompletionOption.ResponseHeadersRead);
#else
            return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
#endif
        }
        catch (HttpRequestException e)
        {
            throw Classify(e, request.RequestUri!, registry);
        }
        catch (TaskCanceledException e)
        {
            throw RegistryException.Create(e, DiagnosticCatalog.RegistryUnreachable, registry,
                $"no answer from {Origin(request.RequestUri!)} within {_timeout.TotalSeconds:0.#} s");
        }
        catch (IOException e)
        {
            throw RegistryException.Create(e, DiagnosticCatalog.RegistryUnreachable, registry, $"the connection to {Origin(request.RequestUri!)} failed ({e.Message})");
        }
    }

    /// <summary>True when a send failed in the TLS handshake (the server speaks plain HTTP there, or its certificate did not verify).</summary>
    public static bool IsTlsFailure(RegistryException e) => e.Descriptor == DiagnosticCatalog.RegistryNotHttps;

    /// <summary>True when nothing answered at all (refused, unresolvable, unreachable): worth trying plain HTTP on an insecure registry.</summary>
    public static bool IsConnectFailure(RegistryException e) => e.Descriptor == DiagnosticCatalog.RegistryUnreachable;

    private RegistryException Classify(HttpRequestException e, Uri uri, string registry)
    {
        string origin = Origin(uri);
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException tls)
            {
                bool certificate = tls.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0;
                string what = certificate
                    ? $"the certificate of {origin} does not verify (an untrusted issuer, another host's name, or expired)"
                    : $"{origin} does not speak HTTPS (the TLS handshake failed): it may be a plain-HTTP registry";
                return RegistryException.Create(e, DiagnosticCatalog.RegistryNotHttps, registry, what, registry);
            }
            if (inner is SocketException socket)
            {
                string what = socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => $"connection refused by {HostPort(uri)}: nothing listens there",
                    SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => $"the host name '{uri.Host}' does not resolve",
                    SocketError.TimedOut => $"{HostPort(uri)} did not answer (connection timed out)",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"no route to {HostPort(uri)}",
                    _ => $"cannot connect to {HostPort(uri)} ({socket.Message})",
                };
                return RegistryException.Create(e, DiagnosticCatalog.RegistryUnreachable, registry, what);
            }
        }
        return RegistryException.Create(e, DiagnosticCatalog.RegistryUnreachable, registry, $"the request to {origin} failed ({e.Message.TrimEnd('.')})");
    }

    public static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private static string HostPort(Uri uri) => uri.IsDefaultPort ? uri.Host + ":" + (uri.Scheme == "https" ? 443 : 80) : uri.Authority;

    private HttpClient Create(bool verify)
    {
#if NET
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _timeout,
            UseCookies = false,
        };
        if (!verify) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#else
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        if (!verify) handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
#endif
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = _timeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("containeropt");
        return client;
    }

    public void Dispose()
    {
        _verified?.Dispose();
        _unverified?.Dispose();
    }
}
