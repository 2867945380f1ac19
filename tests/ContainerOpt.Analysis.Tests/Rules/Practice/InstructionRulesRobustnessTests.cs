using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

/// <summary>The base-image, stage, user and instruction rules never throw, whatever the input.</summary>
[TestClass]
public sealed class InstructionRulesRobustnessTests
{
    private static readonly DockerfileRule[] Rules =
    {
        new COPT2000WorkdirAbsolutePath(), new COPT2002LastUserRoot(), new COPT2006ImageTagMissing(), new COPT2007ImageTagLatest(),
        new COPT2010AddLocalArchive(), new COPT2011ExposePortRange(), new COPT2012HealthcheckOnce(), new COPT2020CopyInsteadOfAdd(),
        new COPT2021CopyMultipleSourcesDestSlash(), new COPT2022CopyFromUnknownStage(), new COPT2023CopyFromSelf(),
        new COPT2025JsonCmdEntrypoint(), new COPT2026UntrustedRegistry(), new COPT2029FromPlatformFlag(),
        new COPT2043OnbuildForbiddenTrigger(), new COPT2044EnvSelfReference(), new COPT2045CopyRelativeDestWithoutWorkdir(),
        new COPT2057HealthcheckMissing(), new COPT2064SecretsInArgEnv(), new COPT2066UserNonNumeric(), new COPT2067CopyFromRoot(),
        new COPT2103SingleCmd(), new COPT2104SingleEntrypoint(), new COPT2190InlineIgnorePragma(),
    };

    [TestMethod]
    [DataRow("")]
    [DataRow("FROM\nWORKDIR\nUSER\nEXPOSE\nCOPY\nADD\nENV\nARG\nCMD\nENTRYPOINT\nHEALTHCHECK\nONBUILD\n")]
    [DataRow("COPY --from=x / /\nUSER root\nFROM ${\nWORKDIR ''\nUSER :\nEXPOSE -\nEXPOSE 1-\nCOPY --from= a b\n")]
    [DataRow("FROM a:@\nFROM @\nFROM :\nFROM --platform= x AS y\nCOPY --from=$ a b\nENV A=${B:?err} B=$A\nUSER ${U:?unset}\nADD ${X:?e} /\n")]
    [DataRow("FROM x AS a\nFROM a AS b\nFROM b AS a\nCOPY --from=a \"\" \"\"\nONBUILD ONBUILD ONBUILD RUN x\nONBUILD WORKDIR\n# hadolint ignore=\n")]
    [DataRow("FROM scratch\nCOPY a.tar /\nRUN tar -x\nRUN [\"tar\", \"-xf\", \"a.tar\"]\nRUN <<EOF\nunxz\nEOF\nSHELL [\"pwsh\", \"-c\"]\nRUN tar -xf a.tar\n")]
    public void Odd_input_never_makes_a_rule_throw(string text)
    {
        var options = new AnalysisOptions { EnableAllRules = true };
        options.TrustedRegistries.Add("*.example.com");
        options.TrustedRegistries.Add("");
        options.TrustedRegistries.Add("*");
        var result = new DockerfileAnalyzer(Rules).Analyze(new AnalysisInput(SourceText.From(text, "Dockerfile")) { Options = options });
        var crashes = result.Findings.Where(f => f.Code == DiagnosticCatalog.InternalError.Id).ToList();
        Assert.AreEqual(0, crashes.Count, string.Join("\n", crashes.Select(f => f.Message)));
    }

    [TestMethod]
    public void Every_rule_is_a_practice_rule_with_a_hadolint_equivalent()
    {
        foreach (var rule in Rules)
        {
            var d = rule.Descriptor;
            Assert.AreEqual(DiagnosticCategories.Practice, d.Category, d.Id);
            Assert.IsTrue(d.Equivalents.Count == 1 && d.Equivalents[0].StartsWith("DL", StringComparison.Ordinal), d.Id);
            Assert.IsNotNull(DiagnosticCatalog.Find(d.Equivalents[0]), d.Id);
            Assert.AreEqual(d.Id, DiagnosticCatalog.Find(d.Name)?.Id, d.Id);
        }
    }
}
