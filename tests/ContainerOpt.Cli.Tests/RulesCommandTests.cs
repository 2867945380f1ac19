using ContainerOpt.Core.Diagnostics;
using System.Text.Json;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Cli.Tests;

[TestClass]
public sealed class RulesCommandTests
{
    [TestMethod]
    public void Json_lists_every_rule_with_its_descriptor()
    {
        var (code, stdout, _) = CliRunner.Run("rules", "--format", "json");
        Assert.AreEqual(0, code);
        var rules = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToArray();
        var apt = rules.Single(r => r.GetProperty("code").GetString() == "COPT2008");
        Assert.AreEqual("apt-get-pin-versions", apt.GetProperty("name").GetString());
        Assert.AreEqual("warning", apt.GetProperty("defaultSeverity").GetString());
        Assert.AreEqual("Practice", apt.GetProperty("category").GetString());
        Assert.AreEqual("DL3008", apt.GetProperty("equivalents")[0].GetString());
        Assert.IsTrue(apt.GetProperty("enabledByDefault").GetBoolean());
        Assert.IsFalse(apt.GetProperty("fixable").GetBoolean());
        Assert.IsTrue(rules.Single(r => r.GetProperty("code").GetString() == "COPT1106").GetProperty("fixable").GetBoolean());
        Assert.AreEqual(DiagnosticCatalog.All.Count(DiagnosticCatalog.IsFixable), rules.Count(r => r.GetProperty("fixable").GetBoolean()));
        StringAssert.EndsWith(apt.GetProperty("helpUri").GetString(), "docs/rules/COPT2008.md");
        var codes = rules.Select(r => r.GetProperty("code").GetString()).ToArray();
        CollectionAssert.AreEqual(codes.OrderBy(c => c, StringComparer.Ordinal).ToArray(), codes, "sorted by code");
    }

    [TestMethod]
    public void Text_marks_the_rules_containeropt_fix_fixes()
    {
        var (code, stdout, _) = CliRunner.Run("rules");
        Assert.AreEqual(0, code);
        var lines = stdout.Split('\n');
        StringAssert.EndsWith(lines.Single(l => l.StartsWith("COPT1106 ", StringComparison.Ordinal)).TrimEnd('\r'), "[JSONArgsRecommended] (fixable)");
        Assert.IsFalse(lines.Single(l => l.StartsWith("COPT2008 ", StringComparison.Ordinal)).Contains("(fixable)", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Every_rule_has_a_help_page_in_the_repository()
    {
        var root = Corpus.RepoRoot;
        var missing = ContainerOpt.Core.Diagnostics.DiagnosticCatalog.All
            .Where(d => !File.Exists(Path.Combine(root, "docs", "rules", d.Id + ".md")))
            .Select(d => d.Id).ToArray();
        Assert.AreEqual(0, missing.Length, "missing help pages: " + string.Join(", ", missing));
    }
}
