using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2044EnvSelfReferenceTests
{
    [TestMethod]
    public void Reference_with_braces_to_a_pair_of_the_same_env_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV BLA=\"blubb\" BLUBB=[|\"${BLA}/blubb\"|]\n");
        Assert.AreEqual("'\"${BLA}/blubb\"' refers to $BLA, which this same ENV sets, but it still expands to the value from before this ENV: set $BLA in an earlier ENV.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3044" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Bare_references_and_full_matches_are_reported()
    {
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV BLA=\"blubb\" BLUBB=[|\"$BLA/blubb\"|]\n");
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV BLA=\"blubb\" BLUBB=[|\"$BLA\"|]\n");
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV BLA=\"blubb\" BLUBB=[|\"${BLA}\"|]\n");
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV BLA=\"blubb\" BLUBB=[|\"$BLA/$BLAFOO/blubb\"|]\n");
    }

    [TestMethod]
    public void Partial_name_matches_are_not_references() =>
        RuleVerifier.Verify<COPT2044EnvSelfReference>(
            "FROM scratch\nENV BLA=\"blubb\" BLUBB=\"${FOOBLA}/blubb\"\nENV BLA=\"blubb\" BLUBB=\"${BLAFOO}/blubb\"\n" +
            "ENV BLA=\"blubb\" BLUBB=\"$FOOBLA/blubb\"\nENV BLA=\"blubb\" BLUBB=\"$BLAFOO/blubb\"\nENV BLA=\"blubb\" BLUBB=\"BLA/$BLAFOO/BLA\"\n");

    [TestMethod]
    public void Variables_set_before_the_env_are_fine()
    {
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV BLA=\"blubb\"\nENV BLUBB=\"${BLA}/blubb\"\n");
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nARG BLA\nENV BLA=${BLA}\n");
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV BLA blubb\nENV BLA=${BLA}\n");
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nARG BLA\nENV BLA=x BLUBB=$BLA\n");
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch AS base\nENV A=1\nFROM base\nENV A=2 B=$A\n");
    }

    [TestMethod]
    public void A_pair_may_refer_to_its_own_old_value()
    {
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV PATH=/bla:${PATH}\n");
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n");
    }

    [TestMethod]
    public void Setting_the_same_name_twice_in_one_env_is_reported_once() =>
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV PATH=[|/bla:${PATH}|] PATH=/blubb:${PATH}\n");

    [TestMethod]
    public void Single_quoted_dollars_are_not_references() =>
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nENV A=1 B='$A'\n");

    [TestMethod]
    public void Onbuild_env_is_checked() =>
        RuleVerifier.Verify<COPT2044EnvSelfReference>("FROM scratch\nONBUILD ENV A=1 B=[|$A|]\n");
}
