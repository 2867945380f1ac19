using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2053LabelNotRfc3339Tests
{
    [TestMethod]
    public void A_value_that_is_no_date_time_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2053LabelNotRfc3339>("FROM alpine:3.20\nLABEL datelabel=[|\"not-date\"|]\n", options: LabelSchemaOptions.With("datelabel", "rfc3339"));
        Assert.AreEqual("Label 'datelabel' must be an RFC 3339 date-time (e.g. 2024-05-01T12:30:00Z): 'not-date' is not.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3053" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Dates_without_time_or_zone_and_impossible_dates_are_reported() =>
        RuleVerifier.Verify<COPT2053LabelNotRfc3339>(
            "FROM alpine:3.20\nLABEL datelabel=[|2021-03-10|]\nLABEL datelabel=[|2021-03-10T10:26:33|]\nLABEL datelabel=[|2021-02-30T10:26:33Z|]\nLABEL datelabel=[|2021-03-10T24:00:00Z|]\nLABEL datelabel=[|\"2021-03-10 10:26:33Z\"|]\n",
            options: LabelSchemaOptions.With("datelabel", "rfc3339"));

    [TestMethod]
    public void Rfc3339_date_times_are_fine() =>
        RuleVerifier.Verify<COPT2053LabelNotRfc3339>(
            "FROM alpine:3.20\nLABEL datelabel=\"2021-03-10T10:26:33.564595127+01:00\"\nLABEL datelabel=2024-02-29T00:00:00Z\nLABEL datelabel=1990-12-31t23:59:60z\nONBUILD LABEL datelabel=2021-03-10T10:26:33-05:30\n",
            options: LabelSchemaOptions.With("datelabel", "rfc3339"));

    [TestMethod]
    public void Other_labels_are_not_checked() =>
        RuleVerifier.Verify<COPT2053LabelNotRfc3339>("FROM alpine:3.20\nLABEL other=\"doo\"\n", options: LabelSchemaOptions.With("datelabel", "rfc3339"));
}
