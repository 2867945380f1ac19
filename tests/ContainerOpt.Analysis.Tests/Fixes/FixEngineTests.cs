using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Analysis.Tests.Rules.DotNet;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Fixes;

/// <summary>Reports every RUN keyword (the engine tests' own rule; its fixers misbehave on purpose).</summary>
internal sealed class EveryRunRule : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT9911", "test-every-run", "Test rule", "RUN seen.", DiagnosticSeverity.Warning, DiagnosticCategories.Practice);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions.Where(i => i.Kind == InstructionKind.Run))
        {
            context.Report(instruction.Syntax.Keyword.Span);
        }
    }
}

/// <summary>A fixer of <see cref="EveryRunRule"/> that does what it is told.</summary>
internal sealed class ScriptedFixer : DockerfileFixer
{
    private readonly Func<FixContext, CodeFix?> _fix;

    public ScriptedFixer(Func<FixContext, CodeFix?> fix) => _fix = fix;

    public override DiagnosticDescriptor Descriptor => EveryRunRule.Rule;

    public override CodeFix? Fix(FixContext context) => _fix(context);
}

[TestClass]
public sealed class FixEngineTests
{
    private static DockerfileFixEngine Engine(params DockerfileRule[] rules) =>
        new(new DockerfileAnalyzer(rules), rules.Select(r => FixerCatalog.For(r.Descriptor.Id)).Where(f => f is not null).Select(f => f!).ToArray());

    private static AnalysisInput Input(string text, Core.Projects.ProjectModel? project = null) =>
        FixVerifier.Input(text, project, new AnalysisOptions { Mode = AnalysisMode.All });

    [TestMethod]
    public void Overlapping_fixes_are_made_one_pass_after_the_other_in_the_order_of_their_position()
    {
        // JSONArgsRecommended rewrites every word of the ENTRYPOINT, the assembly fix one of them: the earlier edit wins the
        // first pass, the other waits and is made on the exec form in the second.
        var result = Engine(new COPT1106JsonArgsRecommended(), new COPT4011EntrypointWrongAssembly()).Fix(
            Input("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT dotnet Wrong.dll\n", ProjectModels.Web()));
        Assert.AreEqual("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n", result.FixedText);
        CollectionAssert.AreEqual(new[] { "COPT1106 line 2 pass 1", "COPT4011 line 2 pass 2" },
            result.Fixed.Select(f => $"{f.Code} line {f.Line} pass {f.Pass}").ToArray());
        Assert.AreEqual(0, result.Left.Count);
        Assert.AreEqual(3, result.Passes, "two that fix, one that finds nothing left");
    }

    [TestMethod]
    public void Fixes_that_start_at_the_same_place_go_by_rule_code()
    {
        // The casing fix (COPT1103) and the MAINTAINER fix (COPT1107) both start at the keyword: COPT1103 first.
        var result = Engine(new COPT1103ConsistentInstructionCasing(), new COPT1107MaintainerDeprecated()).Fix(
            Input("FROM scratch\nmaintainer Jane <jane@example.com>\nCOPY a /a\n"));
        Assert.AreEqual("FROM scratch\nLABEL org.opencontainers.image.authors=\"Jane <jane@example.com>\"\nCOPY a /a\n", result.FixedText);
        CollectionAssert.AreEqual(new[] { "COPT1103 line 2 pass 1", "COPT1107 line 2 pass 2" },
            result.Fixed.Select(f => $"{f.Code} line {f.Line} pass {f.Pass}").ToArray());
    }

    [TestMethod]
    public void A_file_that_does_not_parse_is_not_touched()
    {
        const string text = "FROM scratch\nRUN <<EOF\necho hi\nMAINTAINER me\n";
        var result = Engine(new COPT1107MaintainerDeprecated()).Fix(Input(text));
        Assert.AreEqual(text, result.FixedText);
        Assert.IsFalse(result.Changed);
        Assert.AreEqual(0, result.Fixed.Count);
        Assert.IsNotNull(result.NotFixed);
        Assert.AreEqual("COPT0030", result.NotFixed!.Code);
        Assert.AreEqual(DiagnosticSeverity.Error, result.NotFixed.Severity);
        StringAssert.StartsWith(result.NotFixed.Message, "'Dockerfile' was not fixed: it does not parse (COPT");
        StringAssert.Contains(result.NotFixed.Message, ", line 2). Correct that first");
    }

    [TestMethod]
    public void An_unknown_instruction_is_a_parse_error_too()
    {
        var result = Engine(new COPT1107MaintainerDeprecated()).Fix(Input("FROM scratch\nMAINTAINER me\nFROBNICATE x\n"));
        Assert.IsFalse(result.Changed);
        Assert.AreEqual("COPT0030", result.NotFixed?.Code);
        StringAssert.Contains(result.NotFixed!.Message, "line 3");
    }

    [TestMethod]
    public void A_fix_that_would_break_the_file_is_left_out_and_the_others_are_made()
    {
        // The fixer deletes the RUN keyword of the heredoc RUN (the body would become instructions), and upper-cases the other.
        var breaker = new ScriptedFixer(context =>
        {
            var run = context.InstructionAt(context.Finding.Span.Start)!.Syntax;
            return run.Heredocs.Count > 0
                ? context.Offer("break", context.Replace(run.Keyword.Span, "FROBNICATE"))
                : context.Offer("fine", context.Replace(run.ArgumentText.Span, run.ArgumentText.Value.ToUpperInvariant()));
        });
        var engine = new DockerfileFixEngine(new DockerfileAnalyzer(new DockerfileRule[] { new EveryRunRule() }), new[] { breaker });
        var result = engine.Fix(Input("FROM scratch\nRUN <<EOF\necho hi\nEOF\nRUN echo b\n"), new FixSelection(new[] { "COPT9911" }));
        Assert.AreEqual("FROM scratch\nRUN <<EOF\necho hi\nEOF\nRUN ECHO B\n", result.FixedText);
        Assert.AreEqual("COPT9911 line 2: the fix would break the file", result.Left.Single(l => l.Line == 2).ToString());
        CollectionAssert.AreEqual(new[] { "COPT9911@5" }, result.Fixed.Select(f => $"{f.Code}@{f.Line}").ToArray());
    }

    [TestMethod]
    public void A_fixer_that_throws_leaves_its_finding_and_no_other()
    {
        var thrower = new ScriptedFixer(context => context.Finding.Location.Start.Line == 2
            ? throw new InvalidOperationException("bug")
            : context.Offer("lower", context.Replace(context.Finding.Span, "run")));
        var engine = new DockerfileFixEngine(new DockerfileAnalyzer(new DockerfileRule[] { new EveryRunRule() }), new[] { thrower });
        var result = engine.Fix(Input("FROM scratch\nRUN a\nRUN b\n"), new FixSelection(new[] { "COPT9911" }));
        Assert.AreEqual("FROM scratch\nRUN a\nrun b\n", result.FixedText, "the second pass finds 'run b' again and lower-cases it again: no change, so it stops");
        Assert.AreEqual(LeftReason.NoSafeFix, result.Left.Single(l => l.Line == 2).Reason);
    }

    [TestMethod]
    public void A_fix_that_never_settles_stops_after_the_last_pass()
    {
        var grower = new ScriptedFixer(context => context.Offer("grow", context.Insert(context.Finding.Span.End, " ")));
        var engine = new DockerfileFixEngine(new DockerfileAnalyzer(new DockerfileRule[] { new EveryRunRule() }), new[] { grower });
        var result = engine.Fix(Input("FROM scratch\nRUN a\n"), new FixSelection(new[] { "COPT9911" }));
        Assert.AreEqual(DockerfileFixEngine.MaxPasses, result.Passes);
        Assert.AreEqual("FROM scratch\nRUN" + new string(' ', DockerfileFixEngine.MaxPasses + 1) + "a\n", result.FixedText);
        Assert.AreEqual(LeftReason.PassesExhausted, result.Left.Single().Reason);
    }

    [TestMethod]
    public void A_fix_that_comes_back_to_an_earlier_text_stops_there()
    {
        var toggler = new ScriptedFixer(context =>
            context.Offer("toggle", context.Replace(context.Finding.Span, context.Source.GetText(context.Finding.Span) == "RUN" ? "run" : "RUN")));
        var engine = new DockerfileFixEngine(new DockerfileAnalyzer(new DockerfileRule[] { new EveryRunRule() }), new[] { toggler });
        var result = engine.Fix(Input("FROM scratch\nRUN a\n"), new FixSelection(new[] { "COPT9911" }));
        Assert.AreEqual("FROM scratch\nrun a\n", result.FixedText);
        Assert.AreEqual(2, result.Passes);
    }

    [TestMethod]
    public void Fixed_lines_are_lines_of_the_original_file()
    {
        // Pass 1 deletes the lone update's line (COPT3005) and writes the ENTRYPOINT in exec form; the assembly fix waits for
        // pass 2, where the ENTRYPOINT is on line 5: it is reported at line 6, where the user finds it in the file they ran it on.
        var result = Engine(new ContainerOpt.Analysis.Rules.SizeAndCache.COPT3005AptUpdateAlone(), new COPT1106JsonArgsRecommended(), new COPT4011EntrypointWrongAssembly()).Fix(
            Input("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n\n\nENTRYPOINT dotnet Wrong.dll\n", ProjectModels.Web()));
        Assert.AreEqual("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n\n\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n", result.FixedText);
        CollectionAssert.AreEqual(new[] { "COPT3005@2 pass 1", "COPT1106@6 pass 1", "COPT4011@6 pass 2" },
            result.Fixed.Select(f => $"{f.Code}@{f.Line} pass {f.Pass}").ToArray());
    }

    [TestMethod]
    public void Selection_by_name_or_equivalent_takes_suggestions_too_and_nothing_else()
    {
        const string text = "FROM scratch AS Build\nmaintainer me\nCOPY a /a\n";
        var engine = Engine(new COPT1100StageNameCasing(), new COPT1107MaintainerDeprecated(), new COPT1103ConsistentInstructionCasing());
        var options = new AnalysisOptions { Mode = AnalysisMode.Minimum }; // every one of them is a suggestion in minimum mode
        var input = FixVerifier.Input(text, options: options);
        Assert.IsFalse(engine.Fix(input).Changed, "without --rule, suggestions are not fixed");
        var byName = engine.Fix(input, new FixSelection(new[] { "DL4000" }));
        Assert.AreEqual("FROM scratch AS Build\nlabel org.opencontainers.image.authors=\"me\"\nCOPY a /a\n", byName.FixedText,
            "DL4000 names COPT1107 (the new keyword keeps the old one's case; the casing rule is not selected)");
        Assert.AreEqual(0, byName.Left.Count, "only the selected rule's findings are reported as left");
    }

    [TestMethod]
    public void Analyze_with_fixes_gives_each_finding_its_own_fix_on_the_analysed_text()
    {
        var analyzer = new DockerfileAnalyzer(new DockerfileRule[] { new COPT1106JsonArgsRecommended(), new COPT1101FromAsCasing() });
        var findings = analyzer.AnalyzeWithFixes(Input("FROM scratch as build\nCMD run --fast\n")).Findings;
        Assert.AreEqual(2, findings.Count);
        var asFix = findings.Single(f => f.Code == "COPT1101").Fix!;
        Assert.AreEqual("Write 'AS'", asFix.Title);
        Assert.AreEqual("(1,14,1,16) -> AS", string.Join(" ", asFix.Edits.Select(e => $"{e.Location} -> {e.NewText}")));
        var cmdFix = findings.Single(f => f.Code == "COPT1106").Fix!;
        Assert.AreEqual("Write CMD in exec form", cmdFix.Title);
        Assert.AreEqual("(2,5,2,8) -> [\"run\", | (2,9,2,15) -> \"--fast\"]",
            string.Join(" | ", cmdFix.Edits.Select(e => $"{e.Location} -> {e.NewText}")));
        Assert.IsTrue(analyzer.Analyze(Input("FROM scratch as build\nCMD run --fast\n")).Findings.All(f => f.Fix is null), "a plain analysis attaches none");
    }
}
