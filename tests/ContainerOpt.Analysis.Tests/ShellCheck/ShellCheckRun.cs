using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.ShellCheck;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests.ShellCheck;

/// <summary>Runs the engine (no rules) with the ShellCheck on PATH and describes its findings compactly.</summary>
internal static class ShellCheckRun
{
    /// <summary>The shellcheck on PATH, as the loader finds it; fails or skips the test without one (<see cref="ShellCheckInstalled"/>).</summary>
    public static ShellCheckTool Tool()
    {
        ShellCheckInstalled.Require();
        var tool = ShellCheckLocator.Locate(null, out string note, out var problem);
        if (tool is null)
        {
            Assert.Fail(problem?.Reason ?? note);
        }
        return tool!;
    }

    /// <summary>The findings of <paramref name="dockerfile"/> in a mode (default: all, every finding at its own severity).</summary>
    public static IReadOnlyList<Finding> Analyze(string dockerfile, AnalysisOptions? options = null, AnalysisMode? mode = AnalysisMode.All,
        IReadOnlyList<DockerfileRule>? rules = null)
    {
        options ??= new AnalysisOptions();
        options.Mode ??= mode;
        options.ShellCheck ??= Tool();
        var analyzer = new DockerfileAnalyzer(rules ?? Array.Empty<DockerfileRule>());
        return analyzer.Analyze(new AnalysisInput(SourceText.From(dockerfile, "Dockerfile")) { Options = options }).Findings;
    }

    /// <summary>Compares two lists of descriptions, showing both in full when they differ.</summary>
    public static void Same(IEnumerable<string> expected, IEnumerable<string> actual, string? message = null) =>
        Assert.AreEqual(string.Join("\n", expected), string.Join("\n", actual), message);

    /// <summary>"SC2086 3:10-3:14" per ShellCheck finding (line:column-line:column, end exclusive), in order.</summary>
    public static string[] Describe(IEnumerable<Finding> findings) =>
        findings.Where(f => f.Code == DiagnosticCatalog.ShellCheck.Id)
            .Select(f => $"{f.Equivalents.Single()} {f.Location.Start.Line}:{f.Location.Start.Column}-{f.Location.End.Line}:{f.Location.End.Column}")
            .ToArray();

    /// <summary>"SC2086 info" per ShellCheck finding, in order.</summary>
    public static string[] Severities(IEnumerable<Finding> findings) =>
        findings.Where(f => f.Code == DiagnosticCatalog.ShellCheck.Id).Select(f => $"{f.Equivalents.Single()} {f.Severity.ToText()}").ToArray();

    /// <summary>
    /// Where the <paramref name="occurrence"/>-th <paramref name="text"/> stands in <paramref name="dockerfile"/>, as
    /// "line:column-line:column" (1-based, UTF-16 columns, end exclusive): expectations name the text, not counted columns.
    /// </summary>
    public static string At(string dockerfile, string text, int occurrence = 1, int? length = null)
    {
        int index = -1;
        for (int i = 0; i < occurrence; i++)
        {
            index = dockerfile.IndexOf(text, index + 1, StringComparison.Ordinal);
            Assert.IsTrue(index >= 0, $"'{text}' (occurrence {occurrence}) is not in the Dockerfile");
        }
        var source = SourceText.From(dockerfile);
        var span = source.GetLinePositionSpan(new TextSpan(index, length ?? text.Length));
        return $"{span.Start.Line}:{span.Start.Column}-{span.End.Line}:{span.End.Column}";
    }
}
