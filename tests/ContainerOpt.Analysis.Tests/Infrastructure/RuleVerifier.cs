using ContainerOpt.Analysis.Facts;
using System.Text;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Projects;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Infrastructure;

/// <summary>
/// Verifies a rule on a Dockerfile written with markup: every span the rule must report is
/// wrapped in <c>[|</c> and <c>|]</c>, e.g. <c>RUN [|apt-get|] install curl</c>. The rule runs alone;
/// the reported spans must equal the marked ones exactly (line, column, end line, end column).
/// </summary>
internal static class RuleVerifier
{
    public static IReadOnlyList<Finding> Verify<TRule>(string markup, string? dockerIgnore = null, ProjectModel? project = null,
        AnalysisOptions? options = null, bool contextKnown = true, IContextFiles? contextFiles = null, ContextOrigin contextOrigin = ContextOrigin.Stated,
        string contextDirectory = "/context")
        where TRule : DockerfileRule, new()
    {
        var (text, expected) = ParseMarkup(markup);
        var findings = Run<TRule>(text, dockerIgnore, project, options, contextKnown, contextFiles: contextFiles, contextOrigin: contextOrigin,
            contextDirectory: contextDirectory);
        var source = SourceText.From(text);
        var expectedText = expected.Select(s => Describe(source.GetLinePositionSpan(s))).ToList();
        var actualText = findings.Select(f => Describe(f.Location)).ToList();
        CollectionAssert.AreEqual(expectedText, actualText,
            $"\nexpected: {string.Join(" ", expectedText)}\nactual:   {string.Join(" ", actualText)}\n{string.Join("\n", findings.Select(f => f.ToCanonicalString()))}");
        return findings;
    }

    /// <summary>Runs one rule alone (syntax errors excluded) and returns its findings in source order.</summary>
    public static IReadOnlyList<Finding> Run<TRule>(string text, string? dockerIgnore = null, ProjectModel? project = null,
        AnalysisOptions? options = null, bool contextKnown = true, string path = "Dockerfile", IContextFiles? contextFiles = null,
        ContextOrigin contextOrigin = ContextOrigin.Stated, string contextDirectory = "/context")
        where TRule : DockerfileRule, new()
    {
        var rule = new TRule();
        options ??= new AnalysisOptions();
        // A rule alone at its own severity: hadolint's twins in hadolint mode, every other rule in 'all'.
        options.Mode ??= DiagnosticCatalog.TierOf(rule.Descriptor) == RuleTier.HadolintOnly ? AnalysisMode.Hadolint : AnalysisMode.All;
        if (!rule.Descriptor.EnabledByDefault && !options.EnableAllRules)
        {
            options.EnableAllRules = true;
        }
        var analyzer = new DockerfileAnalyzer(new DockerfileRule[] { rule });
        var input = new AnalysisInput(SourceText.From(text, path))
        {
            DockerIgnoreText = dockerIgnore,
            ContextDirectory = contextKnown ? contextDirectory : null,
            ContextFiles = contextFiles,
            ContextOrigin = contextOrigin,
            Project = project,
            Options = options,
        };
        return analyzer.Analyze(input).Findings.Where(f => f.Code == rule.Descriptor.Id).ToList();
    }

    private static string Describe(LinePositionSpan span) => $"({span.Start.Line},{span.Start.Column})-({span.End.Line},{span.End.Column})";

    public static (string Text, List<TextSpan> Spans) ParseMarkup(string markup)
    {
        var text = new StringBuilder();
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (i + 1 < markup.Length && markup[i] == '[' && markup[i + 1] == '|')
            {
                open.Push(text.Length);
                i++;
                continue;
            }
            if (i + 1 < markup.Length && markup[i] == '|' && markup[i + 1] == ']' && open.Count > 0)
            {
                int start = open.Pop();
                spans.Add(TextSpan.FromBounds(start, text.Length));
                i++;
                continue;
            }
            text.Append(markup[i]);
        }
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return (text.ToString(), spans);
    }
}
