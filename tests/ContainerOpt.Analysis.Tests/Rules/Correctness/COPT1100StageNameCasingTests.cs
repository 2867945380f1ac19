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

    [TestMethod]
    public void The_third_word_of_a_from_without_as_is_no_stage_name() =>
        // Docker has no inline comments: 'Django' is an extra FROM argument (COPT1008 reports the FROM), not a stage name.
        RuleVerifier.Verify<COPT1100StageNameCasing>("FROM python:3. #Install Django and other required packages\nRUN pip install django\n");

    [TestMethod]
    public void A_three_word_from_needs_as_to_name_a_stage() =>
        RuleVerifier.Verify<COPT1100StageNameCasing>("FROM python:3 #Install Django\nFROM scratch AS [|Final|]\n");
}
