using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// A <c>dotnet publish</c> without <c>--no-restore</c> (or <c>--no-build</c>, which implies it) after a
/// <c>dotnet restore</c> in the same stage or a stage it is built on: publish restores again. Usually a
/// quick no-op, but it hides an incomplete restore layer (the publish then downloads what the
/// restore missed, outside the cached layer) and costs an evaluation of the whole graph.
/// </summary>
public sealed class COPT4009PublishWithoutNoRestore : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PublishWithoutNoRestore;

    public override void Analyze(RuleContext context)
    {
        // The Dockerfile alone proves it: no project needed.
        var commands = context.Facts.DotNetCommands;
        for (int i = 0; i < commands.Count; i++)
        {
            var publish = commands[i];
            if (!publish.Is("publish") || publish.Has("no-restore", "no-build") || publish.Stage is not { } stage)
            {
                continue;
            }
            if (RestoreBefore(commands, publish, stage) is { } restore)
            {
                context.Report(publish.VerbSpan, restore.Line);
            }
        }
    }

    /// <summary>The last <c>dotnet restore</c> of the same project before the publish, in its stage or a stage it is built on.</summary>
    internal static DotNetCommand? RestoreBefore(IReadOnlyList<DotNetCommand> commands, DotNetCommand publish, Stage stage) =>
        COPT4008BuildThenPublish.LastBefore(commands, "restore", publish, stage);
}
