using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2051LabelEmptyTests
{
    [TestMethod]
    public void An_empty_schema_label_is_reported_at_its_value()
    {
        var findings = RuleVerifier.Verify<COPT2051LabelEmpty>("FROM alpine:3.20\nLABEL emptylabel=[|\"\"|]\n", options: LabelSchemaOptions.With("emptylabel", "text"));
        Assert.AreEqual("Label 'emptylabel' is empty: give it a value (the label schema requires it).", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3051" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Empty_without_quotes_and_in_onbuild_is_reported() =>
        RuleVerifier.Verify<COPT2051LabelEmpty>("FROM alpine:3.20\nLABEL [|emptylabel|]=\nONBUILD LABEL emptylabel=[|''|]\n", options: LabelSchemaOptions.With("emptylabel", "url"));

    [TestMethod]
    public void A_variable_that_expands_to_empty_is_reported() =>
        RuleVerifier.Verify<COPT2051LabelEmpty>("FROM alpine:3.20\nARG V=\nLABEL emptylabel=[|$V|]\n", options: LabelSchemaOptions.With("emptylabel", "text"));

    [TestMethod]
    public void Values_other_labels_and_unknown_variables_are_fine() =>
        RuleVerifier.Verify<COPT2051LabelEmpty>(
            "FROM alpine:3.20\nARG UNSET\nLABEL emptylabel=\"foo\" other=\"\"\nLABEL emptylabel=$UNSET\n", options: LabelSchemaOptions.With("emptylabel", "text"));
}
