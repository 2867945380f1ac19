using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1108UndefinedArgInFromTests
{
    [TestMethod]
    public void An_undeclared_variable_in_the_image_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("ARG tag=latest\nFROM busybox:${tag}[|$version|] AS b\n");
        Assert.AreEqual("FROM argument 'version' is not declared: declare it with 'ARG version' before the first FROM.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "UndefinedArgInFrom" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void A_misspelled_platform_argument_gets_a_suggestion()
    {
        var findings = RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("FROM --platform=[|$BULIDPLATFORM|] scratch\n");
        Assert.AreEqual("FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?): declare it with 'ARG BULIDPLATFORM' before the first FROM, or use BUILDPLATFORM.", findings[0].Message);
    }

    [TestMethod]
    public void The_suggestion_comes_from_the_declared_global_args()
    {
        var findings = RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/[|${MYARCH}|] busybox\n");
        StringAssert.StartsWith(findings[0].Message, "FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?)");
    }

    [TestMethod]
    public void Declared_args_with_or_without_value_and_predefined_platform_args_are_fine()
    {
        RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("ARG base=scratch\nFROM $base\n");
        RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("ARG DEBUG\nFROM scra${DEBUG:-tch}\n");
        RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM --platform=$TARGETOS/$TARGETARCH alpine\n");
    }

    [TestMethod]
    public void An_arg_declared_only_inside_a_stage_does_not_count_for_a_later_from() =>
        RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("FROM alpine\nARG IMAGE=debian\nFROM [|$IMAGE|]\n");

    [TestMethod]
    public void Args_after_a_stray_instruction_before_the_first_from_are_global()
    {
        // The LABEL is COPT1005's error; the ARGs below it are still declared for the FROM (no follow-on finding).
        RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("LABEL maintainer=me\nARG BASE_IMG=windows/nanoserver\nARG CONT_VER=ltsc2022\nFROM mcr.microsoft.com/${BASE_IMG}:${CONT_VER}\n");
        var findings = RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("LABEL maintainer=me\nARG BASE_IMG=windows/nanoserver\nFROM mcr.microsoft.com/${BASE_IMG}:[|${CONT_VER}|]\n");
        Assert.AreEqual("FROM argument 'CONT_VER' is not declared: declare it with 'ARG CONT_VER' before the first FROM.", findings[0].Message);
    }

    [TestMethod]
    public void A_build_argument_does_not_declare_the_variable() =>
        RuleVerifier.Verify<COPT1108UndefinedArgInFrom>("FROM alpine:[|$TAG|]\n", options: WithBuildArg("TAG", "3.20"));

    private static AnalysisOptions WithBuildArg(string name, string value)
    {
        var options = new AnalysisOptions();
        options.BuildArgs[name] = value;
        return options;
    }
}
