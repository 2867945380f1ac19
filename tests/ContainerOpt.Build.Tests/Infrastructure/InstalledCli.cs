using System.Diagnostics;

namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>Runs the installed <c>containeropt</c> tool (<see cref="RunFixture.Cli"/>) as a user would: arguments as a list, the fixture's environment plus any overrides.</summary>
internal static class InstalledCli
{
    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunWithInput(workingDirectory, environment, null, arguments);

    /// <summary>As <see cref="Run"/>, with <paramref name="stdin"/> piped to standard input (null: the tool gets this process' own).</summary>
    public static (int Code, string Stdout, string Stderr) RunWithInput(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string? stdin, params string[] arguments)
    {
        var psi = new ProcessStartInfo(RunFixture.Cli)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var pair in RunFixture.Environment)
        {
            psi.Environment[pair.Key] = pair.Value;
        }
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[pair.Key] = pair.Value;
        }
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"containeropt {string.Join(" ", arguments)} did not finish in 3 minutes");
        }
        return (process.ExitCode, stdout, stderr.Result);
    }
}
