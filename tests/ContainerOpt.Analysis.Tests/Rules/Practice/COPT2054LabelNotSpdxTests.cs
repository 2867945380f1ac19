using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2054LabelNotSpdxTests
{
    [TestMethod]
    public void A_value_that_is_no_license_id_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2054LabelNotSpdx>("FROM alpine:3.20\nLABEL spdxlabel=[|\"not-spdx\"|]\n", options: LabelSchemaOptions.With("spdxlabel", "spdx"));
        Assert.AreEqual("Label 'spdxlabel' must be an SPDX license identifier or expression (e.g. MIT, Apache-2.0 OR MIT): 'not-spdx' is not.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3054" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void A_near_miss_suggests_the_license_id()
    {
        var findings = RuleVerifier.Verify<COPT2054LabelNotSpdx>("FROM alpine:3.20\nLABEL spdxlabel=[|\"Apache 2.0\"|]\n", options: LabelSchemaOptions.With("spdxlabel", "spdx"));
        StringAssert.EndsWith(findings[0].Message, "'Apache 2.0' is not. Did you mean 'Apache-2.0'?");
    }

    [TestMethod]
    public void License_ids_and_expressions_are_fine() =>
        RuleVerifier.Verify<COPT2054LabelNotSpdx>(
            "FROM alpine:3.20\nLABEL spdxlabel=\"BSD-3-Clause\"\nLABEL spdxlabel=MIT\nLABEL spdxlabel=\"MIT OR Apache-2.0\"\n"
            + "LABEL spdxlabel=\"(MIT AND BSD-2-Clause) OR GPL-2.0-or-later\"\nLABEL spdxlabel=\"GPL-2.0-only WITH Classpath-exception-2.0\"\n"
            + "LABEL spdxlabel=GPL-2.0+\nLABEL spdxlabel=LicenseRef-acme-eula\nLABEL spdxlabel=mit\nLABEL spdxlabel=GPL-2.0\nONBUILD LABEL spdxlabel=MIT\n",
            options: LabelSchemaOptions.With("spdxlabel", "spdx"));

    [TestMethod]
    public void Malformed_expressions_are_reported() =>
        RuleVerifier.Verify<COPT2054LabelNotSpdx>(
            "FROM alpine:3.20\nLABEL spdxlabel=[|\"MIT OR\"|]\nLABEL spdxlabel=[|\"(MIT\"|]\nLABEL spdxlabel=[|\"MIT Apache-2.0\"|]\nLABEL spdxlabel=[|\"MIT WITH Apache-2.0\"|]\nLABEL spdxlabel=[|\"MIT/Apache-2.0\"|]\nLABEL spdxlabel=[|\"\"|]\n",
            options: LabelSchemaOptions.With("spdxlabel", "spdx"));

    [TestMethod]
    public void Other_labels_are_not_checked() =>
        RuleVerifier.Verify<COPT2054LabelNotSpdx>("FROM alpine:3.20\nLABEL other=\"fooo\"\n", options: LabelSchemaOptions.With("spdxlabel", "spdx"));
}
