using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// Splits the broad COPY around the restore: COPY lines for the project file and the restore inputs it brings (the
/// project file of every reference, the props, NuGet.config, global.json; each to the folder the broad COPY would have
/// put it in, with the same flags) take its place, and the broad COPY moves to right after the RUN of <c>dotnet
/// restore</c>. Only when the restore is an explicit <c>dotnet restore</c> alone in its RUN, nothing but ENV, ARG, LABEL or
/// EXPOSE stands between them (no WORKDIR, COPY or RUN that would see the move), the COPY has one plain source (the whole
/// context or a folder) and destination, and the restore still finds the project: the project path it names, or the
/// project file landing in its working directory.
/// </summary>
public sealed class COPT4005CopySourceBeforeRestoreFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopySourceBeforeRestore;

    public override CodeFix? Fix(FixContext context)
    {
        var facts = context.Facts;
        var instruction = context.InstructionAt(context.Finding.Span.Start);
        if (instruction?.Stage is not { } stage || instruction.Kind != InstructionKind.Copy || facts.CopyOf(instruction) is not { } copy
            || !copy.FromContext || copy.Sources.Count != 1 || !RestoreInputsFix.IsPlain(copy.DestinationValue) || copy.Syntax.HasErrors)
        {
            return null;
        }
        var source = facts.ContextSourcesOf(instruction).SingleOrDefault();
        var restore = facts.DotNetCommands.FirstOrDefault(c => c.Is("restore") && ReferenceEquals(c.Stage, stage));
        if (source is null || source.Path == "*" || restore is null || facts.RunSteps.Find(restore.Instruction) is not { IsOnbuild: false } step
            || !RestoreInputsFix.OnlyRestores(context, step))
        {
            return null;
        }
        int copyAt = RestoreInputsFix.IndexIn(stage, instruction), restoreAt = RestoreInputsFix.IndexIn(stage, restore.Instruction);
        if (copyAt < 0 || restoreAt <= copyAt
            || stage.Instructions.Skip(copyAt + 1).Take(restoreAt - copyAt - 1).Any(i => i.Kind is not (InstructionKind.Env or InstructionKind.Arg or InstructionKind.Label or InstructionKind.Expose)))
        {
            return null;
        }

        // The inputs the broad COPY brings, minus those a COPY before it brought already.
        var inputs = RestoreInputsFix.Inputs(context);
        if (inputs.Count == 0)
        {
            return null;
        }
        var earlier = stage.Chain.SelectMany(s => s.Instructions).TakeWhile(i => !ReferenceEquals(i, instruction))
            .SelectMany(i => facts.ContextSourcesOf(i)).Select(s => s.Path).ToList();
        string prefix = source.Path.Length == 0 ? "" : source.Path.TrimEnd('/') + "/";
        var files = new List<(string Path, string Folder)>();
        foreach (var input in inputs)
        {
            if (context.Facts.DockerIgnore?.IsExcluded(input) == true || !ContextPaths.Covers(source.Path, input) || earlier.Any(e => ContextPaths.Covers(e, input)))
            {
                if (input == inputs[0])
                {
                    return null; // the project file itself must come with this COPY
                }
                continue;
            }
            if (!RestoreInputsFix.IsPlain(input) || !input.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }
            files.Add((input, RestoreInputsFix.Folder(copy.DestinationValue, input.Substring(prefix.Length))));
        }
        if (!FindsProject(context, restore, copy.DestinationValue, inputs[0].Substring(prefix.Length)))
        {
            return null;
        }

        var syntax = instruction.Syntax;
        var lines = RestoreInputsFix.CopyLines(syntax.Keyword.Value, RestoreInputsFix.FlagsOf(context, syntax), files);
        // The COPY moves with the comment lines right above it, which describe it.
        var own = context.WholeLines(syntax);
        int firstLine = syntax.StartLine;
        while (firstLine > 1 && syntax.StartLine - firstLine < syntax.PrecedingComments.Count
            && context.Source.GetLineText(firstLine - 1).TrimStart().StartsWith("#", StringComparison.Ordinal))
        {
            firstLine--;
        }
        var copyLines = TextSpan.FromBounds(context.Source.GetLineStart(firstLine), own.End);
        var restoreSyntax = restore.Instruction.Syntax;
        if (restoreSyntax.EndLine >= context.Source.LineCount)
        {
            return null; // the restore ends the file: nothing to put the COPY before
        }
        return context.Offer("Copy the restore inputs first and the rest after the restore",
            context.InsertLines(lines, syntax),
            context.Delete(copyLines),
            context.Insert(context.Source.GetLineStart(restoreSyntax.EndLine + 1), context.Source.GetText(copyLines)));
    }

    /// <summary>True when the restore still finds the project with only the inputs copied: it names the project file, or runs where the file lands.</summary>
    private static bool FindsProject(FixContext context, DotNetCommand restore, string destination, string projectUnderSource)
    {
        string workdir = context.Facts.RunSteps.WorkdirOf(restore.Instruction);
        string landing = LayerPaths.Resolve(RestoreInputsFix.Folder(destination, projectUnderSource) + LayerPaths.BaseName(projectUnderSource), workdir);
        var named = restore.Positionals.FirstOrDefault();
        if (named is null)
        {
            return ContextPaths.ParentOf(landing) is var folder && (folder == workdir.TrimEnd('/') || (folder == "/" && workdir == "/"));
        }
        string value = named.Value;
        if (!RestoreInputsFix.IsPlain(value))
        {
            return false;
        }
        string path = LayerPaths.Resolve(value, workdir);
        return path == landing || path == ContextPaths.ParentOf(landing);
    }
}
