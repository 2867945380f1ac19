using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// A <c>dotnet publish</c> without <c>--no-build</c> after a <c>dotnet build</c> of the same project in the
/// same stage or a stage it is built on (<c>FROM build AS publish</c>): publish runs the build again, so
/// the build step only costs time and a layer. Builds of another project (a different first argument)
/// are not counted.
/// </summary>
public sealed class COPT4008BuildThenPublish : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.BuildThenPublish;

    public override void Analyze(RuleContext context)
    {
        // The Dockerfile alone proves it: no project needed.
        var commands = context.Facts.DotNetCommands;
        foreach (var publish in commands.WithVerb("publish"))
        {
            if (publish.Has("no-build") || publish.Stage is not { } stage)
            {
                continue;
            }
            var build = commands.LastOrDefault(c => c.Index < publish.Index && c.Is("build") && c.RunsIn(stage) && SameProject(c, publish));
            if (build is not null)
            {
                context.Report(publish.VerbSpan, build.Line);
            }
        }
    }

    /// <summary>False only when both name a project file and the names differ (a solution or folder holds the project).</summary>
    internal static bool SameProject(DotNetCommand a, DotNetCommand b)
    {
        string? x = a.Positionals.FirstOrDefault()?.Value, y = b.Positionals.FirstOrDefault()?.Value;
        if (x is null || y is null || !IsProjectFile(x) || !IsProjectFile(y))
        {
            return true;
        }
        return string.Equals(FileName(x), FileName(y), StringComparison.Ordinal);
    }

    private static bool IsProjectFile(string path) =>
        path.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && !path.Contains('$');

    private static string FileName(string path)
    {
        string p = ContextPaths.NormalizeSeparators(path).TrimEnd('/');
        int slash = p.LastIndexOf('/');
        return slash >= 0 ? p.Substring(slash + 1) : p;
    }
}
