using System.Globalization;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Reporting;

[TestClass]
public sealed class SecurityRulesTests
{
    [TestMethod]
    public void Every_security_rule_exists_and_has_a_score_GitHub_reads()
    {
        CollectionAssert.AreEqual(
            new[] { "COPT1114", "COPT2002", "COPT2004", "COPT2026", "COPT2063", "COPT2064", "COPT2107", "COPT3010", "COPT3011", "COPT3110", "COPT3111", "COPT3112", "COPT3113", "COPT4004", "COPT4013" },
            DiagnosticCatalog.SecurityRuleCodes.ToArray());
        foreach (var code in DiagnosticCatalog.SecurityRuleCodes)
        {
            var d = DiagnosticCatalog.ForCode(code);
            Assert.IsNotNull(d, code);
            string score = DiagnosticCatalog.SecuritySeverityOf(d)!;
            // GitHub: a decimal from 0.1 to 10.0 (below 4 low, below 7 medium, below 9 high, else critical).
            double value = double.Parse(score, CultureInfo.InvariantCulture);
            Assert.IsTrue(value is >= 0.1 and <= 10.0, code);
            Assert.AreEqual(value.ToString("0.0", CultureInfo.InvariantCulture), score);
        }
        Assert.IsNull(DiagnosticCatalog.SecuritySeverityOf(DiagnosticCatalog.ForCode("COPT1100")!));
    }
}
