using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2002LastUserRootTests
{
    [TestMethod]
    public void Last_user_root_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2002LastUserRoot>("FROM scratch\nUSER [|root|]\n");
        Assert.AreEqual("The last USER of stage '0' is 'root', so its processes run as root: switch to a non-root user (USER 1000 or USER app) after the steps that need root.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3002" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Non_root_user_is_fine() =>
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM scratch\nUSER foo\n");

    [TestMethod]
    public void Uid_zero_and_root_group_forms_are_root()
    {
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM scratch\nUSER [|0|]\n");
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM scratch\nUSER [|root:root|]\n");
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM scratch\nUSER [|0:0|]\n");
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM scratch\nUSER rootless\nUSER 1000:0\n");
    }

    [TestMethod]
    public void Switching_back_to_a_non_root_user_is_fine() =>
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM scratch\nUSER root\nRUN something\nUSER foo\n");

    [TestMethod]
    public void A_root_stage_used_as_base_is_reported_at_its_user() =>
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM debian:12 as base\nUSER [|root|]\nRUN something\nFROM base\nRUN something else\n");

    [TestMethod]
    public void Every_stage_is_checked_like_hadolint() =>
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM debian:12 as base\nUSER [|root|]\nRUN something\nFROM scratch\nUSER foo\nRUN something else\n");

    [TestMethod]
    public void Switching_within_each_stage_is_fine() =>
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM debian:12 as base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n");

    [TestMethod]
    public void Variables_are_checked_when_their_value_is_known()
    {
        var findings = RuleVerifier.Verify<COPT2002LastUserRoot>("FROM scratch AS final\nARG RUNAS=root\nUSER [|${RUNAS}|]\n");
        StringAssert.Contains(findings[0].Message, "stage 'final' is 'root'");
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER $APP_UID\n");
    }

    [TestMethod]
    public void Onbuild_user_does_not_change_this_image() =>
        RuleVerifier.Verify<COPT2002LastUserRoot>("FROM scratch\nUSER app\nONBUILD USER root\n");
}
