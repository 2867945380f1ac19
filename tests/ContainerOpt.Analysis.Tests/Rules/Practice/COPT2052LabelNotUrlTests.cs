using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2052LabelNotUrlTests
{
    [TestMethod]
    public void A_value_without_a_scheme_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2052LabelNotUrl>("FROM alpine:3.20\nLABEL urllabel=[|\"not-url\"|]\n", options: LabelSchemaOptions.With("urllabel", "url"));
        Assert.AreEqual("Label 'urllabel' must be an absolute URL (RFC 3986, e.g. https://example.com/project): 'not-url' is not.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3052" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Characters_a_uri_cannot_hold_are_reported() =>
        RuleVerifier.Verify<COPT2052LabelNotUrl>(
            "FROM alpine:3.20\nLABEL urllabel=[|\"http://exa mple.com\"|]\nLABEL urllabel=[|\"http://x/%zz\"|]\nLABEL urllabel=[|\"http://x/a#b#c\"|]\nLABEL urllabel=[|\"http://x/<a>\"|]\nONBUILD LABEL urllabel=[|example.com/x|]\n",
            options: LabelSchemaOptions.With("urllabel", "url"));

    [TestMethod]
    public void Absolute_uris_are_fine() =>
        RuleVerifier.Verify<COPT2052LabelNotUrl>(
            "FROM alpine:3.20\nLABEL urllabel=\"http://example.com\"\nLABEL urllabel=https://github.com/org/repo/blob/main/README.md?x=1#top\nLABEL urllabel=mailto:team@example.com\nLABEL urllabel=\"http://[::1]:8080/a%20b\"\n",
            options: LabelSchemaOptions.With("urllabel", "url"));

    [TestMethod]
    public void A_variable_with_a_known_value_is_checked_and_an_unknown_one_is_not() =>
        RuleVerifier.Verify<COPT2052LabelNotUrl>(
            "FROM alpine:3.20\nARG GOOD=https://example.com\nARG BAD=example\nARG UNSET\nLABEL urllabel=$GOOD\nLABEL urllabel=[|${BAD}|]\nLABEL urllabel=${UNSET}\n",
            options: LabelSchemaOptions.With("urllabel", "url"));

    [TestMethod]
    public void Other_labels_are_not_checked() =>
        RuleVerifier.Verify<COPT2052LabelNotUrl>("FROM alpine:3.20\nLABEL other=\"foo\"\n", options: LabelSchemaOptions.With("urllabel", "url"));

    [TestMethod]
    public void Text_labels_are_not_checked() =>
        RuleVerifier.Verify<COPT2052LabelNotUrl>("FROM alpine:3.20\nLABEL urllabel=\"foo\"\n", options: LabelSchemaOptions.With("urllabel", "text"));
}
