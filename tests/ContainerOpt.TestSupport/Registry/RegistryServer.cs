using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContainerOpt.TestSupport.Registry;

/// <summary>
/// A real registry for one test: Debian's <c>docker-registry serve CONFIG</c> (distribution 2.8) on a free port with its
/// own config, stopped (by its process id) on dispose. Storage is a folder the caller gives (several servers may read the
/// same content) or a fresh temporary one. Tests call <see cref="Require"/>: without the binary they are inconclusive,
/// unless CONTAINEROPT_REQUIRE_DOCKER=1, where it fails them.
/// </summary>
public sealed class RegistryServer : IDisposable
{
    public const string Binary = "/usr/bin/docker-registry";

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();

    private RegistryServer(Process process, string folder, string address, int port, string storage)
    {
        _process = process;
        _folder = folder;
        Address = address;
        Port = port;
        Storage = storage;
    }

    /// <summary>The host the registry answers on (127.0.0.1, or the address given), and its port.</summary>
    public string Address { get; }

    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>: the registry part of an image reference.</summary>
    public string Host => (Address.Contains(':') ? "[" + Address + "]" : Address) + ":" + Port;

    /// <summary>The storage root (blobs under docker/registry/v2/blobs/sha256/XX/HEX/data).</summary>
    public string Storage { get; }

    /// <summary>What the registry logged so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static void Require()
    {
        if (File.Exists(Binary)) return;
        string message = $"{Binary} is not installed (Debian's docker-registry; build/docker-env.sh installs it).";
        if (Environment.GetEnvironmentVariable("CONTAINEROPT_REQUIRE_DOCKER") == "1") Assert.Fail(message);
        Assert.Inconclusive(message);
    }

    /// <summary>A fresh temporary folder the test deletes itself.</summary>
    public static string TempFolder(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), "containeropt-registry-tests", name + "-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Starts a registry. <paramref name="extraConfig"/> is YAML appended at the top level (an <c>auth:</c> or
    /// <c>middleware:</c> section); <paramref name="listen"/> is the address to bind (127.0.0.1 by default, 0.0.0.0 for
    /// every interface); <paramref name="tls"/> a certificate and key (PEM files) to serve HTTPS with.
    /// </summary>
    public static RegistryServer Start(string? storage = null, string? extraConfig = null, string listen = "127.0.0.1", (string Certificate, string Key)? tls = null)
    {
        Require();
        string folder = TempFolder("registry");
        storage ??= Path.Combine(folder, "data");
        Directory.CreateDirectory(storage);
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePorts.Next();
            var config = new StringBuilder();
            config.Append("version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: true\n");
            config.Append("storage:\n  filesystem:\n    rootdirectory: ").Append(storage).Append("\n  delete:\n    enabled: true\n");
            config.Append("http:\n  addr: ").Append(listen.Contains(':') ? "[" + listen + "]" : listen).Append(':').Append(port).Append('\n');
            if (tls is { } pair) config.Append("  tls:\n    certificate: ").Append(pair.Certificate).Append("\n    key: ").Append(pair.Key).Append('\n');
            if (extraConfig is not null) config.Append(extraConfig.TrimEnd('\n')).Append('\n');
            string configPath = Path.Combine(folder, "config.yml");
            File.WriteAllText(configPath, config.ToString());

            var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("serve");
            start.ArgumentList.Add(configPath);
            var process = Process.Start(start)!;
            string address = listen is "0.0.0.0" or "::" ? "127.0.0.1" : listen;
            var server = new RegistryServer(process, folder, address, port, storage);
            process.OutputDataReceived += (_, e) => server.Append(e.Data);
            process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (server.WaitUntilListening(port, listen)) return server;
            string log = server.Log;
            server.Dispose();
            if (attempt >= 2 || !log.Contains("address already in use", StringComparison.Ordinal))
                Assert.Fail($"docker-registry did not start on port {port}:\n{log}");
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private bool WaitUntilListening(int port, string listen)
    {
        IPAddress target = listen switch
        {
            "0.0.0.0" => IPAddress.Loopback,
            "::" => IPAddress.IPv6Loopback,
            _ => IPAddress.Parse(listen),
        };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) return false;
            try
            {
                using var client = new TcpClient();
                client.Connect(target, port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        return false;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned some other day.
        }
    }
}
