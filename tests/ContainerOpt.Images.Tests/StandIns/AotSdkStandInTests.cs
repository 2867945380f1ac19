using System.Text.Json;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.StandIns;

/// <summary>
/// The local stand-in for mcr.microsoft.com/dotnet/sdk:10.0-noble-aot that build/docker-env.sh makes:
/// the sdk:10.0 stand-in plus one layer with the native toolchain Native AOT links with (clang, llvm,
/// zlib1g-dev and what apt resolves for them), while sdk:10.0 itself stays as it was.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class AotSdkStandInTests
{
    private const string Sdk = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string AotSdk = "mcr.microsoft.com/dotnet/sdk:10.0-noble-aot";

    [TestMethod]
    public void AotImageHasTheNativeToolchainOnPath()
    {
        RequireImage(AotSdk);
        var run = DockerEngine.RunChecked("run", "--rm", "--network=none", AotSdk, "sh", "-c",
            "for tool in clang cc ld objcopy llvm-objcopy; do command -v $tool; done; clang --version | head -n 1; " +
            "dpkg-query -W -f '${Package} ${Status}\\n' clang llvm zlib1g-dev libc6-dev");
        string[] lines = Lines(run.StandardOutput);

        CollectionAssert.AreEqual(new[] { "/usr/bin/clang", "/usr/bin/cc", "/usr/bin/ld", "/usr/bin/objcopy", "/usr/bin/llvm-objcopy" }, lines.Take(5).ToArray());
        StringAssert.StartsWith(lines[5], "Debian clang version 14.0.");
        CollectionAssert.AreEqual(
            // dpkg-query lists in package name order.
            new[] { "clang install ok installed", "libc6-dev install ok installed", "llvm install ok installed", "zlib1g-dev install ok installed" },
            lines.Skip(6).ToArray());
    }

    [TestMethod]
    public void AotImageCompilesAndLinksAgainstZlibOffline()
    {
        RequireImage(AotSdk);
        // The same steps Native AOT's link takes: clang as the driver, libc6-dev's crt files and headers,
        // binutils' ld, and -lz from zlib1g-dev.
        var run = DockerEngine.RunChecked("run", "--rm", "--network=none", AotSdk, "sh", "-c",
            "printf '#include <stdio.h>\\n#include <zlib.h>\\nint main(void) { puts(zlibVersion()); return 0; }\\n' > /tmp/z.c" +
            " && clang -O2 -o /tmp/z /tmp/z.c -lz && /tmp/z && dpkg-query -W -f '${Version}\\n' zlib1g");
        string[] lines = Lines(run.StandardOutput);

        Assert.HasCount(2, lines, run.StandardOutput);
        // Debian's version is epoch:upstream.dfsg-revision, e.g. 1:1.2.13.dfsg-1 for zlib 1.2.13.
        string upstream = lines[1].Substring(lines[1].IndexOf(':') + 1).Split(".dfsg")[0].Split('-')[0];
        Assert.AreEqual(upstream, lines[0]);
    }

    [TestMethod]
    public void PlainSdkImageIsUnchanged()
    {
        RequireImage(Sdk);
        RequireImage(AotSdk);
        JsonElement sdk = Inspect(Sdk);
        JsonElement aot = Inspect(AotSdk);
        string sdkVersion = sdk.GetProperty("Config").GetProperty("Labels").GetProperty("org.opencontainers.image.version").GetString()!;
        string runtimeVersion = Env(sdk).Single(e => e.StartsWith("DOTNET_VERSION=", StringComparison.Ordinal)).Substring("DOTNET_VERSION=".Length);
        string aspnetVersion = Env(sdk).Single(e => e.StartsWith("ASPNET_VERSION=", StringComparison.Ordinal)).Substring("ASPNET_VERSION=".Length);

        CollectionAssert.AreEqual(new[]
        {
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080",
            "DOTNET_RUNNING_IN_CONTAINER=true", "DOTNET_VERSION=" + runtimeVersion, "ASPNET_VERSION=" + aspnetVersion,
            "DOTNET_SDK_VERSION=" + sdkVersion, "DOTNET_GENERATE_ASPNET_CERTIFICATE=false", "DOTNET_NOLOGO=true",
            "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_USE_POLLING_FILE_WATCHER=true", "NUGET_XMLDOC_MODE=skip",
        }, Env(sdk));
        Assert.AreEqual("[\"bash\"]", sdk.GetProperty("Config").GetProperty("Cmd").GetRawText());
        Assert.AreEqual("", sdk.GetProperty("Config").GetProperty("User").GetString());
        Assert.AreEqual(JsonValueKind.Null, sdk.GetProperty("Config").GetProperty("Entrypoint").ValueKind);

        // The aot image is the sdk image plus exactly one layer, with the same configuration (only the fingerprint differs).
        string[] sdkLayers = Layers(sdk);
        string[] aotLayers = Layers(aot);
        Assert.HasCount(sdkLayers.Length + 1, aotLayers);
        CollectionAssert.AreEqual(sdkLayers, aotLayers.Take(sdkLayers.Length).ToArray());
        CollectionAssert.AreEqual(Env(sdk), Env(aot));
        foreach (string key in new[] { "Cmd", "Entrypoint", "User", "WorkingDir" })
            Assert.AreEqual(sdk.GetProperty("Config").GetProperty(key).GetRawText(), aot.GetProperty("Config").GetProperty(key).GetRawText(), key);
        Assert.AreEqual(sdkVersion, aot.GetProperty("Config").GetProperty("Labels").GetProperty("org.opencontainers.image.version").GetString());

        // No toolchain in the plain sdk image; its app user is intact in both.
        var clang = DockerEngine.Run("run", "--rm", "--network=none", Sdk, "sh", "-c", "command -v clang cc; dpkg-query -W clang");
        Assert.AreNotEqual(0, clang.ExitCode);
        Assert.AreEqual("", clang.StandardOutput.Trim());
        foreach (string image in new[] { Sdk, AotSdk })
        {
            var app = DockerEngine.RunChecked("run", "--rm", "--network=none", image, "getent", "passwd", "app");
            Assert.AreEqual("app:x:1654:1654::/home/app:/bin/sh", app.StandardOutput.Trim(), image);
        }
    }

    private static void RequireImage(string reference)
    {
        DockerEngine.Require();
        if (DockerEngine.Run("image", "inspect", "--format", "{{.Id}}", reference).ExitCode != 0)
            Assert.Fail($"{reference} is missing: run eval \"$(bash build/docker-env.sh start)\"");
    }

    private static JsonElement Inspect(string reference) =>
        JsonDocument.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{json .}}", reference).StandardOutput).RootElement;

    private static string[] Env(JsonElement image) =>
        image.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string[] Layers(JsonElement image) =>
        image.GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
