using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>A syntax or structure error is reported, and every rule that can run still runs on what parsed.</summary>
[TestClass]
public sealed class NeverGivesUpTests
{
    private static IReadOnlyList<Finding> Analyze(string text, AnalysisMode mode = AnalysisMode.All) =>
        new DockerfileAnalyzer().Analyze(new AnalysisInput(SourceText.From(text, "Dockerfile")) { Options = new AnalysisOptions { Mode = mode } }).Findings;

    [TestMethod]
    public void A_missing_FROM_hides_nothing_else()
    {
        var findings = Analyze("RUN apt-get install curl\n");
        CollectionAssert.IsSubsetOf(new[] { "COPT1004", "COPT1005", "COPT2008", "COPT2014" }, findings.Select(f => f.Code).ToArray(),
            string.Join("\n", findings.Select(f => f.ToCanonicalString())));
        var pin = findings.Single(f => f.Code == "COPT2008");
        Assert.AreEqual(new LinePosition(1, 21), pin.Location.Start);
    }

    [TestMethod]
    public void Instructions_before_the_first_FROM_are_analysed_in_a_stage_of_their_own()
    {
        var findings = Analyze("MAINTAINER me\nRUN cd /tmp && make\nFROM alpine:3.20\nRUN apk add curl\n");
        CollectionAssert.IsSubsetOf(new[] { "COPT1005", "COPT1107", "COPT2003", "COPT2018" }, findings.Select(f => f.Code).ToArray(),
            string.Join("\n", findings.Select(f => f.ToCanonicalString())));
    }

    [TestMethod]
    public void In_hadolint_mode_a_file_without_FROM_gets_hadolints_findings()
    {
        var findings = Analyze("RUN pip install flask\n", AnalysisMode.Hadolint);
        var pip = findings.Single(f => f.Code == "COPT2013");
        Assert.AreEqual(DiagnosticSeverity.Warning, pip.Severity);
        CollectionAssert.Contains(pip.Equivalents.ToArray(), "DL3013");
    }
}
