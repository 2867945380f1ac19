namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>A diagnostic a test expects: severity, code, full file path and exact span.</summary>
internal sealed record Expected(string Kind, string Code, string File, int Line, int Column, int EndLine, int EndColumn, string? Project = null)
{
    public static Expected Warning(string code, string file, int line, int column, int endLine, int endColumn, string? project = null) =>
        new("warning", code, file, line, column, endLine, endColumn, project);

    public static Expected Error(string code, string file, int line, int column, int endLine, int endColumn, string? project = null) =>
        new("error", code, file, line, column, endLine, endColumn, project);

    public override string ToString() =>
        $"{File}({Line},{Column},{EndLine},{EndColumn}): {Kind} {Code}" + (Project is null ? "" : $" [{Project}]");
}

internal static class BuildAssert
{
    /// <summary>Codes MSBuild prints when a task crashes or misbehaves rather than reporting properly.</summary>
    private static readonly string[] TaskFailureCodes = { "MSB4018", "MSB4181", "MSB4062", "MSB4061", "MSB4064", "MSB4026", "MSB4036", "MSB4027", "MSB4028" };

    public static void Succeeded(DotnetResult result)
    {
        Assert.AreEqual(0, result.ExitCode, "the build should succeed.\n" + result.Describe());
        NoTaskFailure(result);
    }

    public static void Failed(DotnetResult result)
    {
        Assert.AreNotEqual(0, result.ExitCode, "the build should fail.\n" + result.Describe());
        NoTaskFailure(result);
    }

    /// <summary>No MSB4018 (task crashed), MSB4181 (task returned false without an error, or the reverse), no task that could not load.</summary>
    public static void NoTaskFailure(DotnetResult result)
    {
        foreach (var code in TaskFailureCodes)
        {
            Assert.IsFalse(result.Output.Contains(code, StringComparison.Ordinal), $"the output holds {code}.\n" + result.Describe());
        }
        Assert.IsFalse(result.Output.Contains("COPT0009", StringComparison.Ordinal), "the task reported an internal error.\n" + result.Describe());
    }

    /// <summary>
    /// The ContainerOpt diagnostics of the build, each exactly once, are exactly <paramref name="expected"/>
    /// (severity, code, file, line, column, end line, end column, and the project when given).
    /// </summary>
    public static void Findings(DotnetResult result, params Expected[] expected)
    {
        var actual = result.ContainerOptDiagnostics;
        var actualText = actual.Select(d => Describe(d, expected.Any(e => e.Project is not null))).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var expectedText = expected.Select(e => e.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expectedText, actualText,
            $"ContainerOpt diagnostics differ.\nexpected:\n  {string.Join("\n  ", expectedText)}\nactual:\n  {string.Join("\n  ", actualText)}\n{result.Describe()}");
    }

    /// <summary>Nothing of ContainerOpt in the output at all (no diagnostic, no message).</summary>
    public static void Silent(DotnetResult result)
    {
        Assert.IsFalse(result.Stdout.Contains("COPT", StringComparison.Ordinal), "ContainerOpt should be silent.\n" + result.Describe());
    }

    private static string Describe(MSBuildDiagnostic d, bool withProject) =>
        $"{d.Origin}({d.Line},{d.Column},{d.EndLine},{d.EndColumn}): {d.Kind} {d.Code}" + (withProject ? $" [{d.Project}]" : "");
}
