using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests.Fixes;

[TestClass]
public sealed class FixerCatalogTests
{
    [TestMethod]
    public void The_catalogue_marks_fixable_exactly_the_rules_that_have_a_fixer()
    {
        var withFixer = FixerCatalog.Fixers.Select(f => f.Descriptor.Id).ToArray();
        var marked = DiagnosticCatalog.All.Where(DiagnosticCatalog.IsFixable).Select(d => d.Id).ToArray();
        CollectionAssert.AreEqual(marked, withFixer);
        Assert.AreEqual(withFixer.Length, withFixer.Distinct().Count(), "one fixer per rule");
        Assert.IsTrue(withFixer.Length >= 30, "the fixers of issue 14 are all there: " + withFixer.Length);
    }

    [TestMethod]
    public void Every_fixer_lives_beside_its_rule()
    {
        string rules = Path.Combine(Corpus.RepoRoot, "src", "ContainerOpt.Analysis", "Rules");
        foreach (var fixer in FixerCatalog.Fixers)
        {
            var rule = RuleCatalog.Rules.Single(r => r.Descriptor.Id == fixer.Descriptor.Id);
            string ruleName = rule.GetType().Name;
            Assert.AreEqual(ruleName + "Fixer", fixer.GetType().Name);
            Assert.AreEqual(rule.GetType().Namespace, fixer.GetType().Namespace);
            var ruleFile = Directory.GetFiles(rules, ruleName + ".cs", SearchOption.AllDirectories).Single();
            Assert.IsTrue(File.Exists(Path.Combine(Path.GetDirectoryName(ruleFile)!, ruleName + ".Fixer.cs")), ruleName + ".Fixer.cs beside " + ruleFile);
        }
    }

    [TestMethod]
    public void Every_help_page_of_a_fixable_rule_says_what_its_fix_does_and_no_other_page_has_a_fix_line()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            string text = File.ReadAllText(Path.Combine(Corpus.RepoRoot, "docs", "rules", d.Id + ".md"));
            if (DiagnosticCatalog.FixLine(d) is { } line)
            {
                StringAssert.Contains(text, "\n\n" + line + "\n", d.Id + ": run bash build/sync-docs.sh");
                StringAssert.StartsWith(line, "**Fix:** `containeropt fix` (and `dotnet build -t:ContainerOptFix`) ");
            }
            else
            {
                Assert.IsFalse(text.Contains("**Fix:**", StringComparison.Ordinal), d.Id + " has no fixer: run bash build/sync-docs.sh");
            }
        }
    }
}
