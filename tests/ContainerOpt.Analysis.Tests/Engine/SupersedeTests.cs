using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>
/// A rule that supersedes another (a BuildKit check standing in for the hadolint rule of the same
/// mistake) takes over that rule's findings on the same line: one finding, both names.
/// </summary>
[TestClass]
public sealed class SupersedeTests
{
    /// <summary>Stands in for a BuildKit check: reports every CMD at its keyword.</summary>
    private sealed class WinnerRule : DockerfileRule
    {
        public static readonly DiagnosticDescriptor Rule = new(
            "TEST9001", "test-winner", "Winner", "Winner on line {0}.", DiagnosticSeverity.Warning, "Test", new[] { "WinnerCheck" });

        public override DiagnosticDescriptor Descriptor => Rule;

        public override IReadOnlyList<string> Supersedes => new[] { "TEST9002" };

        public override void Analyze(RuleContext context)
        {
            foreach (var i in context.Instructions.Where(i => i.Kind == InstructionKind.Cmd))
            {
                context.Report(i.Syntax.Keyword.Span, i.Syntax.StartLine);
            }
        }
    }

    /// <summary>Stands in for a hadolint rule: reports every CMD and ENTRYPOINT at its arguments.</summary>
    private sealed class LoserRule : DockerfileRule
    {
        public static readonly DiagnosticDescriptor Rule = new(
            "TEST9002", "test-loser", "Loser", "Loser on line {0}.", DiagnosticSeverity.Warning, "Test", new[] { "DL9999" });

        public override DiagnosticDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            foreach (var i in context.Instructions.Where(i => i.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint))
            {
                context.Report(i.Syntax.ArgumentText.Span, i.Syntax.StartLine);
            }
        }
    }

    private const string Dockerfile = "FROM scratch\nENTRYPOINT run\nCMD go\n";

    private static IReadOnlyList<Finding> Analyze(string text, AnalysisOptions? options = null, params DockerfileRule[] rules) =>
        new DockerfileAnalyzer(rules).Analyze(new AnalysisInput(SourceText.From(text, "Dockerfile")) { Options = options ?? new AnalysisOptions() }).Findings;

    private static string Describe(Finding f) => $"{f.Code}@{f.Location.Start.Line}:{f.Location.Start.Column} [{string.Join(",", f.Equivalents)}]";

    [TestMethod]
    public void Winner_takes_the_losers_finding_on_the_same_line_and_merges_its_equivalents()
    {
        var findings = Analyze(Dockerfile, null, new WinnerRule(), new LoserRule());
        CollectionAssert.AreEqual(
            new[] { "TEST9002@2:12 [DL9999]", "TEST9001@3:1 [WinnerCheck,DL9999]" },
            findings.Select(Describe).ToArray());
        Assert.AreEqual("Winner on line 3.", findings[1].Message);
    }

    [TestMethod]
    public void Rule_order_does_not_matter()
    {
        var findings = Analyze(Dockerfile, null, new LoserRule(), new WinnerRule());
        CollectionAssert.AreEqual(
            new[] { "TEST9002@2:12 [DL9999]", "TEST9001@3:1 [WinnerCheck,DL9999]" },
            findings.Select(Describe).ToArray());
    }

    [TestMethod]
    public void Either_name_suppresses_the_merged_finding()
    {
        var byLoser = Analyze("FROM scratch\n# hadolint ignore=DL9999\nCMD go\n", null, new WinnerRule(), new LoserRule());
        Assert.AreEqual(0, byLoser.Count, string.Join("; ", byLoser.Select(Describe)));
        var byWinner = Analyze("# check=skip=WinnerCheck\nFROM scratch\nCMD go\n", null, new WinnerRule(), new LoserRule());
        Assert.AreEqual(0, byWinner.Count, string.Join("; ", byWinner.Select(Describe)));
    }

    [TestMethod]
    public void Findings_on_other_lines_are_not_taken()
    {
        var findings = Analyze("FROM scratch\nCMD go\nENTRYPOINT run\nENTRYPOINT again\n", null, new WinnerRule(), new LoserRule());
        CollectionAssert.AreEqual(
            new[] { "TEST9001@2:1 [WinnerCheck,DL9999]", "TEST9002@3:12 [DL9999]", "TEST9002@4:12 [DL9999]" },
            findings.Select(Describe).ToArray());
    }

    [TestMethod]
    public void Winner_alone_keeps_its_own_equivalents()
    {
        var findings = Analyze(Dockerfile, null, new WinnerRule());
        CollectionAssert.AreEqual(new[] { "TEST9001@3:1 [WinnerCheck]" }, findings.Select(Describe).ToArray());
    }

    /// <summary>Reports every CMD of the file as one finding at the first, the others as additional locations.</summary>
    private sealed class GroupingWinnerRule : DockerfileRule
    {
        public override DiagnosticDescriptor Descriptor => WinnerRule.Rule;

        public override IReadOnlyList<string> Supersedes => new[] { "TEST9002" };

        public override void Analyze(RuleContext context)
        {
            var cmds = context.Instructions.Where(i => i.Kind == InstructionKind.Cmd).ToList();
            context.ReportAlsoAt(cmds[0].Syntax.Keyword.Span, cmds.Skip(1).Select(c => c.Syntax.Keyword.Span).ToList(), cmds[0].Syntax.StartLine);
        }
    }

    [TestMethod]
    public void A_finding_for_several_places_takes_the_losers_findings_on_every_one_of_them()
    {
        var findings = Analyze("FROM scratch\nCMD a\nENTRYPOINT run\nCMD b\n", null, new GroupingWinnerRule(), new LoserRule());
        CollectionAssert.AreEqual(
            new[] { "TEST9001@2:1 [WinnerCheck,DL9999]", "TEST9002@3:12 [DL9999]" },
            findings.Select(Describe).ToArray());
        Assert.AreEqual("(4,1,4,4)", findings[0].AdditionalLocations.Single().ToString());
    }

    [TestMethod]
    public void An_undeclared_arg_in_from_is_one_finding_with_both_buildkit_names()
    {
        var findings = new DockerfileAnalyzer().Analyze(new AnalysisInput(SourceText.From("FROM ${DOTNET_VERSION}\nRUN echo\n", "Dockerfile"))).Findings;
        CollectionAssert.AreEqual(new[] { "COPT1108@1:6 [UndefinedArgInFrom,InvalidDefaultArgInFrom]" }, findings.Select(Describe).ToArray());
    }
}
