using System.Diagnostics;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.StandIns;

/// <summary>
/// Two small .NET 10 apps the stand-in tests run in containers: a console app that prints what a
/// chiseled image must provide (user, ICU or invariant mode, tzdata, OpenSSL, CA certificates,
/// compression, a writable /tmp), and a web app that answers with the uid it runs as. Their
/// sources are written to a temporary folder and published on the host (framework-dependent).
/// </summary>
internal static class ProbeApps
{
    public const string ConsoleProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    public const string ConsoleProgram = """
        using System.Globalization;
        using System.IO.Compression;
        using System.Security.Cryptography;
        using System.Security.Cryptography.X509Certificates;

        Console.WriteLine($"uid={Uid()}");
        Console.WriteLine($"user={Environment.UserName} home={Environment.GetEnvironmentVariable("HOME")}");
        try { Console.WriteLine($"de-DE={1234.5.ToString("N1", CultureInfo.GetCultureInfo("de-DE"))}"); }
        catch (CultureNotFoundException) { Console.WriteLine("de-DE=CultureNotFoundException"); }
        // Ordinal in invariant mode ('a' - 'B' = 31); ICU collation puts a before B (-1).
        Console.WriteLine($"compare={string.Compare("a", "B", CultureInfo.InvariantCulture, CompareOptions.None)}");
        try { Console.WriteLine($"tz={TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").BaseUtcOffset}"); }
        catch (TimeZoneNotFoundException) { Console.WriteLine("tz=TimeZoneNotFoundException"); }
        Console.WriteLine($"sha256={Convert.ToHexString(SHA256.HashData("abc"u8))}");
        using (var rsa = RSA.Create(2048)) Console.WriteLine($"rsa={rsa.KeySize}");
        using (var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine))
        {
            store.Open(OpenFlags.ReadOnly);
            Console.WriteLine($"roots>100={store.Certificates.Count > 100}");
        }
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(new byte[1000]);
        packed.Position = 0;
        using (var gz = new GZipStream(packed, CompressionMode.Decompress))
        {
            var unpacked = new MemoryStream();
            gz.CopyTo(unpacked);
            Console.WriteLine($"gunzip={unpacked.Length}");
        }
        File.WriteAllText("/tmp/probe.txt", "x");
        Console.WriteLine($"tmp={File.ReadAllText("/tmp/probe.txt")}");

        static string Uid() => File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:"))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
        """;

    public const string WebProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    public const string WebProgram = """
        var app = WebApplication.Create(args);
        app.MapGet("/", () => "hello from uid " + File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:"))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
        app.Run();
        """;

    /// <summary>Writes a project (csproj + Program.cs) into <paramref name="directory"/>.</summary>
    public static void Write(string directory, string projectName, string project, string program)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, projectName + ".csproj"), project);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
    }

    /// <summary>`dotnet publish -c Release -o out` on the host; fails the test with the output on error.</summary>
    public static void Publish(string directory)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "publish", "-c", "Release", "-o", "out", "-nologo" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        ProcessResult result = ProcessResult.Run(start, TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
            Assert.Fail($"dotnet publish in {directory} exited {result.ExitCode}:\n{result.Output}");
    }
}
