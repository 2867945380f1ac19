using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1100StageNameCasingTests
{
    [TestMethod]
    public void Reports_the_stage_name_with_upper_case()
    {
        var findings = RuleVerifier.Verify<COPT1100StageNameCasing>("FROM scratch AS [|BadStageName|]\nFROM scratch AS good\n");
        Assert.AreEqual("Stage name 'BadStageName' should be lowercase: name it 'badstagename'.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "StageNameCasing" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Lowercase_and_unnamed_stages_are_fine() =>
        RuleVerifier.Verify<COPT1100StageNameCasing>("FROM alpine:3.20\nFROM scratch AS final-stage_2.x\n");

    [TestMethod]
    public void Lowercase_as_keyword_does_not_matter() =>
        RuleVerifier.Verify<COPT1100StageNameCasing>("from scratch as [|Build|]\n");
}
