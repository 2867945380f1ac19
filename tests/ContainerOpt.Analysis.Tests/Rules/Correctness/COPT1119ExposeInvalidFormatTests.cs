using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1119ExposeInvalidFormatTests
{
    [TestMethod]
    public void Ip_addresses_and_host_ports_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT1119ExposeInvalidFormat>("FROM scratch\nEXPOSE [|127.0.0.1:80:80|] [|[::1]:8080:8080|] [|5000:5000|] 8000\n");
        Assert.AreEqual("EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80': write only the container port '80' and publish it with 'docker run -p'.", findings[0].Message);
        StringAssert.Contains(findings[1].Message, "found '[::1]:8080:8080': write only the container port '8080'");
        CollectionAssert.AreEqual(new[] { "ExposeInvalidFormat" }, findings[2].Equivalents.ToArray());
    }

    [TestMethod]
    public void Plain_ports_ranges_and_protocols_are_fine() =>
        RuleVerifier.Verify<COPT1119ExposeInvalidFormat>("FROM alpine\nEXPOSE 80 8000-8010 53/udp\nARG PORT=8080\nEXPOSE $PORT\n");

    [TestMethod]
    public void A_mapping_from_a_variable_is_reported() =>
        RuleVerifier.Verify<COPT1119ExposeInvalidFormat>("FROM alpine\nARG MAP=80:8080\nEXPOSE [|$MAP|]\n");
}
