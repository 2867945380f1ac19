using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1105ReservedStageNameTests
{
    [TestMethod]
    public void Scratch_and_context_are_reserved()
    {
        var findings = RuleVerifier.Verify<COPT1105ReservedStageName>("FROM scratch AS [|scratch|]\nFROM scratch AS [|context|]\n");
        Assert.AreEqual("Stage name should not use the same name as reserved stage \"scratch\": choose another name, such as 'scratch-stage'.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "ReservedStageName" }, findings[1].Equivalents.ToArray());
    }

    [TestMethod]
    public void Case_does_not_hide_a_reserved_name() =>
        RuleVerifier.Verify<COPT1105ReservedStageName>("FROM alpine AS [|Context|]\n");

    [TestMethod]
    public void Other_names_are_fine() =>
        RuleVerifier.Verify<COPT1105ReservedStageName>("FROM scratch\nFROM scratch AS a\nFROM scratch AS scratchpad\n");
}
