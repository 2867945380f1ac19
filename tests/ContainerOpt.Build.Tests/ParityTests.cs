using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// One way in: for every sample, <c>containeropt lint --project</c> (the installed tool) and <c>dotnet build</c>
/// (the packed package) report the same findings — code, line, column and severity — for the same Dockerfile.
/// </summary>
[TestClass]
public sealed class ParityTests : BuildTestBase
{
    private static readonly Regex Diagnostic = new(
        @"^\s*(?<file>/[^(]*)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\):\s+(?<kind>warning|error|message)\s+(?<code>COPT\d{4}):",
        RegexOptions.CultureInvariant | RegexOptions.Multiline);

    public static IEnumerable<object[]> Samples =>
    [
        ["monorepo", "src/Api/Api.csproj", false],
        ["monorepo", "src/Worker/Worker.csproj", false],
        ["naive-web", "src/Api/Api.csproj", false],
        ["visual-studio", "src/Api/Api.csproj", false],
        ["generate/web-api", "src/Api/Api.csproj", true],
        ["generate/worker", "src/Worker/Worker.csproj", true],
        ["generate/console", "src/Hello/Hello.csproj", true],
        ["generate/console-self-contained", "src/Tool/Tool.csproj", true],
        ["generate/console-aot", "src/Aot/Aot.csproj", true],
        ["generate/web-refs-cpm", "src/Web/Web.csproj", true],
    ];

    [TestMethod]
    [DynamicData(nameof(Samples))]
    public void Lint_with_the_project_reports_what_the_build_reports(string sample, string project, bool generate)
    {
        string root = CopySample(sample);
        string projectPath = Path.Combine(root, project);
        string dockerfile = Path.Combine(Path.GetDirectoryName(projectPath)!, "Dockerfile");
        if (generate)
        {
            var generated = DotnetRunner.Run(root, new[] { "build", projectPath, "-t:ContainerOptGenerate", "-nologo", "-tl:off" }, RunFixture.Environment);
            Assert.AreEqual(0, generated.ExitCode, generated.Describe());
        }
        Assert.IsTrue(File.Exists(dockerfile), dockerfile);

        // Detailed verbosity shows the suggestions (Style), which the build logs as low-importance messages (binlog, IDE).
        var build = DotnetRunner.Run(root, new[] { "build", projectPath, "-nologo", "-tl:off", "-v:d" }, RunFixture.Environment);
        var fromBuild = Diagnostic.Matches(build.Stdout)
            .Where(m => m.Groups["file"].Value.Trim() == dockerfile)
            .Select(m => $"{m.Groups["code"].Value} ({m.Groups["line"].Value},{m.Groups["col"].Value}) {Severity(m.Groups["kind"].Value)}")
            .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();

        var lint = RunCli(root, "lint", dockerfile, "--project", projectPath, "--format", "json");
        var fromLint = JsonDocument.Parse(lint).RootElement.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("path").GetString() == dockerfile)
            .SelectMany(f => f.GetProperty("diagnostics").EnumerateArray())
            .Select(d => $"{d.GetProperty("code").GetString()} ({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}) {AsLogged(d.GetProperty("severity").GetString()!)}")
            .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();

        CollectionAssert.AreEqual(fromBuild, fromLint,
            $"\nbuild: {string.Join(" | ", fromBuild)}\nlint:  {string.Join(" | ", fromLint)}\n{build.Stdout}\n{lint}");
    }

    private static string Severity(string msbuildKind) => msbuildKind;

    /// <summary>MSBuild has warnings, errors and messages: info (high importance) and style (low) are both messages.</summary>
    private static string AsLogged(string severity) => severity is "info" or "style" ? "message" : severity;

    /// <summary>The sample as a repository of its own under the run's folder, consuming the packages under test.</summary>
    private static string CopySample(string sample)
    {
        // The sample's own nuget.config points into this repository's artifacts: the run's feed replaces it.
        string root = SampleCopy.To(sample, RunFixture.NewScratchDirectory("parity-" + sample.Replace('/', '-')),
            leaveOut: relative => relative.Equals("nuget.config", StringComparison.OrdinalIgnoreCase));
        // The samples name a released version by default (in the props files, or in the project for samples/visual-studio).
        var projectFiles = new[] { "Directory.Build.props", "Directory.Packages.props" }.Select(f => Path.Combine(root, f)).Where(File.Exists)
            .Concat(Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)).ToList();
        foreach (var file in projectFiles)
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("0.1.0-alpha", RunFixture.PackageVersion, StringComparison.Ordinal));
        }
        // A sample that does not opt in (naive-web) is opted in the way a user would: one line in Directory.Build.props.
        string buildProps = Path.Combine(root, "Directory.Build.props");
        bool optedIn = projectFiles.Any(f => File.ReadAllText(f).Contains("\"ContainerOpt.Build\"", StringComparison.Ordinal));
        if (!optedIn)
        {
            File.WriteAllText(buildProps, $"<Project>\n  <ItemGroup>\n    {Scratch.PackageReference}\n  </ItemGroup>\n</Project>\n");
        }
        // A repository root, as in a user's clone: restore inputs are searched up to it.
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        return root;
    }

    private static string RunCli(string workingDirectory, params string[] arguments)
    {
        // The CLI also reads the user's hadolint files (~/.config/hadolint.yaml…), which a build never does: an empty
        // HOME keeps the tester's own out of the comparison.
        string home = Path.Combine(Path.GetTempPath(), "containeropt-empty-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        var (code, stdout, stderr) = InstalledCli.Run(workingDirectory, new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = "" }, arguments);
        Assert.IsTrue(code is 0 or 1, $"containeropt exited {code}: {stderr}\n{stdout}");
        return stdout;
    }
}
