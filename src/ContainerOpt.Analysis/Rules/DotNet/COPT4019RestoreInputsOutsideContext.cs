using ContainerOpt.Core.Projects;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// The Dockerfile restores the project (<c>dotnet restore</c>, or a build/publish that restores) while files the restore
/// reads lie outside the build context: the project itself, a ProjectReference (<c>../Core</c>), or the
/// Directory.Build.props/.targets, Directory.Packages.props, NuGet.config or global.json above the context. No COPY can
/// reach them, so the restore fails or the image builds without them. Restore inputs outside the project's folder and the
/// folders above it (a NuGet.config given with RestoreConfigFile) are the machine's and are left out. Reported once, at the first COPY of the whole
/// context before the restore (else at the restore), naming the folder that holds them all. Silent when the Dockerfile
/// copies paths the context lacks (COPT1204 says the context is wrong) and when nothing restores (an image of published
/// output needs none of them).
/// </summary>
public sealed class COPT4019RestoreInputsOutsideContext : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.RestoreInputsOutsideContext;

    /// <summary>The fix is another context, which has its own .dockerignore: advice about this one's would mislead.</summary>
    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT3011", "COPT3012" };

    public override void Analyze(RuleContext context)
    {
        var facts = context.Facts;
        if (context.Project is { } project && facts.ContextDirectory is { } contextDirectory && !facts.WrittenForAnotherContext)
        {
            Check(context, project, contextDirectory);
        }
    }

    // A method of its own: the lambdas over the facts would make their closure for every file, with a project or not (most).
    private static void Check(RuleContext context, ProjectModel project, string contextDirectory)
    {
        var facts = context.Facts;
        var restore = facts.DotNetCommands.FirstOrDefault(c => c.Restores);
        if (restore is null)
        {
            return;
        }
        string contextPath = ContextPaths.NormalizeSeparators(contextDirectory).TrimEnd('/');
        string projectFolder = ContextPaths.ParentOf(ContextPaths.NormalizeSeparators(project.ProjectPath));
        // The project and its references are the project's wherever they are; of the other restore inputs, only those in
        // the project's folder or a folder above it (Directory.Build.props, NuGet.config, global.json found upward) belong
        // to the repository. One elsewhere is the machine's (a NuGet.config given with RestoreConfigFile, say): no
        // context of the repository could hold it, so copying it is no advice to give.
        var outside = new[] { project.ProjectPath }.Concat(project.ProjectReferences)
            .Concat(project.RestoreInputs.Where(p => IsAtOrAbove(ContextPaths.ParentOf(ContextPaths.NormalizeSeparators(p)), projectFolder)))
            .Where(p => !string.IsNullOrEmpty(p) && facts.RelativeToContext(p) is null)
            .Select(ContextPaths.NormalizeSeparators)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (outside.Count == 0)
        {
            return;
        }
        var copyOfAll = WholeContextCopyBefore(context, restore);
        var span = copyOfAll?.Token.Span ?? restore.VerbSpan;
        context.Report(span, Prose.QuotedAnd(outside.Select(p => ContextPaths.RelativeFrom(contextPath, p))), outside.Count == 1 ? "is" : "are", contextPath, facts.ContextOrigin.Qualifier(),
            outside.Count == 1 ? "it" : "them", restore.Verb, CommonFolder(outside.Select(ContextPaths.ParentOf).Append(contextPath)));
    }

    /// <summary>The first source that copies the whole context into the restore's stage chain before the restore.</summary>
    private static ContextSource? WholeContextCopyBefore(RuleContext context, DotNetCommand restore)
    {
        if (restore.Stage is not { } stage)
        {
            return null;
        }
        foreach (var s in stage.Chain)
        {
            foreach (var instruction in s.Instructions)
            {
                if (ReferenceEquals(instruction, restore.Instruction))
                {
                    return null;
                }
                if (context.Facts.ContextSourcesOf(instruction).FirstOrDefault(c => c.IsWholeContext) is { } whole)
                {
                    return whole;
                }
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="folder"/> is <paramref name="of"/> or one of the folders above it.</summary>
    private static bool IsAtOrAbove(string folder, string of) => ContextPaths.RelativeToContext(folder, of) is not null;

    /// <summary>The deepest folder that holds every given folder ('/'-separated full paths).</summary>
    private static string CommonFolder(IEnumerable<string> folders)
    {
        string[]? common = null;
        foreach (var folder in folders)
        {
            var parts = folder.TrimEnd('/').Split('/');
            if (common is null)
            {
                common = parts;
                continue;
            }
            int n = 0;
            while (n < common.Length && n < parts.Length && string.Equals(common[n], parts[n], StringComparison.Ordinal))
            {
                n++;
            }
            common = common.Take(n).ToArray();
        }
        string joined = string.Join("/", common ?? Array.Empty<string>());
        return joined.Length == 0 ? "/" : joined;
    }
}
