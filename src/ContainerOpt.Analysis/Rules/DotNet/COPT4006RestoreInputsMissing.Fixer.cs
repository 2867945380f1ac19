using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// Copies the restore inputs the restore lacks, right before its RUN: each to the folder that mirrors the build context
/// the way the COPY of the project file does (<c>COPY src/Api/Api.csproj src/Api/</c> puts the context root at <c>./</c>, so
/// <c>Directory.Packages.props</c> goes to <c>./</c>), with that COPY's flags. Not made when the project file's COPY
/// flattens the folders and an input lives in another folder than the project (no place mirrors it), when an input is
/// excluded by the .dockerignore (a COPY of it fails), or when a WORKDIR between the two COPYs changes what a relative
/// destination means.
/// </summary>
public sealed class COPT4006RestoreInputsMissingFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.RestoreInputsMissing;

    public override CodeFix? Fix(FixContext context)
    {
        var facts = context.Facts;
        var restore = facts.DotNetCommands.FirstOrDefault(c => c.Is("restore") && c.VerbSpan == context.Finding.Span);
        var inputs = RestoreInputsFix.Inputs(context);
        if (restore?.Stage is not { } stage || restore.Run.IsOnbuild || inputs.Count == 0)
        {
            return null;
        }
        string project = inputs[0];
        var before = stage.Chain.SelectMany(s => s.Instructions).TakeWhile(i => !ReferenceEquals(i, restore.Instruction)).ToList();
        var sources = before.SelectMany(i => facts.ContextSourcesOf(i)).ToList();
        var missing = inputs.Where(input => !sources.Any(s => ContextPaths.Covers(s.Path, input))).ToList();
        if (missing.Count == 0 || missing.Contains(project) || missing.Any(m => facts.DockerIgnore?.IsExcluded(m) == true || !RestoreInputsFix.IsPlain(m)))
        {
            return null;
        }
        // The COPY that brings the project file, and where it puts it.
        var projectSource = sources.LastOrDefault(s => ContextPaths.Covers(s.Path, project));
        if (projectSource is null || facts.CopyOf(projectSource.Instruction) is not { } copy || !RestoreInputsFix.IsPlain(copy.DestinationValue)
            || facts.RunSteps.WorkdirOf(projectSource.Instruction) != facts.RunSteps.WorkdirOf(restore.Instruction))
        {
            return null;
        }
        string destination = copy.DestinationValue;
        string projectFolder; // where the project file lands, as a destination folder
        if (projectSource.Path == project)
        {
            if (copy.DestinationIsDirectory)
            {
                projectFolder = destination;
            }
            else if (LayerPaths.BaseName(destination) == LayerPaths.BaseName(project))
            {
                projectFolder = ContextPaths.ParentOf(destination) is var parent && parent.Length > 0 ? parent : "./";
            }
            else
            {
                return null;
            }
        }
        else
        {
            string prefix = projectSource.Path.Length == 0 ? "" : projectSource.Path.TrimEnd('/') + "/";
            projectFolder = RestoreInputsFix.Folder(destination, project.Substring(prefix.Length));
        }
        // The context root in the image, when the project's folders are mirrored under it.
        string projectDirectory = ContextPaths.ParentOf(project);
        string folder = projectFolder is "." or "./" ? "" : projectFolder.TrimEnd('/');
        string? root = projectDirectory.Length == 0 ? folder
            : folder == projectDirectory ? ""
            : folder.EndsWith("/" + projectDirectory, StringComparison.Ordinal) ? folder.Substring(0, folder.Length - projectDirectory.Length - 1)
            : null;
        var files = new List<(string Path, string Folder)>();
        foreach (var input in missing)
        {
            if (root is not null)
            {
                files.Add((input, RestoreInputsFix.Folder(root.Length == 0 ? "./" : root, input)));
            }
            else if (ContextPaths.ParentOf(input) == projectDirectory)
            {
                files.Add((input, projectFolder.EndsWith("/", StringComparison.Ordinal) ? projectFolder : projectFolder + "/"));
            }
            else
            {
                return null;
            }
        }
        var copySyntax = projectSource.Instruction.Syntax;
        var lines = RestoreInputsFix.CopyLines(copySyntax.Keyword.Value, RestoreInputsFix.FlagsOf(context, copySyntax), files);
        return context.Offer("Copy the missing restore inputs before the restore", context.InsertLines(lines, restore.Instruction.Syntax));
    }
}
