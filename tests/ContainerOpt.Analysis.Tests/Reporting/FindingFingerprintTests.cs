using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Reporting;

/// <summary>
/// Fingerprints (SARIF partialFingerprints, GitLab's fingerprint): the same finding keeps its fingerprint when unrelated lines
/// move it; identical instructions that both fire keep apart; an edited instruction is another finding.
/// </summary>
[TestClass]
public sealed class FindingFingerprintTests
{
    private const string Original = "FROM alpine:3.20\nRUN apk add curl\nUSER root\n";

    [TestMethod]
    public void Lines_added_above_move_a_finding_but_keep_its_fingerprint()
    {
        var before = Fingerprints(Original);
        var after = Fingerprints("# a comment\nFROM alpine:3.20\nLABEL a=b\n\nRUN apk add curl\nENV X=1\nUSER root\n");
        Assert.IsTrue(before.Count >= 3);
        foreach (var (code, fingerprint) in before)
        {
            CollectionAssert.Contains(after.Select(a => a.Code).ToArray(), code);
            Assert.AreEqual(fingerprint, after.First(a => a.Code == code).Fingerprint, code);
        }
    }

    [TestMethod]
    public void Reformatting_an_instruction_keeps_its_fingerprint()
    {
        var one = Fingerprints("FROM alpine:3.20\nRUN apk add curl && echo done\n");
        var reformatted = Fingerprints("FROM alpine:3.20\nRUN   apk add curl \\\n    && echo done\n");
        var code = "COPT3004";
        Assert.AreEqual(one.Single(f => f.Code == code).Fingerprint, reformatted.Single(f => f.Code == code).Fingerprint);
    }

    [TestMethod]
    public void Editing_the_instruction_changes_the_fingerprint()
    {
        var one = Fingerprints("FROM alpine:3.20\nRUN apk add curl\n");
        var edited = Fingerprints("FROM alpine:3.20\nRUN apk add curl wget\n");
        Assert.AreNotEqual(one.First(f => f.Code == "COPT3004").Fingerprint, edited.First(f => f.Code == "COPT3004").Fingerprint);
    }

    [TestMethod]
    public void Identical_instructions_that_both_fire_get_their_own_fingerprints_by_occurrence()
    {
        var findings = Fingerprints("FROM alpine:3.20\nRUN apk add curl\nRUN echo between\nRUN apk add curl\n").Where(f => f.Code == "COPT2018").ToList();
        Assert.AreEqual(2, findings.Count);
        Assert.AreNotEqual(findings[0].Fingerprint, findings[1].Fingerprint);
        // The first keeps its fingerprint when the second goes: the occurrence counts from the top.
        var alone = Fingerprints("FROM alpine:3.20\nRUN apk add curl\nRUN echo between\n").Single(f => f.Code == "COPT2018");
        Assert.AreEqual(findings[0].Fingerprint, alone.Fingerprint);
    }

    [TestMethod]
    public void A_finding_made_before_the_file_was_read_gets_one_from_its_rule_and_occurrence()
    {
        var missing = new Finding(DiagnosticCatalog.FileNotFound, DiagnosticSeverity.Error, "gone", "a/Dockerfile", ReportSamples.Span(1, 1, 1, 1), default);
        var prints = FindingFingerprints.Of(new[] { missing, missing });
        Assert.AreNotEqual(prints[0], prints[1]);
        CollectionAssert.AreEqual(prints, FindingFingerprints.Of(new[] { missing, missing }));
        Assert.AreNotEqual(FindingFingerprints.InReport("a/Dockerfile", prints[0]), FindingFingerprints.InReport("b/Dockerfile", prints[0]));
        Assert.AreEqual(FindingFingerprints.InReport(@"a\Dockerfile", prints[0]), FindingFingerprints.InReport("a/Dockerfile", prints[0]));
    }

    private static List<(string Code, string Fingerprint)> Fingerprints(string text) =>
        ReportSamples.Analysed("Dockerfile", text, AnalysisMode.All)[0].Findings.Select(f => (f.Code, f.Fingerprint!)).ToList();
}
