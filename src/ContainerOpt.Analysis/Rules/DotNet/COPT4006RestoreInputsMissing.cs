using ContainerOpt.Core.Projects;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// An explicit <c>dotnet restore</c> whose stage (with the stages it is built on) has not copied every
/// file the restore reads: the project file, the project file of every transitive ProjectReference,
/// and the Directory.Build.props/.targets, Directory.Packages.props, NuGet.config and global.json that
/// apply — all taken from the real project graph. Files outside the build context are not checked
/// (no COPY can reach them); files the .dockerignore excludes count as missing. A bind mount of the
/// context on the restore's RUN counts as a copy.
/// </summary>
public sealed class COPT4006RestoreInputsMissing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.RestoreInputsMissing;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        if (project is null || context.ContextDirectory is null || context.Facts.WrittenForAnotherContext)
        {
            return; // COPT1204 says the context is wrong; what the restore lacks cannot be judged against it
        }
        Check(context, project);
    }

    // A method of its own: the lambdas over the context would make their closure for every file, with a project or not (most).
    private static void Check(RuleContext context, ProjectModel project)
    {
        var inputs = new List<string>();
        foreach (var path in new[] { project.ProjectPath }.Concat(project.ProjectReferences).Concat(project.RestoreInputs))
        {
            var relative = context.Facts.RelativeToContext(path);
            if (!string.IsNullOrEmpty(relative) && !inputs.Contains(relative!, StringComparer.Ordinal))
            {
                inputs.Add(relative!);
            }
        }
        if (inputs.Count == 0)
        {
            return;
        }
        var commands = context.Facts.DotNetCommands;
        foreach (var stage in context.Model.Stages)
        {
            var restore = commands.FirstOrDefault(c => c.Is("restore") && ReferenceEquals(c.Stage, stage));
            if (restore is null)
            {
                continue;
            }
            var sources = SourcesBefore(context, stage, restore);
            var missing = inputs.Where(input => context.DockerIgnore?.IsExcluded(input) == true || !sources.Any(s => ContextPaths.Covers(s, input))).ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            string list = string.Join(", ", missing.Select(m => "'" + m + "'"));
            context.Report(restore.VerbSpan, list, missing.Count == 1 ? "is" : "are", missing.Count == 1 ? "it" : "them");
        }
    }

    /// <summary>Context paths copied into the stage chain before the restore, and bind-mounted on its RUN.</summary>
    private static List<string> SourcesBefore(RuleContext context, Stage stage, DotNetCommand restore)
    {
        var sources = new List<string>();
        foreach (var s in stage.Chain)
        {
            foreach (var instruction in s.Instructions)
            {
                if (ReferenceEquals(instruction, restore.Instruction))
                {
                    break;
                }
                sources.AddRange(context.Facts.ContextSourcesOf(instruction).Select(c => c.Path));
            }
        }
        foreach (var mount in context.RunSteps.Find(restore.Instruction)!.Mounts)
        {
            if (mount.Type == "bind" && mount.From is null)
            {
                sources.Add(ContextPaths.CleanSource(mount.Source ?? "."));
            }
        }
        return sources;
    }
}
