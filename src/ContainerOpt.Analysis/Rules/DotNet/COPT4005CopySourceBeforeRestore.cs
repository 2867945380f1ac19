using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// A COPY/ADD of the whole build context, or of the project's folder (or a folder above it), before
/// the stage restores NuGet packages: an explicit <c>dotnet restore</c>, or the first
/// build/publish/test/pack/run that restores implicitly (no <c>--no-restore</c>). Every source edit then
/// changes that layer's input and the restore reruns, downloading every package again. A restore
/// whose RUN has a NuGet cache mount is left alone (the packages come from the cache).
/// </summary>
public sealed class COPT4005CopySourceBeforeRestore : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopySourceBeforeRestore;

    /// <summary>The .NET-specific finding replaces the generic one on the same line: the generic broad-COPY-before-dependency-step rule says the same about dotnet restore.</summary>
    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT3007" };

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        if (project is null || context.Facts.WrittenForAnotherContext)
        {
            return; // COPT1204 says the context is wrong; which files come first cannot be judged against it
        }
        var commands = context.Facts.DotNetCommands;
        string? projectDir = context.Facts.DotNet!.ProjectDirectoryInContext;
        string? projectFile = context.Facts.DotNet!.ProjectFileInContext;
        string copyFirst = projectFile is not null ? $"'{projectFile}' (and the restore inputs)" : "the project file (and the restore inputs)";

        foreach (var stage in context.Model.Stages)
        {
            var restore = FirstRestore(commands, stage);
            if (restore is null || HasNuGetCacheMount(context.RunSteps.Find(restore.Instruction)!))
            {
                continue;
            }
            int restoreIndex = IndexIn(stage, restore.Instruction);
            for (int i = 0; i < restoreIndex; i++)
            {
                foreach (var source in context.Facts.ContextSourcesOf(stage.Instructions[i]))
                {
                    string? what = source.IsWholeContext ? "the whole build context"
                        : projectDir is not null && ContextPaths.CoversFolder(source.Path, projectDir)
                            ? source.Path.TrimEnd('/') == projectDir ? $"the project folder '{projectDir}'" : $"'{source.Path}', which holds the project folder '{projectDir}'"
                        : null;
                    if (what is null)
                    {
                        continue;
                    }
                    context.Report(source.Token.Span, source.Token.Value, what, restore.Verb, restore.Line, copyFirst);
                }
            }
        }
    }

    /// <summary>
    /// The stage's explicit restore, or else its first command that restores implicitly — unless a
    /// stage it is built on restored already (then the packages are in that layer).
    /// </summary>
    private static DotNetCommand? FirstRestore(IReadOnlyList<DotNetCommand> commands, Stage stage)
    {
        if (commands.Any(c => c.Is("restore") && c.Stage is { } s && !ReferenceEquals(s, stage) && c.RunsIn(stage)))
        {
            return commands.FirstOrDefault(c => c.Is("restore") && ReferenceEquals(c.Stage, stage));
        }
        DotNetCommand? implicitRestore = null;
        foreach (var command in commands)
        {
            if (!ReferenceEquals(command.Stage, stage) || !command.Restores)
            {
                continue;
            }
            if (command.Is("restore"))
            {
                return command;
            }
            implicitRestore ??= command;
        }
        return implicitRestore;
    }

    private static bool HasNuGetCacheMount(RunStep restore)
    {
        foreach (var mount in restore.Mounts)
        {
            if (mount.Type == "cache" && mount.Target is { } target
                && target.TrimEnd('/').EndsWith(".nuget/packages", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static int IndexIn(Stage stage, StageInstruction instruction)
    {
        for (int i = 0; i < stage.Instructions.Count; i++)
        {
            if (ReferenceEquals(stage.Instructions[i], instruction))
            {
                return i;
            }
        }
        return -1;
    }
}
