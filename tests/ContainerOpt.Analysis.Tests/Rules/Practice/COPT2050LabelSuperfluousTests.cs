using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2050LabelSuperfluousTests
{
    private static AnalysisOptions Strict(bool strict = true, params string[] labels)
    {
        var options = new AnalysisOptions { StrictLabels = strict };
        foreach (var label in labels)
        {
            options.LabelSchema[label] = "text";
        }
        return options;
    }

    [TestMethod]
    public void A_label_outside_the_schema_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2050LabelSuperfluous>("FROM alpine:3.20\nLABEL [|other|]=\"bar\"\n", options: Strict(true, "required"));
        Assert.AreEqual("Label 'other' is not in the label schema: remove it or add it to the schema (strict labels are on).", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3050" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Once_per_instruction_naming_every_extra_label()
    {
        var findings = RuleVerifier.Verify<COPT2050LabelSuperfluous>(
            "FROM alpine:3.20\nLABEL required=\"foo\" [|other|]=\"bar\" more=1\nONBUILD LABEL [|x|]=1\n", options: Strict(true, "required"));
        Assert.AreEqual("Labels 'other', 'more' are not in the label schema: remove them or add them to the schema (strict labels are on).", findings[0].Message);
    }

    [TestMethod]
    public void Required_labels_and_no_labels_are_fine() =>
        RuleVerifier.Verify<COPT2050LabelSuperfluous>("FROM alpine:3.20\nLABEL required=\"foo\"\n", options: Strict(true, "required"));

    [TestMethod]
    public void Without_strict_labels_nothing_is_reported() =>
        RuleVerifier.Verify<COPT2050LabelSuperfluous>("FROM alpine:3.20\nLABEL other=\"bar\"\n", options: Strict(false, "required"));

    [TestMethod]
    public void Strict_labels_without_a_schema_reports_every_label() =>
        RuleVerifier.Verify<COPT2050LabelSuperfluous>("FROM alpine:3.20\nLABEL [|anything|]=1\n", options: Strict(true));
}
