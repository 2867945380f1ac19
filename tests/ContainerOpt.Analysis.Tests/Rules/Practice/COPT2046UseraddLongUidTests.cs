using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2046UseraddLongUidTests
{
    [TestMethod]
    public void Long_uid_without_l_is_reported_at_the_uid()
    {
        var findings = RuleVerifier.Verify<COPT2046UseraddLongUid>("FROM debian:12\nRUN useradd -u [|123456|] luser\n");
        Assert.AreEqual("Add -l (--no-log-init) to useradd: UID 123456 without it writes a huge sparse /var/log/lastlog into the image.", findings[0].Message);
    }

    [TestMethod]
    public void Useradd_alone_is_fine() =>
        RuleVerifier.Verify<COPT2046UseraddLongUid>("FROM debian:12\nRUN useradd luser\n");

    [TestMethod]
    public void A_short_uid_is_fine() =>
        RuleVerifier.Verify<COPT2046UseraddLongUid>("FROM debian:12\nRUN useradd -u 12345 luser\n");

    [TestMethod]
    public void A_long_uid_with_l_is_fine() =>
        RuleVerifier.Verify<COPT2046UseraddLongUid>(
            "FROM debian:12\nRUN useradd -l -u 123456 luser\nRUN useradd --no-log-init --uid 123456 luser\nRUN useradd -lmu 123456 luser\n");

    [TestMethod]
    public void Just_l_is_fine() =>
        RuleVerifier.Verify<COPT2046UseraddLongUid>("FROM debian:12\nRUN useradd -l luser\n");

    [TestMethod]
    public void Every_way_of_giving_the_uid_is_understood() =>
        RuleVerifier.Verify<COPT2046UseraddLongUid>(
            "FROM debian:12\nRUN useradd --uid [|1000000|] a\nRUN useradd [|--uid=1000000|] b\nRUN useradd [|-u1000000|] c\n"
            + "RUN useradd -mu [|1000000|] -s /bin/sh d\nONBUILD RUN sudo useradd -u [|1000000|] e\n");

    [TestMethod]
    public void A_uid_from_an_arg_is_resolved_and_an_unknown_one_skipped() =>
        RuleVerifier.Verify<COPT2046UseraddLongUid>(
            "FROM debian:12\nARG APP_UID=1000001\nARG SMALL=1001\nRUN useradd -u [|${APP_UID}|] app\nRUN useradd -u $SMALL small\nRUN useradd -u \"$UNKNOWN\" other\n");
}
