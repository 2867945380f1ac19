using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Analysis.Tests.Rules.DotNet;

namespace ContainerOpt.Analysis.Tests.Infrastructure;

/// <summary>
/// Runs a rule's fixer through the engine on a Dockerfile and checks the text it writes exactly. The rule runs alone (in
/// 'all' mode, so its findings have their own severity), with its fixer; every verification also checks that a second run
/// changes nothing and that the fixed text has none of the rule's findings (unless some are expected to be left).
/// </summary>
internal static class FixVerifier
{
    public static FixResult Fix<TRule>(string text, ProjectModel? project = null, AnalysisOptions? options = null, string? dockerIgnore = null,
        IContextFiles? contextFiles = null)
        where TRule : DockerfileRule, new()
    {
        var rule = new TRule();
        options ??= new AnalysisOptions();
        options.Mode ??= DiagnosticCatalog.TierOf(rule.Descriptor) == RuleTier.HadolintOnly ? AnalysisMode.Hadolint : AnalysisMode.All;
        if (!rule.Descriptor.EnabledByDefault)
        {
            options.EnableAllRules = true;
        }
        var fixer = FixerCatalog.For(rule.Descriptor.Id);
        Assert.IsNotNull(fixer, $"{rule.Descriptor.Id} has no fixer");
        var engine = new DockerfileFixEngine(new DockerfileAnalyzer(new DockerfileRule[] { rule }), new[] { fixer! });
        return engine.Fix(Input(text, project, options, dockerIgnore, contextFiles), new FixSelection(new[] { rule.Descriptor.Id }));
    }

    public static AnalysisInput Input(string text, ProjectModel? project = null, AnalysisOptions? options = null, string? dockerIgnore = null,
        IContextFiles? contextFiles = null) => new(SourceText.From(text, "Dockerfile"))
    {
        ContextDirectory = ProjectModels.Context,
        DockerIgnoreText = dockerIgnore,
        ContextFiles = contextFiles,
        Project = project,
        Options = options ?? new AnalysisOptions(),
    };

    /// <summary>
    /// The rule's fixer turns <paramref name="before"/> into exactly <paramref name="after"/>; fixing that again changes
    /// nothing; <paramref name="left"/> of the rule's findings are still there (by default none).
    /// </summary>
    public static FixResult Verify<TRule>(string before, string after, ProjectModel? project = null, AnalysisOptions? options = null,
        string? dockerIgnore = null, int left = 0, IContextFiles? contextFiles = null)
        where TRule : DockerfileRule, new()
    {
        var result = Fix<TRule>(before, project, options, dockerIgnore, contextFiles);
        Assert.AreEqual(after, result.FixedText, Describe(result));
        Assert.IsNull(result.NotFixed);
        string code = new TRule().Descriptor.Id;
        Assert.AreEqual(left, result.Remaining.Count(f => f.Code == code), "findings left:\n" + string.Join("\n", result.Remaining.Select(f => f.ToCanonicalString())));
        Assert.IsFalse(DockerfileParser.Parse(result.FixedText).Diagnostics.Any(d => d.Severity == ParseSeverity.Error), "the fixed text parses");
        var again = Fix<TRule>(result.FixedText, project, Reset(options), dockerIgnore, contextFiles);
        Assert.AreEqual(result.FixedText, again.FixedText, "a second run changes nothing");
        return result;
    }

    /// <summary>The rule's finding is there, and its fixer leaves the text exactly as it is.</summary>
    public static FixResult Unchanged<TRule>(string text, ProjectModel? project = null, AnalysisOptions? options = null, string? dockerIgnore = null,
        IContextFiles? contextFiles = null)
        where TRule : DockerfileRule, new()
    {
        var result = Fix<TRule>(text, project, options, dockerIgnore, contextFiles);
        string code = new TRule().Descriptor.Id;
        Assert.IsTrue(result.Remaining.Any(f => f.Code == code), $"{code} reports the file, else this test proves nothing");
        Assert.AreEqual(text, result.FixedText, Describe(result));
        Assert.IsTrue(result.Left.Any(l => l.Code == code && l.Reason == LeftReason.NoSafeFix), Describe(result));
        return result;
    }

    private static AnalysisOptions? Reset(AnalysisOptions? options) => options;

    private static string Describe(FixResult result) =>
        "fixed: " + string.Join("; ", result.Fixed) + "\nleft: " + string.Join("; ", result.Left) + "\ntext:\n" + result.FixedText;
}
