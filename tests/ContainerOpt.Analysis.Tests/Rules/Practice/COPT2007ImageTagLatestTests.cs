using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2007ImageTagLatestTests
{
    [TestMethod]
    public void Explicit_latest_is_reported_at_the_tag()
    {
        var findings = RuleVerifier.Verify<COPT2007ImageTagLatest>("FROM debian:[|latest|]\n");
        Assert.AreEqual("'debian:latest' uses the 'latest' tag, which moves whenever the image is updated: pin a release tag or a digest.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3007" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Explicit_latest_with_a_stage_name_is_reported() =>
        RuleVerifier.Verify<COPT2007ImageTagLatest>("FROM debian:[|latest|] AS builder\n");

    [TestMethod]
    public void Release_tags_digests_and_untagged_images_are_fine()
    {
        RuleVerifier.Verify<COPT2007ImageTagLatest>("FROM debian:jessie\n");
        RuleVerifier.Verify<COPT2007ImageTagLatest>("FROM debian:jessie AS builder\n");
        RuleVerifier.Verify<COPT2007ImageTagLatest>("FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n");
        RuleVerifier.Verify<COPT2007ImageTagLatest>("FROM debian\n");
    }

    [TestMethod]
    public void Latest_pinned_by_digest_is_fine() =>
        RuleVerifier.Verify<COPT2007ImageTagLatest>("FROM debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n");

    [TestMethod]
    public void Latest_from_a_variable_is_reported_on_the_whole_reference()
    {
        var findings = RuleVerifier.Verify<COPT2007ImageTagLatest>("ARG TAG=latest\nFROM [|ghcr.io/org/app:${TAG}|]\n");
        StringAssert.StartsWith(findings[0].Message, "'ghcr.io/org/app:latest'");
    }

    [TestMethod]
    public void A_registry_port_is_not_the_tag() =>
        RuleVerifier.Verify<COPT2007ImageTagLatest>("FROM localhost:5000/latest\nFROM registry:5000/app:[|latest|]\n");
}
