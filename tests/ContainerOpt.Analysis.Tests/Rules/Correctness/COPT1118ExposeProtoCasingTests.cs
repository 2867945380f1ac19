using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1118ExposeProtoCasingTests
{
    [TestMethod]
    public void Uppercase_protocols_are_reported_per_port()
    {
        var findings = RuleVerifier.Verify<COPT1118ExposeProtoCasing>("FROM scratch\nEXPOSE [|80/TcP|] [|8080/TCP|] 8080/udp\n");
        Assert.AreEqual("Defined protocol '80/TcP' in EXPOSE instruction should be lowercase: write '80/tcp'.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "ExposeProtoCasing" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Ports_are_expanded_first() =>
        RuleVerifier.Verify<COPT1118ExposeProtoCasing>("FROM alpine\nARG PROTO=UDP\nEXPOSE [|53/$PROTO|]\n");

    [TestMethod]
    public void Lowercase_missing_and_unknown_protocols_are_fine() =>
        RuleVerifier.Verify<COPT1118ExposeProtoCasing>("FROM alpine\nEXPOSE 80 443/tcp 5000/sctp 9000/XYZ\n");
}
