using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1103ConsistentInstructionCasingTests
{
    [TestMethod]
    public void Lowercase_keyword_among_uppercase_ones_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT1103ConsistentInstructionCasing>("FROM scratch\n[|copy|] Dockerfile /foo\nCOPY Dockerfile /bar\n");
        Assert.AreEqual("Command 'copy' should match the case of the command majority (uppercase): write 'COPY'.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "ConsistentInstructionCasing" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Majority_lowercase_reports_the_uppercase_ones() =>
        RuleVerifier.Verify<COPT1103ConsistentInstructionCasing>("[|FROM|] scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\ncopy Dockerfile /baz\n");

    [TestMethod]
    public void A_tie_counts_as_uppercase() =>
        RuleVerifier.Verify<COPT1103ConsistentInstructionCasing>("FROM scratch AS base\n[|copy|] Dockerfile .\n");

    [TestMethod]
    public void Mixed_case_keywords_are_always_reported()
    {
        var findings = RuleVerifier.Verify<COPT1103ConsistentInstructionCasing>("[|frOM|] scratch as base\nfrom scratch as base2\n");
        StringAssert.Contains(findings[0].Message, "(lowercase): write 'from'");
    }

    [TestMethod]
    public void Global_args_and_the_trigger_of_onbuild_are_not_counted() =>
        RuleVerifier.Verify<COPT1103ConsistentInstructionCasing>("arg BASE=alpine\nARG TAG=3\nFROM $BASE\nONBUILD run echo hi\nRUN echo hi\n");

    [TestMethod]
    public void Unknown_instructions_are_not_counted() =>
        RuleVerifier.Verify<COPT1103ConsistentInstructionCasing>("FROM scratch\nbadcmd x\nbadcmd y\nCOPY a /a\n");

    [TestMethod]
    public void Consistent_files_and_heredoc_bodies_are_fine()
    {
        RuleVerifier.Verify<COPT1103ConsistentInstructionCasing>("from scratch\ncopy Dockerfile /foo\n");
        RuleVerifier.Verify<COPT1103ConsistentInstructionCasing>("FROM alpine\nRUN <<'EOT'\nenv\nEOT\n");
    }

    [TestMethod]
    public void A_mixed_case_keyword_among_upper_case_ones_is_reported()
    {
        // No keyword of the minority's case: the mixed one alone must still be found.
        RuleVerifier.Verify<COPT1103ConsistentInstructionCasing>("FROM scratch\n[|Copy|] a /a\nCOPY b /b\n");
    }
}
