using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2011ExposePortRangeTests
{
    [TestMethod]
    public void Port_above_65535_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2011ExposePortRange>("FROM scratch\nEXPOSE [|80000|]\n");
        Assert.AreEqual("EXPOSE '80000' is not a valid port: UNIX ports range from 0 to 65535.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3011" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Valid_ports_and_bounds_are_fine() =>
        RuleVerifier.Verify<COPT2011ExposePortRange>("FROM scratch\nEXPOSE 60000\nEXPOSE 0 65535 80/tcp 53/udp 8000-8010/udp\n");

    [TestMethod]
    public void Ranges_and_protocols_are_checked_once_per_instruction()
    {
        RuleVerifier.Verify<COPT2011ExposePortRange>("FROM scratch\nEXPOSE [|8000-70000|]\n");
        RuleVerifier.Verify<COPT2011ExposePortRange>("FROM scratch\nEXPOSE 80/tcp [|65536/udp|] 70000\n");
        RuleVerifier.Verify<COPT2011ExposePortRange>("FROM scratch\nEXPOSE [|99999999999999999999|]\n");
    }

    [TestMethod]
    public void Variables_and_malformed_words_are_left_to_other_checks() =>
        RuleVerifier.Verify<COPT2011ExposePortRange>("FROM scratch\nEXPOSE $PORT ${PORT:-80000} abc 127.0.0.1:80:80\n");

    [TestMethod]
    public void Onbuild_expose_is_checked() =>
        RuleVerifier.Verify<COPT2011ExposePortRange>("FROM scratch\nONBUILD EXPOSE [|70000|]\n");
}
