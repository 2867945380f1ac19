using ContainerOpt.Analysis.Facts;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's WorkdirRelativePath: the first WORKDIR of a stage (and of the stages it builds on) is a
/// relative path, so it depends on the base image's working directory. Later relative WORKDIRs are
/// fine: they are relative to the first one. A drive-letter path is absolute; on Windows stages so is <c>\dir</c>.
/// A path that uses a variable the file does not define is not reported (its value is the base image's, or empty:
/// COPT1110's finding). The absolute path suggested is under the stage's OS root (<c>C:\</c> on Windows stages).
/// </summary>
public sealed class COPT1109WorkdirRelativePath : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.WorkdirRelativePath;

    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2000" };

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.AncestorsHave(InstructionKind.Workdir))
            {
                continue;
            }
            var first = FirstWorkdir(stage.Instructions);
            if (first is null || first.Syntax.Arguments.Count == 0)
            {
                continue;
            }
            var token = first.Syntax.Arguments[0];
            var expanded = context.Model.Expand(first, token.Value);
            // A variable the file does not define expands to what the base image sets, or to nothing (WORKDIR $env:HOME
            // leaves ":HOME"): the path is not known, and an undefined variable is COPT1110's finding.
            if (!expanded.Success || expanded.Unmatched.Count > 0)
            {
                continue;
            }
            string path = expanded.Result;
            // The word as written too: the default escape character turns C:\io into C:io, yet only Windows images use drive letters.
            if (IsAbsolute(path, windows: false) || IsAbsolute(token.Value, windows: false))
            {
                continue;
            }
            // Whether the stage is Windows only now: a path absolute anywhere (most) needs no answer, which costs the image's.
            bool windows = context.Facts.IsWindows(stage);
            if (IsAbsolute(path, windows))
            {
                continue;
            }
            context.Report(token.Span, path, AbsoluteExample(path, windows));
        }
    }

    /// <summary>The stage's first WORKDIR, or null (a loop over the view: LINQ boxed it and made an enumerator per stage).</summary>
    private static StageInstruction? FirstWorkdir(ArrayView<StageInstruction> instructions)
    {
        foreach (var instruction in instructions)
        {
            if (instruction.Kind == InstructionKind.Workdir)
            {
                return instruction;
            }
        }
        return null;
    }

    /// <summary>The path under the root of the stage's OS: <c>/app</c>, or <c>C:\app</c> on a Windows stage.</summary>
    private static string AbsoluteExample(string path, bool windows)
    {
        string trimmed = path;
        while (trimmed.StartsWith("./", StringComparison.Ordinal) || trimmed.StartsWith(".\\", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(2);
        }
        if (trimmed == ".")
        {
            trimmed = "";
        }
        return windows ? "C:\\" + trimmed.Replace('/', '\\') : "/" + trimmed;
    }

    /// <summary>
    /// A drive-letter path (<c>C:\app</c>, <c>C:/app</c>) is absolute wherever it appears: only Windows images use one, even when
    /// the base image is not one ContainerOpt recognises as Windows.
    /// </summary>
    private static bool IsAbsolute(string path, bool windows) =>
        path.StartsWith("/", StringComparison.Ordinal)
        || (path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'))
        || (windows && path.StartsWith("\\", StringComparison.Ordinal));
}
