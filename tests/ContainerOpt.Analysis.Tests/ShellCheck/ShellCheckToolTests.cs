using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Analysis.ShellCheck;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests.ShellCheck;

/// <summary>
/// Finding the tool, and what happens without it or when it misbehaves: no shellcheck is silent; one that cannot
/// start, fails, prints nonsense or hangs is one COPT0016 warning, never an exception.
/// </summary>
[TestClass]
public sealed class ShellCheckToolTests
{
    private const string Unquoted = "FROM debian:12\nRUN echo $foo\n";
    private string _dir = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "containeropt-shellcheck-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static IReadOnlyList<Finding> Analyze(string text, ShellCheckTool? tool)
    {
        var options = new AnalysisOptions { Mode = AnalysisMode.All, ShellCheck = tool };
        return new DockerfileAnalyzer(Array.Empty<ContainerOpt.Analysis.Rules.DockerfileRule>()).Analyze(new AnalysisInput(SourceText.From(text, "Dockerfile")) { Options = options }).Findings;
    }

    [TestMethod]
    public void Without_shellcheck_there_is_nothing_to_report()
    {
        Assert.AreEqual(0, Analyze(Unquoted, null).Count);
    }

    [TestMethod]
    public void The_loader_without_shellcheck_on_PATH_is_silent_and_says_so_only_in_its_notes()
    {
        string dockerfile = Path.Combine(_dir, "Dockerfile");
        File.WriteAllText(dockerfile, Unquoted);
        var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile) { SearchPath = _dir });
        Assert.IsNull(loaded.Input!.Options.ShellCheck);
        Assert.AreEqual(0, loaded.Problems.Count);
        StringAssert.Contains(loaded.Notes.Single(), "shellcheck was not found on PATH");
        Assert.AreEqual(0, new DockerfileAnalyzer().Analyze(loaded.Input).Findings.Count(f => f.Code is "COPT2200" or "COPT0016"));
    }

    [TestMethod]
    public void The_loader_finds_shellcheck_on_PATH_and_keys_the_cache_on_it()
    {
        var tool = ShellCheckRun.Tool();
        string dockerfile = Path.Combine(_dir, "Dockerfile");
        File.WriteAllText(dockerfile, Unquoted);
        var with = AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile) { SearchPath = Path.GetDirectoryName(tool.Path) });
        var without = AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile) { SearchPath = _dir });
        Assert.AreEqual(tool.Path, with.Input!.Options.ShellCheck!.Path);
        Assert.AreEqual(tool.Version, with.Input.Options.ShellCheck.Version);
        StringAssert.Contains(with.Notes.Single(), $"ShellCheck {tool.Version}");
        Assert.AreNotEqual(with.CacheKey, without.CacheKey);
        Assert.AreEqual(with.CacheKey, AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile) { SearchPath = Path.GetDirectoryName(tool.Path) }).CacheKey);
    }

    [TestMethod]
    public void A_configuration_that_switches_shellcheck_off_keeps_it_from_being_looked_up()
    {
        var tool = ShellCheckRun.Tool();
        string dockerfile = Path.Combine(_dir, "Dockerfile");
        File.WriteAllText(dockerfile, Unquoted);
        foreach (var (file, text) in new[] { (".hadolint.yaml", "ignored: [COPT2200]\n"), ("containeropt.yaml", "rules:\n  shellcheck: none\n") })
        {
            string config = Path.Combine(_dir, file);
            File.WriteAllText(config, text);
            var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile) { SearchPath = Path.GetDirectoryName(tool.Path) });
            File.Delete(config);
            Assert.IsNull(loaded.Input!.Options.ShellCheck, file);
            StringAssert.Contains(loaded.Notes.Single(), "switched off", file);
        }
    }

    [TestMethod]
    public void A_shellcheck_that_cannot_start_is_one_warning()
    {
        var findings = Analyze(Unquoted, new ShellCheckTool(Path.Combine(_dir, "no-such-shellcheck"), new Version(0, 9, 0)));
        var f = findings.Single();
        Assert.AreEqual("COPT0016", f.Code);
        Assert.AreEqual(DiagnosticSeverity.Warning, f.Severity);
        Assert.AreEqual(1, f.Location.Start.Line);
        StringAssert.Contains(f.Message, "cannot start it");
    }

    [TestMethod]
    public void A_shellcheck_that_fails_prints_nonsense_or_hangs_is_one_warning()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("fake executables are shell scripts");
            return;
        }
        var cases = new (string Script, string Expected, TimeSpan Timeout)[]
        {
            ("echo 'unknown option' >&2; exit 4", "exited with code 4: unknown option", TimeSpan.FromSeconds(30)),
            ("echo 'this is not json'; exit 1", "exited with code 1", TimeSpan.FromSeconds(30)),
            ("sleep 30", "did not finish within 1 s", TimeSpan.FromSeconds(1)),
        };
        foreach (var (script, expected, timeout) in cases)
        {
            string fake = Path.Combine(_dir, "shellcheck-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(fake, "#!/bin/sh\n" + script + "\n");
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var tool = new ShellCheckTool(fake, new Version(0, 9, 0)) { Timeout = timeout };
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var f = Analyze(Unquoted, tool).Single();
            Assert.AreEqual("COPT0016", f.Code, script);
            StringAssert.Contains(f.Message, expected, script);
            Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(20), script + ": " + watch.Elapsed);
        }
    }

    [TestMethod]
    public void A_broken_or_too_old_shellcheck_on_PATH_is_a_warning_from_the_loader()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("fake executables are shell scripts");
            return;
        }
        foreach (var (script, expected) in new[]
        {
            ("echo 'ShellCheck - shell script analysis tool'; echo 'version: 0.6.0'", "0.6.0 is too old"),
            ("exit 3", "exited with code 3"),
        })
        {
            string bin = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(bin);
            string fake = Path.Combine(bin, "shellcheck");
            File.WriteAllText(fake, "#!/bin/sh\n" + script + "\n");
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            string dockerfile = Path.Combine(_dir, "Dockerfile");
            File.WriteAllText(dockerfile, Unquoted);
            var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile) { SearchPath = bin });
            Assert.IsNull(loaded.Input!.Options.ShellCheck);
            var problem = loaded.Problems.Single();
            Assert.AreEqual("COPT0016", problem.Code);
            Assert.AreEqual(DiagnosticSeverity.Warning, problem.Severity);
            StringAssert.Contains(problem.Message, expected);
        }
    }

    [TestMethod]
    public void The_file_shellcheck_reads_declares_the_dialect_and_the_names_first()
    {
        var tool = ShellCheckRun.Tool();
        var facts = new DockerfileFacts(Dockerfile.Semantics.DockerfileModel.Build(Dockerfile.Syntax.DockerfileParser.Parse(
            "FROM debian:12\nARG b_arg\nENV a_env=1\nRUN echo \"$a_env\"\n")));
        var script = ShellCheckScripts.Collect(facts).Single();
        Assert.AreEqual(
            "# shellcheck shell=sh\nexport ALL_PROXY=1 FTP_PROXY=1 HTTPS_PROXY=1 HTTP_PROXY=1 NO_PROXY=1 a_env=1 all_proxy=1 b_arg=1 ftp_proxy=1 http_proxy=1 https_proxy=1 no_proxy=1\necho \"$a_env\"",
            ShellCheckRunner.FileText(script, tool.Version));
    }

    [TestMethod]
    public void Thousands_of_runs_are_checked_in_a_few_processes()
    {
        var tool = ShellCheckRun.Tool();
        tool.ScriptsPerProcess = 40;
        var text = "FROM debian:12\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"RUN echo $v{i}\n"));
        var options = new AnalysisOptions { Mode = AnalysisMode.All, ShellCheck = tool };
        var findings = new DockerfileAnalyzer(Array.Empty<ContainerOpt.Analysis.Rules.DockerfileRule>()).Analyze(new AnalysisInput(SourceText.From(text, "Dockerfile")) { Options = options }).Findings;
        // SC2086 and SC2154 on every one of the 100 RUNs, at its own line, through 3 processes.
        Assert.AreEqual(200, findings.Count);
        CollectionAssert.AreEqual(Enumerable.Range(2, 100).SelectMany(l => new[] { l, l }).ToArray(), findings.Select(f => f.Location.Start.Line).ToArray());
    }
}
