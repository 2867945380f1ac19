using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;

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
        for (int i = 0; i < commands.Count; i++)
        {
            var publish = commands[i];
            if (!publish.Is("publish") || publish.Has("no-build") || publish.Stage is not { } stage)
            {
                continue;
            }
            if (LastBefore(commands, "build", publish, stage) is { } build)
            {
                context.Report(publish.VerbSpan, build.Line);
            }
        }
    }

    /// <summary>
    /// The last <c>dotnet <paramref name="verb"/></c> of the same project before the publish, in its stage or a stage it is
    /// built on; null when there is none. (A loop from the end: a lambda over the publish made a closure per publish.)
    /// </summary>
    internal static DotNetCommand? LastBefore(IReadOnlyList<DotNetCommand> commands, string verb, DotNetCommand publish, Stage stage)
    {
        for (int i = commands.Count - 1; i >= 0; i--)
        {
            var c = commands[i];
            if (c.Index < publish.Index && c.Is(verb) && c.RunsIn(stage) && SameProject(c, publish))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>False only when both name a project file and the names differ (a solution or folder holds the project).</summary>
    internal static bool SameProject(DotNetCommand a, DotNetCommand b)
    {
        string? x = FirstPositional(a), y = FirstPositional(b);
        if (x is null || y is null || !IsProjectFile(x) || !IsProjectFile(y))
        {
            return true;
        }
        return string.Equals(FileName(x), FileName(y), StringComparison.Ordinal);
    }

    private static string? FirstPositional(DotNetCommand command) => command.Positionals.Count > 0 ? command.Positionals[0].Value : null;

    private static bool IsProjectFile(string path) =>
        path.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && !path.Contains('$');

    private static string FileName(string path)
    {
        string p = ContextPaths.NormalizeSeparators(path).TrimEnd('/');
        int slash = p.LastIndexOf('/');
        return slash >= 0 ? p.Substring(slash + 1) : p;
    }
}
