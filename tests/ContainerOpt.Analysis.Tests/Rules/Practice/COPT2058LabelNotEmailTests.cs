using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2058LabelNotEmailTests
{
    [TestMethod]
    public void A_value_that_is_no_email_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2058LabelNotEmail>("FROM alpine:3.20\nLABEL maintainer=[|\"not-email\"|]\n", options: LabelSchemaOptions.With("maintainer", "email"));
        Assert.AreEqual("Label 'maintainer' must be an email address (RFC 5322, e.g. team@example.com): 'not-email' is not.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3058" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Display_names_and_broken_addresses_are_reported() =>
        RuleVerifier.Verify<COPT2058LabelNotEmail>(
            "FROM alpine:3.20\nLABEL maintainer=[|\"Jane <jane@example.com>\"|]\nLABEL maintainer=[|a@|]\nLABEL maintainer=[|@b.com|]\nLABEL maintainer=[|a..b@c.com|]\nLABEL maintainer=[|\"a b@c.com\"|]\n",
            options: LabelSchemaOptions.With("maintainer", "email"));

    [TestMethod]
    public void Addresses_are_fine() =>
        RuleVerifier.Verify<COPT2058LabelNotEmail>(
            "FROM alpine:3.20\nLABEL maintainer=\"abcd@google.com\"\nLABEL maintainer=first.last+tag@sub.example.org\nLABEL maintainer='\"john doe\"@example.com'\nLABEL maintainer=x@[127.0.0.1]\n",
            options: LabelSchemaOptions.With("maintainer", "email"));

    [TestMethod]
    public void Other_labels_are_not_checked() =>
        RuleVerifier.Verify<COPT2058LabelNotEmail>("FROM alpine:3.20\nLABEL other=\"doo\"\n", options: LabelSchemaOptions.With("maintainer", "email"));
}
