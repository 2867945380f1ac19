using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Certainty;

/// <summary>
/// An error is a certainty: for every check that can report an error, the real engine shows the build
/// failing (with the classic builder and with BuildKit) or the container unable to start. Where the engine
/// here cannot show it (an SDK version that is not stood in), the rule's help page cites the source.
/// A check the engine shows BuildKit building is a warning, never an error.
/// </summary>
[TestClass]
public sealed class ErrorsAreCertainTests
{
    private const string Base = "containeropt/bookworm-base:1";

    private static IReadOnlyList<Finding> Analyze(string dockerfile, ProjectModel? project = null, string? dockerIgnore = "*\n") =>
        new DockerfileAnalyzer().Analyze(new AnalysisInput(SourceText.From(dockerfile, "Dockerfile"))
        {
            Project = project,
            ContextDirectory = "/context",
            DockerIgnoreText = dockerIgnore,
            Options = new AnalysisOptions { Today = new DateTime(2026, 12, 1) },
        }).Findings;

    private static ProcessResult Build(string dockerfile, bool buildKit)
    {
        string context = Path.Combine(Path.GetTempPath(), "containeropt-certainty", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
        File.WriteAllText(Path.Combine(context, "a.txt"), "a");
        File.WriteAllText(Path.Combine(context, "b.txt"), "b");
        try
        {
            var environment = new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = buildKit ? "1" : "0" };
            return DockerEngine.Run(new[] { "build", "--network=none", "--no-cache", "-q", "." }, TimeSpan.FromMinutes(3), context, environment);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    public static IEnumerable<object[]> CertainFailures =>
    [
        ["COPT2011", $"FROM {Base}\nEXPOSE 70000\n"],
        ["COPT2023", $"FROM {Base} AS x\nCOPY --from=x /etc/hostname /h\n"],
        ["COPT2043", $"FROM {Base}\nONBUILD ONBUILD RUN true\n"],
        ["COPT2043", $"FROM {Base}\nONBUILD FROM alpine\n"],
        ["COPT2043", $"FROM {Base}\nONBUILD MAINTAINER me\n"],
        ["COPT1001", $"FROM {Base}\nRUN true\ntar -xf x.tar\n"],
        ["COPT1003", $"FROM {Base}\nCOPY --form=build a.txt /a\n"],
        ["COPT1004", "RUN true\n"],
        ["COPT1005", $"ENV X=1\nFROM {Base}\n"],
        ["COPT1002", $"FROM {Base}\nRUN <<EOF\necho hi\n"],
    ];

    [TestMethod]
    [DynamicData(nameof(CertainFailures))]
    public void An_error_finding_is_a_build_that_fails_with_both_builders(string code, string dockerfile)
    {
        var error = Analyze(dockerfile).FirstOrDefault(f => f.Code == code);
        Assert.IsNotNull(error, $"{code} expected on:\n{dockerfile}\n{string.Join("\n", Analyze(dockerfile).Select(f => f.ToCanonicalString()))}");
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity, error.ToCanonicalString());
        DockerEngine.Require();
        foreach (bool buildKit in new[] { false, true })
        {
            var build = Build(dockerfile, buildKit);
            Assert.AreNotEqual(0, build.ExitCode, $"{code}: the {(buildKit ? "BuildKit" : "classic")} build must fail:\n{dockerfile}\n{build.Output}");
        }
    }

    /// <summary>Analyses a Dockerfile against a real context folder (a.txt, b.txt) that the loader's <c>DiskContextFiles</c> reads.</summary>
    private static (IReadOnlyList<Finding> Findings, ProcessResult Classic, ProcessResult BuildKit) AnalyzeAndBuildInContext(string dockerfile)
    {
        string context = Path.Combine(Path.GetTempPath(), "containeropt-certainty", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "a.txt"), "a");
        File.WriteAllText(Path.Combine(context, "b.txt"), "b");
        try
        {
            var findings = new DockerfileAnalyzer().Analyze(new AnalysisInput(SourceText.From(dockerfile, Path.Combine(context, "Dockerfile")))
            {
                ContextDirectory = context,
                ContextFiles = new ContainerOpt.Analysis.Requests.DiskContextFiles(context),
                ContextOrigin = ContainerOpt.Analysis.Facts.ContextOrigin.Stated,
                DockerIgnoreText = "*\n!a.txt\n!b.txt\n",
                Options = new AnalysisOptions { Today = new DateTime(2026, 12, 1) },
            }).Findings;
            DockerEngine.Require();
            return (findings, Build(dockerfile, buildKit: false), Build(dockerfile, buildKit: true));
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    [TestMethod]
    public void A_copy_source_the_named_context_lacks_is_an_error_and_fails_both_builders()
    {
        var (findings, classic, buildKit) = AnalyzeAndBuildInContext($"FROM {Base}\nCOPY a.txt /a\nCOPY config/app.json /etc/app.json\n");
        var error = findings.Single(f => f.Code == "COPT1204");
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity, error.ToCanonicalString());
        Assert.AreEqual(3, error.Location.Start.Line);
        Assert.AreNotEqual(0, classic.ExitCode, classic.Output);
        Assert.AreNotEqual(0, buildKit.ExitCode, buildKit.Output);
    }

    [TestMethod]
    public void A_pattern_that_matches_nothing_and_a_path_above_the_context_build_with_BuildKit_so_they_are_warnings()
    {
        var (findings, classic, buildKit) = AnalyzeAndBuildInContext($"FROM {Base}\nCOPY *.nomatch /x/\nCOPY ../a.txt /a\n");
        var severities = findings.Where(f => f.Code == "COPT1204").Select(f => f.Location.Start.Line + " " + f.Severity).ToArray();
        CollectionAssert.AreEqual(new[] { "2 Warning", "3 Warning" }, severities);
        Assert.AreNotEqual(0, classic.ExitCode, "the classic builder refuses both: " + classic.Output);
        Assert.AreEqual(0, buildKit.ExitCode, buildKit.Output);
    }

    [TestMethod]
    public void Several_sources_to_a_folder_without_slash_build_with_BuildKit_so_it_is_a_warning()
    {
        string dockerfile = $"FROM {Base}\nWORKDIR /w\nCOPY a.txt b.txt .\n";
        var finding = Analyze(dockerfile).Single(f => f.Code == "COPT2021");
        Assert.AreEqual(DiagnosticSeverity.Warning, finding.Severity);
        DockerEngine.Require();
        var classic = Build(dockerfile, buildKit: false);
        StringAssert.Contains(classic.Output, "the destination must be a directory and end with a /");
        var buildKit = Build(dockerfile, buildKit: true);
        Assert.AreEqual(0, buildKit.ExitCode, buildKit.Output);
    }

    [TestMethod]
    public void A_shell_syntax_error_in_RUN_fails_the_build()
    {
        DockerEngine.Require();
        foreach (bool buildKit in new[] { false, true })
        {
            var build = Build($"FROM {Base}\nRUN if true; then echo\n", buildKit);
            Assert.AreNotEqual(0, build.ExitCode, build.Output);
        }
    }

    [TestMethod]
    public void An_entrypoint_dll_the_project_does_not_produce_cannot_start()
    {
        var project = new ProjectModel
        {
            ProjectPath = "/context/Api.csproj", TargetFrameworks = new[] { "net10.0" }, AssemblyName = "Api", TargetName = "Api",
            Kind = ProjectKind.Web, FrameworkReferences = new[] { "Microsoft.AspNetCore.App" },
        };
        var finding = Analyze("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"Wrong.dll\"]\n", project)
            .Single(f => f.Code == "COPT4011");
        Assert.AreEqual(DiagnosticSeverity.Error, finding.Severity);
        DockerEngine.Require();
        var run = DockerEngine.Run(new[] { "run", "--rm", "--network=none", "-w", "/app", "mcr.microsoft.com/dotnet/aspnet:10.0", "dotnet", "Wrong.dll" }, TimeSpan.FromMinutes(2));
        Assert.AreNotEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "does not exist");
    }

    [TestMethod]
    public void A_web_app_on_the_runtime_image_has_no_ASP_NET_Core_to_start_on()
    {
        var project = new ProjectModel
        {
            ProjectPath = "/context/Api.csproj", TargetFrameworks = new[] { "net10.0" }, AssemblyName = "Api", TargetName = "Api",
            Kind = ProjectKind.Web, FrameworkReferences = new[] { "Microsoft.AspNetCore.App" },
        };
        var finding = Analyze("FROM mcr.microsoft.com/dotnet/runtime:10.0\nWORKDIR /app\nCOPY out .\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n", project)
            .Single(f => f.Code == "COPT4002");
        Assert.AreEqual(DiagnosticSeverity.Error, finding.Severity);
        DockerEngine.Require();
        var runtimes = DockerEngine.RunChecked("run", "--rm", "--network=none", "mcr.microsoft.com/dotnet/runtime:10.0", "dotnet", "--list-runtimes");
        StringAssert.Contains(runtimes.StandardOutput, "Microsoft.NETCore.App");
        Assert.IsFalse(runtimes.StandardOutput.Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal), runtimes.StandardOutput);
    }

    [TestMethod]
    [DataRow("CMD ['sh', '-c', 'echo started']")]
    [DataRow("ENTRYPOINT [\"sh\" \"-c\" \"echo started\"]")]
    public void An_exec_form_that_is_not_json_cannot_start(string command)
    {
        AssertCannotStart(command);
    }

    [TestMethod]
    public void A_cmd_that_is_not_json_under_a_shell_form_entrypoint_never_runs()
    {
        // Not an error: the shell-form ENTRYPOINT ignores the CMD, and the container starts.
        string dockerfile = $"FROM {Base}\nENTRYPOINT echo started\nCMD ['sh', '-c', 'exit 3']\n";
        var finding = Analyze(dockerfile).Single(f => f.Code == "COPT1200");
        Assert.AreEqual(DiagnosticSeverity.Warning, finding.Severity);
        var run = BuildAndRunOnce(dockerfile);
        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "started");
    }

    [TestMethod]
    public void Text_after_an_exec_form_array_is_ignored_by_both_builders()
    {
        // Go's json.Decoder reads one value: the trailing comment is no shell form, so neither COPT1200 nor COPT1106 speaks.
        string dockerfile = $"FROM {Base}\nENTRYPOINT [\"sh\", \"-c\", \"echo started\"]  # the app\n";
        Assert.IsFalse(Analyze(dockerfile).Any(f => f.Code is "COPT1200" or "COPT1106"));
        DockerEngine.Require();
        foreach (bool buildKit in new[] { false, true })
        {
            string tag = "containeropt-test/exec-form-trailing:" + (buildKit ? "bk" : "classic");
            string context = Path.Combine(Path.GetTempPath(), "containeropt-certainty", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(context);
            File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
            try
            {
                var environment = new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = buildKit ? "1" : "0" };
                var build = DockerEngine.Run(new[] { "build", "--network=none", "-q", "-t", tag, "." }, TimeSpan.FromMinutes(3), context, environment);
                Assert.AreEqual(0, build.ExitCode, build.Output);
                var inspect = DockerEngine.RunChecked("image", "inspect", tag, "--format", "{{json .Config.Entrypoint}}");
                Assert.AreEqual("[\"sh\",\"-c\",\"echo started\"]", inspect.StandardOutput.Trim());
            }
            finally
            {
                DockerEngine.RemoveImage(tag);
                Directory.Delete(context, recursive: true);
            }
        }
    }

    private static void AssertCannotStart(string command)
    {
        string dockerfile = $"FROM {Base}\n{command}\n";
        var finding = Analyze(dockerfile).Single(f => f.Code == "COPT1200");
        Assert.AreEqual(DiagnosticSeverity.Error, finding.Severity);
        var run = BuildAndRunOnce(dockerfile);
        Assert.AreEqual(127, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "not found");
    }

    /// <summary>Builds the Dockerfile alone in a fresh context (the build must succeed), runs its image once without network, removes both.</summary>
    private static ProcessResult BuildAndRunOnce(string dockerfile)
    {
        DockerEngine.Require();
        string context = Path.Combine(Path.GetTempPath(), "containeropt-certainty", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
        string tag = "containeropt-test/exec-form:" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            var build = DockerEngine.Run(new[] { "build", "--network=none", "-q", "-t", tag, "." }, TimeSpan.FromMinutes(3), context);
            Assert.AreEqual(0, build.ExitCode, "the image builds: " + build.Output);
            return DockerEngine.Run(new[] { "run", "--rm", "--network=none", tag }, TimeSpan.FromMinutes(1));
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
            Directory.Delete(context, recursive: true);
        }
    }

    [TestMethod]
    public void An_sdk_image_that_global_json_refuses_fails_every_dotnet_command()
    {
        var project = new ProjectModel
        {
            ProjectPath = "/context/Api.csproj", TargetFrameworks = new[] { "net8.0" }, AssemblyName = "Api", TargetName = "Api",
            Kind = ProjectKind.Web, FrameworkReferences = new[] { "Microsoft.AspNetCore.App" },
        };
        const string globalJson = "{ \"sdk\": { \"version\": \"8.0.100\", \"rollForward\": \"latestFeature\" } }";
        project.SdkPin = Core.DotNet.SdkPin.Parse(globalJson, "/context/global.json");
        string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY global.json ./\nRUN dotnet build\n";
        var finding = Analyze(dockerfile, project, dockerIgnore: null).Single(f => f.Code == "COPT4017");
        Assert.AreEqual(DiagnosticSeverity.Error, finding.Severity);
        DockerEngine.Require();
        string context = Path.Combine(Path.GetTempPath(), "containeropt-certainty", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
        File.WriteAllText(Path.Combine(context, "global.json"), globalJson);
        try
        {
            foreach (bool buildKit in new[] { false, true })
            {
                var environment = new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = buildKit ? "1" : "0" };
                var build = DockerEngine.Run(new[] { "build", "--network=none", "--no-cache", "-q", "." }, TimeSpan.FromMinutes(3), context, environment);
                Assert.AreNotEqual(0, build.ExitCode, build.Output);
                StringAssert.Contains(build.Output, "compatible .NET SDK was not found");
            }
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    [TestMethod]
    public void Every_check_that_can_report_an_error_is_covered_here_or_cites_its_source()
    {
        var shownHere = CertainFailures.Select(c => (string)c[0]).Concat(new[] { "COPT2021", "COPT4011", "COPT4002", "COPT1200", "COPT4017", "COPT1204" }).ToHashSet();
        // COPT4001: no older SDK or runtime is stood in here; docs/rules/COPT4001.md cites NETSDK1045 and the host's framework resolution.
        // COPT4018: a second framework's targeting pack cannot be restored offline here; docs/rules/COPT4018.md cites NETSDK1129.
        var cited = new Dictionary<string, string> { ["COPT4001"] = "NETSDK1045", ["COPT4018"] = "NETSDK1129" };
        foreach (var id in new[] { "COPT1200", "COPT1204", "COPT4017", "COPT4018", "COPT2011", "COPT2021", "COPT2023", "COPT2043", "COPT4001", "COPT4002", "COPT4011" })
        {
            Assert.AreEqual(RuleTier.Minimum, DiagnosticCatalog.TierOf(DiagnosticCatalog.ForCode(id)!), id);
            Assert.IsTrue(shownHere.Contains(id) || cited.ContainsKey(id), id + " has neither an engine test nor a cited source");
        }
        string docs = Path.Combine(Corpus.RepoRoot, "docs", "rules");
        foreach (var (id, source) in cited)
        {
            StringAssert.Contains(File.ReadAllText(Path.Combine(docs, id + ".md")), source, id);
        }
        var errorByDefault = DiagnosticCatalog.All.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error
            && d.Category is not (DiagnosticCategories.Tool or DiagnosticCategories.Syntax) && !d.Id.StartsWith("COPT31", StringComparison.Ordinal)).Select(d => d.Id).ToArray();
        CollectionAssert.IsSubsetOf(errorByDefault, shownHere.Concat(cited.Keys).ToArray(), "a rule whose default severity is error must be a certainty: " + string.Join(", ", errorByDefault));
    }
}
