using System.Net;

namespace ContainerOpt.TestSupport.Registry;

/// <summary>
/// What a registry's redirect storage middleware points clients at (object storage, a CDN): here an HttpListener that
/// serves the files under a registry's storage root by their path. It records each request's path and whether it carried
/// an Authorization header (a client must never send the registry's credentials to storage).
/// </summary>
public sealed class StorageFileServer : IDisposable
{
    private readonly LocalHttpServer _server;
    private readonly string _root;
    private readonly List<(string Path, bool HadAuthorization)> _requests = new();
    private readonly ManualResetEventSlim _stopped = new();

    public StorageFileServer(string root)
    {
        _root = Path.GetFullPath(root);
        _server = new LocalHttpServer("storage file server", Handle);
    }

    public int Port => _server.Port;

    /// <summary>The base URL for the registry's <c>middleware: storage: - name: redirect</c> option.</summary>
    public string BaseUrl => _server.BaseUrl;

    /// <summary>The registry config section that redirects blob downloads here.</summary>
    public string RegistryConfig => $"middleware:\n  storage:\n    - name: redirect\n      options:\n        baseurl: {BaseUrl}\n";

    /// <summary>A path fragment (a blob's hex digest): that file is sent only up to <see cref="MisbehaveAfter"/> bytes.</summary>
    public string? Misbehave { get; set; }

    public long MisbehaveAfter { get; set; }

    /// <summary>True: after those bytes the server stalls (sends nothing more, keeps the connection); false: it drops the connection.</summary>
    public bool Stall { get; set; }

    public IReadOnlyList<(string Path, bool HadAuthorization)> Requests
    {
        get
        {
            lock (_requests) return _requests.ToArray();
        }
    }

    private void Handle(HttpListenerContext context)
    {
        string relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        lock (_requests) _requests.Add((relative, context.Request.Headers["Authorization"] is not null));
        string full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            context.Response.StatusCode = 404;
            context.Response.Close();
            return;
        }
        using var file = File.OpenRead(full);
        context.Response.ContentLength64 = file.Length;
        context.Response.ContentType = "application/octet-stream";
        if (Misbehave is { } fragment && relative.Contains(fragment, StringComparison.Ordinal))
        {
            var part = new byte[MisbehaveAfter];
            file.ReadExactly(part);
            context.Response.OutputStream.Write(part);
            context.Response.OutputStream.Flush();
            // Stalled: wait until the test ends. Dropped: let the client take the bytes sent first (a reset could discard them).
            _stopped.Wait(Stall ? TimeSpan.FromMinutes(2) : TimeSpan.FromMilliseconds(500));
            context.Response.Abort();
            return;
        }
        file.CopyTo(context.Response.OutputStream);
        context.Response.Close();
    }

    public void Dispose()
    {
        _stopped.Set();
        _server.Dispose();
    }
}
