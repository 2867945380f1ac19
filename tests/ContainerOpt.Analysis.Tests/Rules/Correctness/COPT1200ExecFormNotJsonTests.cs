using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1200ExecFormNotJsonTests
{
    [TestMethod]
    public void Single_quotes_are_reported_with_the_json_they_mean()
    {
        var findings = RuleVerifier.Verify<COPT1200ExecFormNotJson>("FROM node:20-slim\nCMD [|['node', 'server.js']|]\n");
        Assert.AreEqual(
            "This CMD looks like exec form but is not valid JSON (JSON strings need double quotes), so Docker runs it with the shell, which finds no program named '['node',' and the container exits at start. Write CMD [\"node\", \"server.js\"].",
            findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
    }

    [TestMethod]
    public void A_missing_comma_is_reported_and_text_after_a_valid_array_is_not()
    {
        // Docker reads one JSON value and ignores the rest: a trailing comment or backtick is harmless.
        var findings = RuleVerifier.Verify<COPT1200ExecFormNotJson>(
            "FROM debian:12\nENTRYPOINT [|[\"dotnet\" \"Api.dll\"]|]\nFROM debian:12\nCMD [\"serve\", \"-s\", \"dist\"]  # port flag\nFROM debian:12\nENTRYPOINT [\"x\"]`\n");
        StringAssert.Contains(findings[0].Message, "(a comma is missing between the strings)");
        StringAssert.EndsWith(findings[0].Message, "Write ENTRYPOINT [\"dotnet\", \"Api.dll\"].");
    }

    [TestMethod]
    public void A_shell_or_an_exec_form_entrypoint_makes_it_a_warning()
    {
        var findings = RuleVerifier.Run<COPT1200ExecFormNotJson>(
            "FROM debian:12\nENTRYPOINT [\"tini\", \"--\"]\nCMD ['node', 'app.js']\n"
            + "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nCMD ['a', 'b']\n"
            + "FROM debian:12\nCMD ['x']\nENTRYPOINT [\"tini\", \"--\"]\n");
        CollectionAssert.AreEqual(new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning }, findings.Select(f => f.Severity).ToArray());
    }

    [TestMethod]
    public void The_nearest_entrypoint_decides_whether_a_cmd_runs_in_either_form()
    {
        // A shell-form ENTRYPOINT ignores the CMD, so the CMD cannot stop the container (the engine test shows it starts);
        // a stage inherits the ENTRYPOINT of the nearest stage it builds on; ENTRYPOINT [] clears it, so the CMD runs again.
        var findings = RuleVerifier.Run<COPT1200ExecFormNotJson>(
            "FROM debian:12\nENTRYPOINT echo started\nCMD ['x']\n"
            + "FROM debian:12 AS far\nENTRYPOINT [\"tini\", \"--\"]\nFROM far AS near\nENTRYPOINT echo started\nFROM near\nCMD ['y']\n"
            + "FROM near AS cleared\nENTRYPOINT []\nFROM cleared\nCMD ['z']\n");
        CollectionAssert.AreEqual(
            new[] { (3, DiagnosticSeverity.Warning), (9, DiagnosticSeverity.Warning), (13, DiagnosticSeverity.Error) },
            findings.Select(f => (f.Location.Start.Line, f.Severity)).ToArray());
    }

    [TestMethod]
    public void Valid_exec_form_and_real_shell_form_are_not_reported() =>
        RuleVerifier.Verify<COPT1200ExecFormNotJson>(
            "FROM debian:12\nCMD [\"echo\", \"a]b\"]\nFROM debian:12\nCMD echo [not json]\nFROM debian:12\nCMD [ -f /x ] && run\n");
}
