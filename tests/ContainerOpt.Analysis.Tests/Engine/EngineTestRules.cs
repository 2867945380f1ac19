using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>An off-by-default rule standing for a BuildKit check: reports every WORKDIR keyword.</summary>
internal sealed class OffByDefaultWorkdirRule : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT9901", "test-workdir", "Test rule", "WORKDIR seen.", DiagnosticSeverity.Warning, DiagnosticCategories.Correctness,
        new[] { "TestWorkdirCheck" }, enabledByDefault: false);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            if (instruction.Kind == ContainerOpt.Dockerfile.Syntax.InstructionKind.Workdir)
            {
                context.Report(instruction.Syntax.Keyword.Span);
            }
        }
    }
}

/// <summary>Runs COPT2008 (DL3008), COPT1100 (StageNameCasing) and the test rule over a file.</summary>
internal static class EngineRun
{
    public static IReadOnlyList<Finding> Analyze(string text, AnalysisOptions? options = null)
    {
        var analyzer = new DockerfileAnalyzer(new DockerfileRule[]
        {
            new COPT1100StageNameCasing(), new COPT2008AptGetPinVersions(), new OffByDefaultWorkdirRule(),
        });
        return analyzer.Analyze(new AnalysisInput(SourceText.From(text, "Dockerfile")) { Options = options ?? new AnalysisOptions() }).Findings;
    }

    /// <summary>"code@line" per finding, in order.</summary>
    public static string[] Codes(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.Code}@{f.Location.Start.Line}").ToArray();
}
