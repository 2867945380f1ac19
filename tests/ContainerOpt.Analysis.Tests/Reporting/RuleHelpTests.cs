using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Reporting;

/// <summary>SARIF's rule help comes from docs/rules, embedded at build: every rule has it, its links work from GitHub.</summary>
[TestClass]
public sealed class RuleHelpTests
{
    [TestMethod]
    public void Every_diagnostic_has_its_help_page_embedded_as_markdown_and_text()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            string page = File.ReadAllText(Path.Combine(RepoRoot, "docs", "rules", d.Id + ".md")).Replace("\r\n", "\n").TrimEnd('\n');
            Assert.AreEqual(page.Length, RuleHelp.Markdown(d)!.Length - AddedByAbsoluteLinks(page), d.Id);
            StringAssert.StartsWith(RuleHelp.Text(d), d.Id + " " + d.Name + "\n", d.Id);
            Assert.AreNotEqual(d.Title, RuleHelp.FullDescription(d), d.Id + " has a 'What it reports' paragraph");
        }
    }

    [TestMethod]
    public void Relative_links_point_next_to_the_page_on_GitHub()
    {
        string markdown = RuleHelp.Markdown(DiagnosticCatalog.ForCode("COPT2002")!)!;
        StringAssert.Contains(markdown, "([what the modes mean](https://github.com/containeropt/containeropt/blob/main/docs/modes.md))");
        Assert.IsFalse(markdown.Contains("](../", StringComparison.Ordinal));
        StringAssert.Contains(RuleHelp.Markdown(DiagnosticCatalog.ForCode("COPT3103")!), "](https://github.com/containeropt/containeropt/blob/main/docs/rules/COPT3102.md");
    }

    [TestMethod]
    public void Text_is_the_page_without_markdown_and_the_full_description_its_first_paragraph()
    {
        var d = DiagnosticCatalog.ForCode("COPT2002")!;
        Assert.AreEqual(
            "A stage whose last USER is root: root, 0, or a root:/0: user with any group. As in hadolint, each stage is checked on its own and reported at its last USER; a stage that never sets USER is not reported, and ONBUILD USER does not count. A USER $VAR is checked when the variable's value is known.",
            RuleHelp.FullDescription(d));
        string text = RuleHelp.Text(d)!;
        StringAssert.Contains(text, "\nWhat it reports\n");
        StringAssert.Contains(text, "\n    FROM debian:12-slim\n");
        StringAssert.Contains(text, "what the modes mean (https://github.com/containeropt/containeropt/blob/main/docs/modes.md)");
        Assert.IsFalse(text.Contains("```", StringComparison.Ordinal) || text.Contains("**", StringComparison.Ordinal) || text.Contains('`'));
    }

    private static int AddedByAbsoluteLinks(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page, @"\]\((\.\./)?[A-Za-z0-9]+\.md").Cast<System.Text.RegularExpressions.Match>()
            .Sum(m => m.Value.Contains("../", StringComparison.Ordinal)
                ? "https://github.com/containeropt/containeropt/blob/main/docs/".Length - "../".Length
                : "https://github.com/containeropt/containeropt/blob/main/docs/rules/".Length);

    private static string RepoRoot => typeof(RuleHelpTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "ContainerOptRepoRoot").Value!;
}
