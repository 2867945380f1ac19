using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1104DuplicateStageNameTests
{
    [TestMethod]
    public void The_second_stage_with_a_name_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT1104DuplicateStageName>("FROM scratch AS b\nFROM scratch AS [|b|]\n");
        Assert.AreEqual("Duplicate stage name \"b\", stage names should be unique: rename this stage or the one on line 1.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DuplicateStageName", "DL3024" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Names_are_compared_lowercased_and_every_repeat_is_reported() =>
        RuleVerifier.Verify<COPT1104DuplicateStageName>("FROM alpine AS build\nFROM alpine AS [|Build|]\nFROM alpine AS [|BUILD|]\n");

    [TestMethod]
    public void Distinct_and_unnamed_stages_are_fine() =>
        RuleVerifier.Verify<COPT1104DuplicateStageName>("FROM scratch AS b1\nFROM scratch AS b2\nFROM scratch\nFROM scratch\n");
}
