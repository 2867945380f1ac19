using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2006ImageTagMissingTests
{
    [TestMethod]
    public void Untagged_image_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2006ImageTagMissing>("FROM [|debian|]\n");
        Assert.AreEqual("Image 'debian' has no tag, so it means whatever ':latest' is on the day of the build: pin a version (debian:<version>) or a digest.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3006" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Untagged_image_with_a_stage_name_is_reported() =>
        RuleVerifier.Verify<COPT2006ImageTagMissing>("FROM [|debian|] AS builder\n");

    [TestMethod]
    public void Digest_tag_scratch_and_leading_variable_are_fine()
    {
        RuleVerifier.Verify<COPT2006ImageTagMissing>("FROM ruby@sha256:f1dbca0f5dbc9\n");
        RuleVerifier.Verify<COPT2006ImageTagMissing>("FROM ruby:2\n");
        RuleVerifier.Verify<COPT2006ImageTagMissing>("FROM ${VALUE}\n");
        RuleVerifier.Verify<COPT2006ImageTagMissing>("FROM scratch\n");
    }

    [TestMethod]
    public void Earlier_stages_need_no_tag() =>
        RuleVerifier.Verify<COPT2006ImageTagMissing>(
            "FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM build as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n");

    [TestMethod]
    public void Stage_names_match_case_insensitively() =>
        RuleVerifier.Verify<COPT2006ImageTagMissing>("FROM golang:1.22 AS Build\nFROM build\n");

    [TestMethod]
    public void Other_untagged_images_among_stages_are_reported() =>
        RuleVerifier.Verify<COPT2006ImageTagMissing>(
            "FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM [|node|] as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n");

    [TestMethod]
    public void A_registry_port_is_not_a_tag()
    {
        RuleVerifier.Verify<COPT2006ImageTagMissing>("FROM [|localhost:5000/app|]\n");
        RuleVerifier.Verify<COPT2006ImageTagMissing>("FROM localhost:5000/app:1.0\n");
    }

    [TestMethod]
    public void Variables_inside_the_reference_are_expanded_when_known()
    {
        var findings = RuleVerifier.Verify<COPT2006ImageTagMissing>("ARG NAME=debian\nFROM [|library/${NAME}|]\n");
        StringAssert.StartsWith(findings[0].Message, "Image 'library/debian' has no tag");
        RuleVerifier.Verify<COPT2006ImageTagMissing>("ARG TAG=12\nFROM debian:${TAG}\n");
        RuleVerifier.Verify<COPT2006ImageTagMissing>("ARG REPO\nFROM library/$REPO\n");
    }
}
