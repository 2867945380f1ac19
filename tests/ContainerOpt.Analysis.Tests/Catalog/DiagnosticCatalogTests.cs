using System.Text.RegularExpressions;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.TestSupport;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Tests.Catalog;

/// <summary>The catalogue is the one list of every diagnostic: the rules, the parser, the help pages and the README agree with it.</summary>
[TestClass]
public sealed class DiagnosticCatalogTests
{
    private static readonly string Docs = Path.Combine(Corpus.RepoRoot, "docs", "rules");

    [TestMethod]
    public void Codes_and_names_are_unique_and_well_formed()
    {
        var all = DiagnosticCatalog.All;
        Assert.AreEqual(all.Count, all.Select(d => d.Id).Distinct().Count(), "duplicate code");
        Assert.AreEqual(all.Count, all.Select(d => d.Name).Distinct().Count(), "duplicate name");
        foreach (var d in all)
        {
            StringAssert.Matches(d.Id, new Regex("^COPT[0-9]{4}$"));
            StringAssert.Matches(d.Name, new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"));
            Assert.IsTrue(d.Title.Length > 0 && d.MessageFormat.Length > 0, d.Id);
            StringAssert.EndsWith(d.HelpUri, "docs/rules/" + d.Id + ".md");
            CollectionAssert.Contains(new[]
            {
                DiagnosticCategories.Tool, DiagnosticCategories.Syntax, DiagnosticCategories.Correctness, DiagnosticCategories.Practice,
                DiagnosticCategories.SizeAndCache, DiagnosticCategories.DotNet,
            }, d.Category, d.Id);
        }
    }

    /// <summary>The catalogue lists its descriptors by name (no reflection at run time): every public descriptor field, once.</summary>
    [TestMethod]
    public void All_lists_every_descriptor_field()
    {
        var fields = typeof(DiagnosticCatalog).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        CollectionAssert.AreEqual(fields, DiagnosticCatalog.All.ToList());
    }

    /// <summary>A message is what string.Format writes with the invariant culture, though the descriptor cuts its format once.</summary>
    [TestMethod]
    public void Messages_are_what_string_Format_writes()
    {
        object?[] args = { "a {b}", 1234567, null, DiagnosticSeverity.Warning, 0.125, -3, 'c', 42L, "", 1.5e10, "z" };
        foreach (var d in DiagnosticCatalog.All)
        {
            string expected = Formatted(() => string.Format(System.Globalization.CultureInfo.InvariantCulture, d.MessageFormat, args));
            Assert.AreEqual(expected, Formatted(() => d.FormatMessage(args)), d.Id);
            Assert.AreEqual(expected, Formatted(() => d.FormatMessage(args)), d.Id + " again");
        }
        foreach (var format in new[] { "{0}", "x{{{0}}}y", "{1}{0}{1}", "{{}}", "{0,5}|{1:N0}", "{ 0}", "{0 }", "end {2}" })
        {
            var d = new DiagnosticDescriptor("COPT9999", "x", "x", format, DiagnosticSeverity.Warning, DiagnosticCategories.Tool);
            Assert.AreEqual(Formatted(() => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, "p", 1234)),
                Formatted(() => d.FormatMessage("p", 1234)), format);
        }

        static string Formatted(Func<string> format)
        {
            try
            {
                return format();
            }
            catch (FormatException)
            {
                return "FormatException";
            }
        }
    }

    /// <summary>A descriptor keeps its tier once looked up: asked again, and asked of a fresh descriptor with the same code, it says the same.</summary>
    [TestMethod]
    [DataRow("COPT1204", RuleTier.Minimum)]
    [DataRow("COPT1110", RuleTier.Recommended)]
    [DataRow("COPT1101", RuleTier.All)]
    [DataRow("COPT2059", RuleTier.HadolintOnly)]
    [DataRow("COPT0009", RuleTier.Minimum)] // a tool diagnostic: always reported
    public void A_tier_asked_twice_is_the_catalogue_s(string code, RuleTier expected)
    {
        var descriptor = DiagnosticCatalog.ForCode(code)!;
        Assert.AreEqual(expected, DiagnosticCatalog.TierOf(descriptor));
        Assert.AreEqual(expected, DiagnosticCatalog.TierOf(descriptor), "asked again");
        var copy = new DiagnosticDescriptor(descriptor.Id, descriptor.Name, descriptor.Title, descriptor.MessageFormat,
            descriptor.DefaultSeverity, descriptor.Category, descriptor.Equivalents, descriptor.EnabledByDefault);
        Assert.AreEqual(expected, DiagnosticCatalog.TierOf(copy), "a fresh descriptor");
    }

    /// <summary>
    /// The rules that also check the .NET SDK's container properties: each has its catalogue wording for that (same code),
    /// and its help page says how it checks the SDK's container build.
    /// </summary>
    [TestMethod]
    public void Every_SDK_container_check_has_its_wording_in_the_catalogue_and_a_section_on_its_help_page()
    {
        var checks = RuleCatalog.Rules.Where(r => r is ContainerOpt.Analysis.Rules.IContainerPropertiesRule).Select(r => r.Descriptor.Id).ToList();
        CollectionAssert.AreEquivalent(new[] { "COPT2002", "COPT3009", "COPT4001", "COPT4002", "COPT4003", "COPT4012" }, checks);
        CollectionAssert.AreEquivalent(checks, DiagnosticCatalog.SdkContainer.All.Select(m => m.Descriptor.Id).ToList());
        foreach (var message in DiagnosticCatalog.SdkContainer.All)
        {
            Assert.AreSame(DiagnosticCatalog.ForCode(message.Descriptor.Id), message.Descriptor, message.Descriptor.Id);
            string page = File.ReadAllText(Path.Combine(Docs, message.Descriptor.Id + ".md"));
            StringAssert.Contains(page, "\n## With the .NET SDK's container build\n", message.Descriptor.Id);
        }
    }

    [TestMethod]
    public void Every_rule_names_its_descriptor_from_the_catalogue_and_every_rule_descriptor_has_a_rule()
    {
        var ruleDescriptors = RuleCatalog.Rules.Select(r => r.Descriptor).ToList();
        foreach (var d in ruleDescriptors)
        {
            Assert.AreSame(DiagnosticCatalog.ForCode(d.Id), d, d.Id);
        }
        var checkedElsewhere = new[] { DiagnosticCategories.Tool, DiagnosticCategories.Syntax };
        var withoutRule = DiagnosticCatalog.All
            .Where(d => !checkedElsewhere.Contains(d.Category) && !ruleDescriptors.Contains(d))
            .Select(d => d.Id).ToArray();
        // The image checks (platform, size gates, credential files in layers) run after an image build, in ContainerOpt.Images; ShellCheck's
        // findings come from the external checker the engine runs after the rules (ContainerOpt.Analysis/ShellCheck).
        CollectionAssert.AreEquivalent(new[] { "COPT1121", "COPT2200", "COPT3101", "COPT3102", "COPT3103", "COPT3104", "COPT3110", "COPT3111", "COPT3112", "COPT3113" }, withoutRule);
    }

    [TestMethod]
    public void Every_parser_code_is_in_the_catalogue()
    {
        var codes = typeof(ParseDiagnosticCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        Assert.IsTrue(codes.Length >= 10);
        foreach (var code in codes)
        {
            var d = DiagnosticCatalog.ForCode(code);
            Assert.IsNotNull(d, code);
            Assert.AreEqual(DiagnosticCategories.Syntax, d.Category, code);
            Assert.AreSame(d, DiagnosticCatalog.ForParserCode(code));
        }
    }

    [TestMethod]
    public void Every_diagnostic_has_a_help_page_with_its_title_and_no_page_is_orphaned()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            string page = Path.Combine(Docs, d.Id + ".md");
            Assert.IsTrue(File.Exists(page), "missing help page " + page);
            string first = File.ReadLines(page).First();
            Assert.AreEqual($"# {d.Id} {d.Name}", first, page);
            StringAssert.Contains(File.ReadAllText(page), d.Title, page);
        }
        var pages = Directory.GetFiles(Docs, "COPT*.md").Select(Path.GetFileNameWithoutExtension).ToArray();
        CollectionAssert.AreEquivalent(DiagnosticCatalog.All.Select(d => d.Id).ToArray(), pages);
    }

    [TestMethod]
    public void The_readme_counts_the_catalogue()
    {
        string readme = File.ReadAllText(Path.Combine(Corpus.RepoRoot, "README.md"));
        var match = Regex.Match(readme, @"^(\d+) diagnostics \(`containeropt rules`\)", RegexOptions.Multiline);
        Assert.IsTrue(match.Success, "README's Rules section must start with the count");
        Assert.AreEqual(DiagnosticCatalog.All.Count, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public void Every_help_page_has_the_modes_line_of_the_catalogue()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            string text = File.ReadAllText(Path.Combine(Docs, d.Id + ".md"));
            StringAssert.Contains(text, "**Modes:** " + DiagnosticCatalog.ModesLine(d) + " ([what the modes mean](../modes.md))", d.Id + ": run bash build/sync-docs.sh");
        }
        Assert.AreEqual("minimum: error · recommended: error · all: error · hadolint: off", DiagnosticCatalog.ModesLine(DiagnosticCatalog.ExecFormNotJson));
        Assert.AreEqual("minimum: suggestion · recommended: suggestion · all: warning · hadolint: warning", DiagnosticCatalog.ModesLine(DiagnosticCatalog.AptGetPinVersions));
        Assert.AreEqual("minimum: off · recommended: off · all: off · hadolint: info", DiagnosticCatalog.ModesLine(DiagnosticCatalog.ForCode("COPT2059")!));
    }

    [TestMethod]
    public void The_readme_mode_table_counts_the_rules_that_warn_in_each_mode()
    {
        string readme = File.ReadAllText(Path.Combine(Corpus.RepoRoot, "README.md"));
        int rules = DiagnosticCatalog.All.Count(d => d.Category is not (DiagnosticCategories.Tool or DiagnosticCategories.Syntax));
        StringAssert.Contains(readme, $"| mode | what warns or errors | rules that warn or error (of {rules}) |");
        foreach (var (mode, text) in new[] { (AnalysisMode.Minimum, "`minimum`"), (AnalysisMode.Recommended, "`recommended` (default)"), (AnalysisMode.All, "`all`"), (AnalysisMode.Hadolint, "`hadolint`") })
        {
            var row = Regex.Match(readme, "^\\| " + Regex.Escape(text) + " \\|[^\\n]*\\| (\\d+) \\|$", RegexOptions.Multiline);
            Assert.IsTrue(row.Success, "README's mode table lacks " + text);
            Assert.AreEqual(DiagnosticCatalog.WarningRulesIn(mode), int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), text + ": run bash build/sync-docs.sh");
        }
    }
}
