using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2026UntrustedRegistryTests
{
    private static AnalysisOptions Trusting(params string[] registries)
    {
        var options = new AnalysisOptions();
        foreach (var r in registries) options.TrustedRegistries.Add(r);
        return options;
    }

    [TestMethod]
    public void Nothing_is_reported_without_trusted_registries() =>
        RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM random.com/debian\n");

    [TestMethod]
    public void Image_from_another_registry_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM [|random.com/debian|]\n", options: Trusting("docker.io"));
        Assert.AreEqual("Image 'random.com/debian' comes from registry 'random.com', which is not a trusted registry (docker.io): use an image from a trusted registry.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3026" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Listed_registries_and_scratch_are_fine()
    {
        RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM random.com/debian\n", options: Trusting("x.com", "random.com"));
        RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM scratch\n", options: Trusting("x.com", "random.com"));
    }

    [TestMethod]
    public void Docker_hub_is_allowed_in_all_its_forms() =>
        RuleVerifier.Verify<COPT2026UntrustedRegistry>(
            "FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n", options: Trusting("docker.io"));

    [TestMethod]
    public void Docker_hub_is_untrusted_when_not_listed()
    {
        var findings = RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM [|ubuntu:24.04|]\n", options: Trusting("mcr.microsoft.com"));
        StringAssert.Contains(findings[0].Message, "registry 'docker.io'");
    }

    [TestMethod]
    public void Earlier_stages_are_fine() =>
        RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n", options: Trusting("random.com"));

    [TestMethod]
    public void Wildcards_match_suffixes_prefixes_or_everything()
    {
        RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM [|x.com/debian|]\n", options: Trusting("*.random.com"));
        RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM foo.random.com/debian\n", options: Trusting("x.com", "*.random.com"));
        RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM ghcr.io/org/app:1\n", options: Trusting("ghcr.*"));
        RuleVerifier.Verify<COPT2026UntrustedRegistry>(
            "FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n", options: Trusting("*"));
    }

    [TestMethod]
    public void A_registry_with_a_port_is_a_registry() =>
        RuleVerifier.Verify<COPT2026UntrustedRegistry>("FROM [|localhost:5000/app:1|]\nFROM registry.local:5000/app:1\n", options: Trusting("docker.io", "registry.local:5000"));

    [TestMethod]
    public void Variables_are_judged_by_their_value() =>
        RuleVerifier.Verify<COPT2026UntrustedRegistry>("ARG REG=quay.io\nFROM [|${REG}/app:1|]\nFROM ${UNSET}/app:1\n", options: Trusting("docker.io"));
}
