using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2022CopyFromUnknownStageTests
{
    [TestMethod]
    public void Missing_stage_is_reported_at_the_flag()
    {
        var findings = RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch\nCOPY [|--from=foo|] bar .\n");
        Assert.AreEqual("COPY --from=foo names no earlier stage: define it before this COPY (FROM <image> AS foo), or name an image with a tag (--from=foo:<tag>).", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3022" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Stage_defined_after_the_copy_is_reported() =>
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch\nCOPY [|--from=build|] foo .\nFROM node:20 as build\nRUN baz\n");

    [TestMethod]
    public void Earlier_stages_by_name_any_case_or_index_are_fine()
    {
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch as build\nRUN foo\nFROM node:20\nCOPY --from=build foo .\nRUN baz\n");
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch as Build\nFROM node:20\nCOPY --from=BUILD foo .\n");
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch as build\nRUN foo\nFROM node:20\nCOPY --from=0 foo .\n");
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch\nRUN foo\nFROM node:20\nCOPY --from=0 foo .\n");
    }

    [TestMethod]
    public void Index_of_no_earlier_stage_is_reported()
    {
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch\nCOPY [|--from=0|] bar .\n");
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch\nFROM scratch\nCOPY [|--from=2|] bar .\n");
    }

    [TestMethod]
    public void Images_are_fine() =>
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>(
            "FROM scratch\nCOPY --from=haskell:latest bar .\nCOPY --from=docker/dockerfile /x /x\nCOPY --from=nginx@sha256:abc /x /x\n");

    [TestMethod]
    public void Own_stage_is_left_to_copy_from_self() =>
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM node:20 as foo\nCOPY --from=foo bar .\n");

    [TestMethod]
    public void Variables_are_judged_by_their_value()
    {
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch\nCOPY --from=$STAGE bar .\n");
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("ARG STAGE=build\nFROM scratch AS build\nFROM scratch\nARG STAGE\nCOPY --from=${STAGE} bar .\n");
        var findings = RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch\nARG STAGE=nope\nCOPY [|--from=$STAGE|] bar .\n");
        StringAssert.StartsWith(findings[0].Message, "COPY --from=nope names no earlier stage");
    }

    [TestMethod]
    public void Run_mounts_are_not_copy() =>
        RuleVerifier.Verify<COPT2022CopyFromUnknownStage>("FROM scratch\nRUN --mount=type=bind,from=nope,target=/x true\n");
}
