using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1101FromAsCasingTests
{
    [TestMethod]
    public void Lowercase_as_after_uppercase_from_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT1101FromAsCasing>("FROM scratch AS base\nFROM scratch [|as|] base2\n");
        Assert.AreEqual("'as' and 'FROM' keywords' casing do not match: write 'AS' to match 'FROM'.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "FromAsCasing" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Uppercase_as_after_lowercase_from_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT1101FromAsCasing>("from scratch [|AS|] base\nfrom scratch as base2\n");
        StringAssert.StartsWith(findings[0].Message, "'AS' and 'from' keywords' casing do not match");
    }

    [TestMethod]
    public void Mixed_case_as_is_reported() =>
        RuleVerifier.Verify<COPT1101FromAsCasing>("FROM scratch [|As|] base\n");

    [TestMethod]
    public void Mixed_case_from_is_left_to_consistent_instruction_casing() =>
        RuleVerifier.Verify<COPT1101FromAsCasing>("From scratch as base\nfRoM scratch AS other\n");

    [TestMethod]
    public void A_from_whose_second_word_is_not_as_is_left_to_the_parser() =>
        RuleVerifier.Verify<COPT1101FromAsCasing>("FROM scratch to base\n");

    [TestMethod]
    public void Matching_case_and_unnamed_stages_are_fine() =>
        RuleVerifier.Verify<COPT1101FromAsCasing>("FROM alpine:3.20 AS build\nfrom scratch as final\nFROM scratch\n");
}
