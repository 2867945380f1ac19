using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using ContainerOpt.Images.Registry;
using ContainerOpt.TestSupport.Registry;

namespace ContainerOpt.Images.Tests.Registry;

/// <summary>What the registry tests share: an environment of their own (HOME, DOCKER_CONFIG, PATH), config.json files, a non-local address.</summary>
internal static class RegistryTestSupport
{
    /// <summary>Registry options whose environment is exactly <paramref name="variables"/> (HOME an empty folder unless given).</summary>
    public static RegistryOptions Options(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = RegistryServer.TempFolder("home") };
        foreach (var (name, value) in variables) environment[name] = value;
        return new RegistryOptions { Environment = name => environment.TryGetValue(name, out string? value) ? value : null };
    }

    /// <summary>A DOCKER_CONFIG folder whose config.json is <paramref name="json"/>.</summary>
    public static string DockerConfigFolder(string json)
    {
        string folder = RegistryServer.TempFolder("docker-config");
        File.WriteAllText(Path.Combine(folder, "config.json"), json);
        return folder;
    }

    public static string AuthsJson(string host, string user, string password) =>
        "{\"auths\":{\"" + host + "\":{\"auth\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)) + "\"}}}";

    /// <summary>
    /// An IPv4 address of this machine that is not loopback (the registry is then "not local" and must be HTTPS unless named
    /// insecure); 0.0.0.0 when there is none: Linux connects it to this machine too, and it is not a loopback name either.
    /// </summary>
    public static string NonLoopbackAddress()
    {
        foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback) continue;
            foreach (UnicastIPAddressInformation address in nic.GetIPProperties().UnicastAddresses)
            {
                if (address.Address.AddressFamily == AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(address.Address))
                    return address.Address.ToString();
            }
        }
        return "0.0.0.0";
    }

    /// <summary>The registry's problem, or a failure saying none came.</summary>
    public static RegistryException Fails(Action read)
    {
        try
        {
            read();
        }
        catch (RegistryException e)
        {
            return e;
        }
        Assert.Fail("The read succeeded; a RegistryException was expected.");
        return null!;
    }
}
