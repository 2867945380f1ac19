using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// The final image's ENTRYPOINT/CMD starts a dll or apphost that is not the project's output
/// (TargetName/AssemblyName, or a <c>-p:AssemblyName=</c> given to publish). <c>dotnet Foo.dll</c> when
/// the output is Api.dll fails at start (error; a case difference too: Linux file names are
/// case-sensitive). An apphost (<c>./Foo</c> or <c>/app/Foo</c> in the WORKDIR) is only judged when
/// nothing else in the Dockerfile names it (so a copied script is not taken for the app): warning.
/// Only the command the image really runs counts: the last ENTRYPOINT of the final stage's chain, and
/// the last CMD when it comes after that ENTRYPOINT (a later ENTRYPOINT resets an earlier CMD).
/// </summary>
public sealed class COPT4011EntrypointWrongAssembly : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.EntrypointWrongAssembly;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        var final = context.Model.FinalStage;
        if (project is null || final is null || project.OutputType.Equals("Library", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var names = context.Facts.DotNet!.OutputNames;
        if (names.Count == 0)
        {
            return;
        }
        var chain = final.Chain.SelectMany(s => s.Instructions).ToList();
        int entrypointAt = chain.FindLastIndex(i => i.Kind == InstructionKind.Entrypoint);
        int cmdAt = chain.FindLastIndex(i => i.Kind == InstructionKind.Cmd);
        var words = new List<(string Value, TextSpan Span, InstructionSyntax Instruction)>();
        if (entrypointAt >= 0)
        {
            words.AddRange(Words(chain[entrypointAt].Syntax));
        }
        bool shellEntrypoint = entrypointAt >= 0 && !chain[entrypointAt].Syntax.IsJsonForm;
        if (cmdAt > entrypointAt && !shellEntrypoint)
        {
            words.AddRange(Words(chain[cmdAt].Syntax));
        }
        if (words.Count == 0)
        {
            return;
        }
        string workdir = Workdir(context, chain);
        bool afterDotnet = false;
        int program = 0;
        while (program < words.Count && words[program].Value == "exec")
        {
            program++;
        }
        for (int i = program; i < words.Count; i++)
        {
            var (value, span, instruction) = words[i];
            string name = BaseName(value);
            if (name == "dotnet")
            {
                afterDotnet = true;
                continue;
            }
            if (value.Contains('$') || value.StartsWith("-", StringComparison.Ordinal))
            {
                continue;
            }
            string keyword = instruction.Kind == InstructionKind.Cmd ? "CMD" : "ENTRYPOINT";
            if (afterDotnet && name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                string stem = name.Substring(0, name.Length - 4);
                if (!names.Contains(stem, StringComparer.Ordinal))
                {
                    context.Report(span, Rename(name, names[0] + ".dll"), keyword, name, names[0] + ".dll");
                }
                return;
            }
            if (i == program && !afterDotnet && IsApphostCandidate(value, name, workdir))
            {
                if (!names.Contains(name, StringComparer.Ordinal)
                    && (names.Contains(name, StringComparer.OrdinalIgnoreCase) || !NamedElsewhere(context, name, words.Select(w => w.Instruction))))
                {
                    bool caseOnly = names.Contains(name, StringComparer.OrdinalIgnoreCase);
                    if (caseOnly)
                    {
                        // Certain: the project's output differs only in case. A name the Dockerfile never mentions elsewhere may be a script.
                        string right = names.First(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                        context.ReportAs(DiagnosticSeverity.Error, span, Rename(name, right), keyword, name, names[0]);
                    }
                    else
                    {
                        context.ReportAs(DiagnosticSeverity.Warning, span, keyword, name, names[0]);
                    }
                }
                return;
            }
        }
    }

    /// <summary>What the fixer writes: the project's output name instead of the wrong one.</summary>
    private static IReadOnlyDictionary<string, string> Rename(string wrong, string right) =>
        new Dictionary<string, string> { [Fixes.FixProperties.Original] = wrong, [Fixes.FixProperties.Replacement] = right };

    /// <summary>The command words of an ENTRYPOINT/CMD with their exact spans (shell form parsed like the shell).</summary>
    private static IEnumerable<(string, TextSpan, InstructionSyntax)> Words(InstructionSyntax syntax)
    {
        if (syntax.IsJsonForm)
        {
            foreach (var token in syntax.Arguments)
            {
                yield return (token.Value, token.Span, syntax);
            }
            yield break;
        }
        var script = ShellScript.Parse(syntax.ArgumentText.Value);
        var command = script.Commands.FirstOrDefault(c => c.Depth == 0 && c.Name != "exec") ?? script.Commands.FirstOrDefault();
        if (command is null)
        {
            yield break;
        }
        for (int i = command.NameIndex; i < command.Words.Count; i++)
        {
            var word = command.Words[i];
            yield return (word.Value, syntax.MapArgumentText(word.Start, word.End - word.Start), syntax);
        }
    }

    private static bool IsApphostCandidate(string value, string name, string workdir)
    {
        if (name.Length == 0 || name.Contains('.'))
        {
            return false;
        }
        string directory = ContextPaths.ParentOf(ContextPaths.NormalizeSeparators(value));
        if (value.StartsWith("./", StringComparison.Ordinal))
        {
            return directory == ".";
        }
        return value.StartsWith("/", StringComparison.Ordinal) && directory.TrimEnd('/') == workdir.TrimEnd('/') && workdir != "/";
    }

    /// <summary>The final WORKDIR of the chain, expanded and made absolute ("/" when none).</summary>
    private static string Workdir(RuleContext context, List<StageInstruction> chain)
    {
        string current = "/";
        foreach (var instruction in chain.Where(i => i.Kind == InstructionKind.Workdir && i.Syntax.Arguments.Count > 0))
        {
            string dir = context.Model.Expand(instruction, instruction.Syntax.Arguments[0].Value).Result;
            current = dir.StartsWith("/", StringComparison.Ordinal) ? dir : current.TrimEnd('/') + "/" + dir;
        }
        return current;
    }

    /// <summary>True when the name appears in the Dockerfile outside the ENTRYPOINT/CMD (copied or created there).</summary>
    private static bool NamedElsewhere(RuleContext context, string name, IEnumerable<InstructionSyntax> exclude)
    {
        var skip = exclude.Select(e => e.Span).ToList();
        string text = context.Source.Text;
        int at = 0;
        while ((at = text.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
        {
            int end = at + name.Length;
            bool wordStart = at == 0 || !IsNameChar(text[at - 1]);
            bool wordEnd = end >= text.Length || !IsNameChar(text[end]);
            if (wordStart && wordEnd && !skip.Any(s => s.Contains(at)))
            {
                return true;
            }
            at = end;
        }
        return false;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    private static string BaseName(string path)
    {
        string p = ContextPaths.NormalizeSeparators(path);
        int slash = p.LastIndexOf('/');
        return slash >= 0 ? p.Substring(slash + 1) : p;
    }
}
