using System.Net;

namespace ContainerOpt.TestSupport.Registry;

/// <summary>
/// An HttpListener on a free loopback port that hands each request, one at a time, to a handler on a background thread:
/// what the test servers beside a registry (its token service, its redirect storage) are built on. A request whose client
/// went away is dropped; closing the server ends the thread.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Action<HttpListenerContext> _handle;

    public LocalHttpServer(string name, Action<HttpListenerContext> handle)
    {
        _handle = handle;
        for (int attempt = 0; ; attempt++)
        {
            Port = FreePorts.Next();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 3)
            {
                // Another process took the port between the probe and the bind: try another.
                _listener.Close();
            }
        }
        new Thread(Serve) { IsBackground = true, Name = name }.Start();
    }

    public int Port { get; }

    /// <summary>The server's root URL, with its trailing slash.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    private void Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = _listener.GetContext();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                _handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The client went away.
            }
        }
    }

    public void Dispose() => _listener.Close();
}
