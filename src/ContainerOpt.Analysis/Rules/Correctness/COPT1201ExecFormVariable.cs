using System.Text.RegularExpressions;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// A <c>$VAR</c> or <c>${VAR}</c> in an exec-form CMD, ENTRYPOINT or RUN (<c>CMD ["dotnet", "$APP_DLL"]</c>): exec form
/// starts the program directly, no shell expands the variable, and Docker does not substitute variables in these
/// instructions either, so the program receives the text <c>$APP_DLL</c>. Not reported when the program is a shell
/// (<c>["sh", "-c", "... $VAR"]</c>, PowerShell, cmd) or <c>env</c>-style wrappers hand the words to one.
/// </summary>
public sealed class COPT1201ExecFormVariable : DockerfileRule
{
    /// <summary>$NAME, ${NAME}, ${NAME:-default} and the other shell operators; not ${project.version} (a Maven or template placeholder, filled before the build).</summary>
    private static readonly Regex Variable = new(@"\$(?:\{[A-Za-z_][A-Za-z0-9_]*(?:[:]?[-=+?][^}]*|[#%/][^}]*)?\}|[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_.{]))", RegexOptions.CultureInvariant);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ExecFormVariable;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax;
            if (syntax.Kind is not (InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Run) || !syntax.IsJsonForm || syntax.Arguments.Count == 0)
            {
                continue;
            }
            if (RunsAShell(syntax.Arguments))
            {
                continue;
            }
            foreach (var argument in syntax.Arguments)
            {
                if (argument.Value.IndexOf('$') < 0)
                {
                    continue; // every match starts with '$': most words have none, and are not run through the regex
                }
                var match = Variable.Match(argument.Value);
                if (!match.Success)
                {
                    continue;
                }
                string keyword = syntax.Keyword.Value.ToUpperInvariant();
                string words = string.Join(" ", syntax.Arguments.Select(a => a.Value));
                string fix = syntax.Kind == InstructionKind.Run
                    ? $"Use the shell form (RUN {words}) so the shell expands it"
                    : $"Let a shell expand it: {keyword} [\"sh\", \"-c\", \"exec {words.Replace("\"", "\\\"")}\"], or write the value itself";
                context.Report(BuildKitSemantics.FindVariable(context.Source, argument.Span, match.Value.TrimStart('$').Trim('{', '}').Split(':', '-', '=', '?', '+')[0]), match.Value, keyword, fix);
                break; // one finding per instruction: one fix
            }
        }
    }

    /// <summary>The program (after env-style wrappers) is a shell or an evaluator, which expands the words itself.</summary>
    private static bool RunsAShell(IReadOnlyList<SyntaxToken> arguments)
    {
        foreach (var argument in arguments)
        {
            string name = ShellFacts.ProgramName(argument.Value);
            // Wrappers and their options, and busybox (its applet is the next word): the program comes later.
            if (name is "env" or "tini" or "dumb-init" or "gosu" or "su-exec" or "exec" or "busybox" || name.StartsWith("-", StringComparison.Ordinal) || name.Contains('='))
            {
                continue;
            }
            return ShellFacts.RunsArgumentsAsCommandLine(name);
        }
        return false;
    }
}
