using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2049LabelMissingTests
{
    private static AnalysisOptions Schema(params string[] labels)
    {
        var options = new AnalysisOptions();
        foreach (var label in labels)
        {
            options.LabelSchema[label] = "text";
        }
        return options;
    }

    [TestMethod]
    public void A_single_stage_without_the_label_is_reported_at_its_from()
    {
        var findings = RuleVerifier.Verify<COPT2049LabelMissing>("FROM [|baseimage|]\n", options: Schema("foo"));
        Assert.AreEqual("Add the label 'foo' to this stage (LABEL foo=<value>): the label schema requires it.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3049" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Other_labels_do_not_count() =>
        RuleVerifier.Verify<COPT2049LabelMissing>("FROM [|baseimage|]\nLABEL bar=\"baz\"\n", options: Schema("foo"));

    [TestMethod]
    public void A_stage_with_the_label_is_fine() =>
        RuleVerifier.Verify<COPT2049LabelMissing>("FROM baseimage\nLABEL foo=\"bar\"\n", options: Schema("foo"));

    [TestMethod]
    public void Onbuild_label_counts_as_hadolint_does() =>
        RuleVerifier.Verify<COPT2049LabelMissing>("FROM baseimage\nONBUILD LABEL foo=\"bar\"\n", options: Schema("foo"));

    [TestMethod]
    public void Each_stage_without_the_label_is_reported() =>
        RuleVerifier.Verify<COPT2049LabelMissing>("FROM [|stage1|]\nLABEL bar=\"baz\"\nFROM [|stage2|]\nLABEL buzz=\"fuzz\"\n", options: Schema("foo"));

    [TestMethod]
    public void Only_the_stage_lacking_the_label_is_reported() =>
        RuleVerifier.Verify<COPT2049LabelMissing>("FROM [|baseimage|]\nLABEL baz=\"bar\"\nFROM newimage\nLABEL foo=\"bar\"\n", options: Schema("foo"));

    [TestMethod]
    public void A_base_stage_is_fine_when_a_stage_built_on_it_sets_the_label() =>
        RuleVerifier.Verify<COPT2049LabelMissing>("FROM baseimage as base\nFROM base\nLABEL foo=\"bar\"\n", options: Schema("foo"));

    [TestMethod]
    public void Only_the_stage_built_directly_on_a_base_speaks_for_it() =>
        RuleVerifier.Verify<COPT2049LabelMissing>(
            "FROM [|baseimage|] AS base\nFROM base AS middle\nFROM middle\nLABEL foo=\"bar\"\nFROM [|base|] AS other\n", options: Schema("foo"));

    [TestMethod]
    public void A_stage_inherits_the_label_of_its_base_stage() =>
        RuleVerifier.Verify<COPT2049LabelMissing>("FROM baseimage AS base\nLABEL foo=\"bar\"\nFROM base\nFROM base AS again\n", options: Schema("foo"));

    [TestMethod]
    public void A_stage_only_copied_from_is_not_reported() =>
        RuleVerifier.Verify<COPT2049LabelMissing>(
            "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20 AS tools\nFROM alpine:3.20\nLABEL foo=x\nCOPY --from=build /app /app\nCOPY --from=1 /bin/sh /bin/sh\n",
            options: Schema("foo"));

    [TestMethod]
    public void Each_missing_label_is_reported_separately()
    {
        var findings = RuleVerifier.Verify<COPT2049LabelMissing>("FROM [|[|alpine:3.20|]|]\nLABEL b=1\n", options: Schema("c", "b", "a"));
        StringAssert.Contains(findings[0].Message, "'a'");
        StringAssert.Contains(findings[1].Message, "'c'");
    }

    [TestMethod]
    public void No_schema_means_nothing_is_required() =>
        RuleVerifier.Verify<COPT2049LabelMissing>("FROM alpine:3.20\n");
}
