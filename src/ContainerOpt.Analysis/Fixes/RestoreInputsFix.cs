using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Fixes;

/// <summary>
/// What the two restore-layer fixers share (COPT4005, COPT4006): the files <c>dotnet restore</c> reads, as context paths
/// from the project graph; where a COPY puts a context path in the image; and the COPY lines that bring files to the
/// folders the project's own layout needs.
/// </summary>
internal static class RestoreInputsFix
{
    /// <summary>The restore's inputs as context paths: the project file first, then its references' and the props, NuGet.config and global.json that apply.</summary>
    public static List<string> Inputs(FixContext context)
    {
        var inputs = new List<string>();
        if (context.Facts.Project is not { } project)
        {
            return inputs;
        }
        foreach (var path in new[] { project.ProjectPath }.Concat(project.ProjectReferences).Concat(project.RestoreInputs))
        {
            var relative = context.Facts.RelativeToContext(path);
            if (!string.IsNullOrEmpty(relative) && !inputs.Contains(relative!, StringComparer.Ordinal))
            {
                inputs.Add(relative!);
            }
        }
        return inputs;
    }

    /// <summary>The folder (as a COPY destination, ending in '/') a context path lands in when the context root lands in <paramref name="root"/>.</summary>
    public static string Folder(string root, string contextPath)
    {
        string directory = ContextPaths.ParentOf(contextPath);
        string rootFolder = root is "" or "." or "./" ? "" : root.TrimEnd('/') + "/";
        if (root == "/")
        {
            rootFolder = "/";
        }
        string folder = rootFolder + (directory.Length == 0 ? "" : directory + "/");
        return folder.Length == 0 ? "./" : folder;
    }

    /// <summary>COPY instructions (one per destination folder, in the order of the files) that copy the files to their folders.</summary>
    public static List<string> CopyLines(string keyword, string flags, IEnumerable<(string Path, string Folder)> files)
    {
        var lines = new List<string>();
        foreach (var group in files.GroupBy(f => f.Folder))
        {
            var words = group.Select(f => f.Path).Append(group.Key).ToList();
            bool json = words.Any(w => w.IndexOfAny(new[] { ' ', '\t', '"', '\'', '$', '\\', '`' }) >= 0);
            string arguments = json
                ? "[" + string.Join(", ", words.Select(ExecFormFix.JsonString)) + "]"
                : string.Join(" ", words);
            lines.Add(keyword + (flags.Length == 0 ? "" : " " + flags) + " " + arguments);
        }
        return lines;
    }

    /// <summary>The flags of a COPY as written (<c>--chown=app:app</c>), for the COPY lines written beside it.</summary>
    public static string FlagsOf(FixContext context, InstructionSyntax copy) =>
        string.Join(" ", copy.Flags.Select(f => context.Source.GetText(f.Span)));

    /// <summary>True when every command of the RUN is <c>dotnet restore</c>: moving sources after it cannot starve anything else.</summary>
    public static bool OnlyRestores(FixContext context, RunStep step) =>
        step.Commands.Count > 0
        && step.Commands.All(at => context.Facts.DotNetCommands.Any(c => ReferenceEquals(c.Command, at.Command) && c.Is("restore")));

    /// <summary>The position of an instruction in its stage, or -1.</summary>
    public static int IndexIn(Stage stage, StageInstruction instruction)
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

    /// <summary>True for a plain path (no variable, quote, blank or escape): it can be written again as it is.</summary>
    public static bool IsPlain(string value) => value.Length > 0 && value.IndexOfAny(new[] { '$', '"', '\'', ' ', '\t', '\\', '`' }) < 0;
}
