using System.Diagnostics;
using System.Text;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// Runs the CLI in process and captures what it prints. Its environment is the tests' own: HOME is an empty folder
/// (the user's hadolint configuration of whoever runs the tests must not change what they see), nothing else is set,
/// and standard input is empty unless given.
/// </summary>
internal static class CliRunner
{
    private static readonly Lazy<string> EmptyHome = new(() => TempFolder("home"));

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWith(null, null, args);

    /// <summary>Runs in process as if started in <paramref name="workingDirectory"/> (where layers looks for .dive-ci).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunIn(string workingDirectory, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var host = new CliHost(stdout, stderr)
        {
            OpenStandardInput = () => new MemoryStream(),
            Environment = name => name == "HOME" ? EmptyHome.Value : null,
            CurrentDirectory = () => workingDirectory,
        };
        int code = CliApp.Run(args, host);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <paramref name="stdin"/> on standard input and <paramref name="environment"/> as the whole environment (null: HOME an empty folder).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWith(string? stdin, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        environment ??= new Dictionary<string, string> { ["HOME"] = EmptyHome.Value };
        var host = new CliHost(stdout, stderr)
        {
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")),
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
        };
        int code = CliApp.Run(args, host);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs the framework-dependent tool the test project builds (<c>dotnet containeropt.dll</c>) as a process: real
    /// standard streams, the working folder and environment variables given (over this process' own).
    /// </summary>
    public static (int ExitCode, string Stdout, string Stderr) RunProcess(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        string dotnet = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "containeropt.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // The tool built here has no native executable beside it; said anyway, so the process is this build's.
        start.Environment["CONTAINEROPT_NATIVE"] = "0";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"containeropt {string.Join(" ", args)} did not finish in 2 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string TempFile(string content, string name = "Dockerfile")
    {
        var dir = TempFolder();
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string TempFolder(string? name = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "containeropt-tests", Guid.NewGuid().ToString("N"), name ?? "");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A repository of its own (a folder with .git): the search for configuration stops at it.</summary>
    public static string TempRepository()
    {
        var dir = TempFolder("repo");
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        return dir;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> under <paramref name="root"/>, creating its folders; returns the full path.</summary>
    public static string Write(string root, string relative, string text)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
