using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1107MaintainerDeprecatedTests
{
    [TestMethod]
    public void Maintainer_is_reported_with_the_label_to_write()
    {
        var findings = RuleVerifier.Verify<COPT1107MaintainerDeprecated>("FROM scratch\n[|MAINTAINER|] me@example.org\n");
        Assert.AreEqual("Maintainer instruction is deprecated in favor of using label: write LABEL org.opencontainers.image.authors=\"me@example.org\" instead.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "MaintainerDeprecated", "DL4000" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Every_maintainer_in_any_case_is_reported() =>
        RuleVerifier.Verify<COPT1107MaintainerDeprecated>("FROM alpine AS a\n[|maintainer|] \"Jane <jane@example.org>\"\nFROM a\n[|MAINTAINER|] John\n");

    [TestMethod]
    public void The_authors_label_is_fine() =>
        RuleVerifier.Verify<COPT1107MaintainerDeprecated>("FROM scratch\nLABEL org.opencontainers.image.authors=\"me@example.org\"\n");
}
