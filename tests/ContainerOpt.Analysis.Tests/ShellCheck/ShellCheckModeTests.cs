using ContainerOpt.Analysis.ShellCheck;
using ContainerOpt.Core.Diagnostics;
using static ContainerOpt.Analysis.Tests.ShellCheck.ShellCheckRun;

namespace ContainerOpt.Analysis.Tests.ShellCheck;

/// <summary>
/// Severities and tiers: bugs warn in recommended (ShellCheck's errors, bashisms under /bin/sh), a shell syntax
/// error is an error in every mode, the rest (SC2086 and the like) is a suggestion; hadolint mode reports
/// ShellCheck's own levels, as hadolint does.
/// </summary>
[TestClass]
public sealed class ShellCheckModeTests
{
    // SC3010 (bashism, ShellCheck: warning), SC2157 (ShellCheck: error, but the RUN runs), SC2086 (info), SC2154 (warning).
    private const string Mixed = "FROM debian:12\nRUN [[ -n lit ]] && echo $foo\nRUN if true; then echo a\n";

    [TestMethod]
    public void Recommended_warns_for_bugs_and_suggests_the_rest()
    {
        Same(new[]
        {
            "SC3010 warning", "SC2157 warning", "SC2086 style", "SC2154 style",
            "SC1046 error", "SC1073 error", "SC1047 error", "SC1072 error",
        }, Severities(Analyze(Mixed, mode: AnalysisMode.Recommended)));
    }

    [TestMethod]
    public void Recommended_is_the_default_mode()
    {
        Same(Severities(Analyze(Mixed, mode: AnalysisMode.Recommended)), Severities(Analyze(Mixed, mode: null)));
    }

    [TestMethod]
    public void Minimum_keeps_only_the_certain_failure()
    {
        Same(new[]
        {
            "SC3010 style", "SC2157 style", "SC2086 style", "SC2154 style",
            "SC1046 error", "SC1073 error", "SC1047 error", "SC1072 error",
        }, Severities(Analyze(Mixed, mode: AnalysisMode.Minimum)));
    }

    [TestMethod]
    public void All_reports_every_finding_at_its_severity()
    {
        Same(new[]
        {
            "SC3010 warning", "SC2157 warning", "SC2086 info", "SC2154 warning",
            "SC1046 error", "SC1073 error", "SC1047 error", "SC1072 error",
        }, Severities(Analyze(Mixed, mode: AnalysisMode.All)));
    }

    [TestMethod]
    public void Hadolint_mode_runs_shellcheck_at_its_own_levels()
    {
        Assert.IsTrue(DiagnosticCatalog.RunsIn(AnalysisMode.Hadolint, DiagnosticCatalog.ShellCheck));
        Same(new[]
        {
            "SC3010 warning", "SC2157 error", "SC2086 info", "SC2154 warning",
            "SC1046 error", "SC1073 error", "SC1047 error", "SC1072 error",
        }, Severities(Analyze(Mixed, mode: AnalysisMode.Hadolint)));
    }

    [TestMethod]
    public void Tiers_follow_the_kind_of_finding()
    {
        var byCode = Analyze(Mixed).Where(f => f.Code == "COPT2200").ToDictionary(f => f.Equivalents[0], f => f.Tier);
        Assert.AreEqual(RuleTier.All, byCode["SC2086"]);
        Assert.AreEqual(RuleTier.All, byCode["SC2154"]);
        Assert.AreEqual(RuleTier.Recommended, byCode["SC2157"]);
        Assert.AreEqual(RuleTier.Recommended, byCode["SC3010"]);
        Assert.AreEqual(RuleTier.Minimum, byCode["SC1046"]);
        Assert.AreEqual(RuleTier.Recommended, DiagnosticCatalog.TierOf(DiagnosticCatalog.ShellCheck));
    }

    [TestMethod]
    public void Only_a_parse_failure_the_shell_shares_is_certain()
    {
        // Each of these stops every POSIX shell before it runs anything (ShellSyntaxErrorEngineTests builds them).
        foreach (var run in new[] { "if true; then echo a", "echo \"unterminated", "for f in a b; echo $f; done", "done", "echo $(ls", "apt-get update && && true" })
        {
            var severities = Severities(Analyze("FROM debian:12\nRUN " + run + "\n", mode: AnalysisMode.Recommended));
            Assert.IsTrue(severities.Any(s => s.EndsWith(" error", StringComparison.Ordinal)), run + ": " + string.Join(", ", severities));
        }
        // dash reads "[[" as a command (not found: exit 127, no syntax error), bash as its keyword.
        var dash = Severities(Analyze("FROM debian:12\nRUN [[ -n x\n", mode: AnalysisMode.All));
        Assert.IsFalse(dash.Any(s => s.EndsWith(" error", StringComparison.Ordinal)), string.Join(", ", dash));
        var bash = Severities(Analyze("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -n x\n", mode: AnalysisMode.All));
        Assert.IsTrue(bash.Any(s => s.EndsWith(" error", StringComparison.Ordinal)), string.Join(", ", bash));
    }

    [TestMethod]
    public void Classification_table()
    {
        Assert.AreEqual((DiagnosticSeverity.Error, RuleTier.Minimum), ShellCheckSeverities.Classify("error", 1046, true, AnalysisMode.Recommended));
        Assert.AreEqual((DiagnosticSeverity.Warning, RuleTier.Recommended), ShellCheckSeverities.Classify("error", 1046, false, AnalysisMode.Recommended));
        Assert.AreEqual((DiagnosticSeverity.Error, RuleTier.Recommended), ShellCheckSeverities.Classify("error", 2068, false, AnalysisMode.Hadolint));
        Assert.AreEqual((DiagnosticSeverity.Warning, RuleTier.Recommended), ShellCheckSeverities.Classify("error", 3036, false, AnalysisMode.All));
        Assert.AreEqual((DiagnosticSeverity.Warning, RuleTier.Recommended), ShellCheckSeverities.Classify("warning", 2039, false, AnalysisMode.All));
        Assert.AreEqual((DiagnosticSeverity.Warning, RuleTier.Recommended), ShellCheckSeverities.Classify("warning", 1007, false, AnalysisMode.All));
        Assert.AreEqual((DiagnosticSeverity.Info, RuleTier.All), ShellCheckSeverities.Classify("info", 1091, false, AnalysisMode.All));
        Assert.AreEqual((DiagnosticSeverity.Warning, RuleTier.All), ShellCheckSeverities.Classify("warning", 2164, false, AnalysisMode.All));
        Assert.AreEqual((DiagnosticSeverity.Style, RuleTier.All), ShellCheckSeverities.Classify("style", 2006, false, AnalysisMode.All));
    }
}
