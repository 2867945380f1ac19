using System.Net;
using System.Net.Sockets;

namespace ContainerOpt.TestSupport;

/// <summary>Ports for the servers and containers the tests start.</summary>
public static class FreePorts
{
    /// <summary>A TCP port free on every interface of this machine (bound once and released).</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
