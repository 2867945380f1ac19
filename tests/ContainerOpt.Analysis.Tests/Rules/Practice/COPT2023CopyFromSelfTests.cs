using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2023CopyFromSelfTests
{
    [TestMethod]
    public void Copy_from_the_own_stage_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2023CopyFromSelf>("FROM node:20 as foo\nCOPY [|--from=foo|] bar .\n");
        Assert.AreEqual("COPY --from=foo names the stage it is in, which cannot copy from itself: copy from an earlier stage.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3023" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Copy_from_another_stage_is_fine() =>
        RuleVerifier.Verify<COPT2023CopyFromSelf>("FROM scratch as build\nRUN foo\nFROM node:20 as run\nCOPY --from=build foo .\nRUN baz\n");

    [TestMethod]
    public void Stage_names_compare_case_insensitively() =>
        RuleVerifier.Verify<COPT2023CopyFromSelf>("FROM node:20 AS Final\nCOPY [|--from=final|] bar .\n");

    [TestMethod]
    public void Unnamed_stage_and_variable_reference() =>
        RuleVerifier.Verify<COPT2023CopyFromSelf>("FROM node:20\nCOPY --from=x bar .\nFROM node:20 AS app\nARG SELF=app\nCOPY [|--from=$SELF|] a .\n");
}
