using ContainerOpt.Analysis.Facts;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// A CMD or ENTRYPOINT written like exec form (<c>[ ... ]</c>) that is not valid JSON: single quotes
/// (<c>CMD ['node', 'app.js']</c>) or a missing comma (<c>["a" "b"]</c>). (Text after a valid array is ignored by
/// Docker, so <c>["a"]  # note</c> is fine.) Docker then takes it as shell form and runs <c>/bin/sh -c '["node", ...'</c>: the shell looks
/// for a program named <c>[node,</c> and the container exits with 127. An error where that is certain: the
/// default shell (no SHELL in the stage), and an ENTRYPOINT, or a CMD that no ENTRYPOINT stands before (an exec-form one
/// takes the CMD as its arguments, a shell-form one ignores it); a warning otherwise.
/// </summary>
public sealed class COPT1200ExecFormNotJson : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ExecFormNotJson;

    /// <summary>The shell-form advice (BuildKit's and hadolint's) would miss the point: this is meant as exec form.</summary>
    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT1106", "COPT2025" };

    public override void Analyze(RuleContext context)
    {
        var stages = context.Model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            bool shellSet = stage.AncestorsHave(InstructionKind.Shell);
            StageInstruction? entrypoint = InheritedEntrypoint(stage);
            var instructions = stage.Instructions;
            for (int n = 0; n < instructions.Count; n++)
            {
                var instruction = instructions[n];
                var syntax = instruction.Syntax;
                if (syntax.Kind == InstructionKind.Shell)
                {
                    shellSet = true;
                    continue;
                }
                if (syntax.Kind == InstructionKind.Entrypoint)
                {
                    entrypoint = ClearsEntrypoint(syntax) ? null : instruction;
                }
                if (syntax.Kind is not (InstructionKind.Cmd or InstructionKind.Entrypoint) || syntax.IsJsonForm)
                {
                    continue;
                }
                string text = syntax.ArgumentText.Value.Trim();
                if (!text.StartsWith("[", StringComparison.Ordinal) || Diagnose(text) is not { } problem)
                {
                    continue;
                }
                string firstWord = text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)[0];
                bool certain = !shellSet && (syntax.Kind == InstructionKind.Entrypoint || FollowingEntrypoint(stage, instruction) is null && entrypoint is null);
                var severity = certain ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
                context.ReportAs(severity, syntax.ArgumentText.Span, syntax.Keyword.Value.ToUpperInvariant(), problem.What, firstWord, syntax.Keyword.Value.ToUpperInvariant() + " " + problem.Fix);
            }
        }
    }

    /// <summary>
    /// The ENTRYPOINT the stage inherits, in either form: the last one of the nearest stage it builds on that has one
    /// (each stage's image config replaces its parent's); null when none does or that one clears it.
    /// </summary>
    private static StageInstruction? InheritedEntrypoint(Stage stage)
    {
        var chain = stage.Chain; // root first, the stage itself last
        for (int a = chain.Count - 2; a >= 0; a--)
        {
            var instructions = chain[a].Instructions;
            for (int i = instructions.Count - 1; i >= 0; i--)
            {
                if (instructions[i].Kind == InstructionKind.Entrypoint)
                {
                    return ClearsEntrypoint(instructions[i].Syntax) ? null : instructions[i];
                }
            }
        }
        return null;
    }

    /// <summary><c>ENTRYPOINT []</c> sets none: the CMD is then the command again.</summary>
    private static bool ClearsEntrypoint(InstructionSyntax entrypoint) => entrypoint.IsJsonForm && entrypoint.Arguments.Count == 0;

    /// <summary>An ENTRYPOINT later in the stage decides how this CMD runs too.</summary>
    private static StageInstruction? FollowingEntrypoint(Stage stage, StageInstruction cmd) =>
        stage.Instructions.SkipWhile(i => !ReferenceEquals(i, cmd)).FirstOrDefault(i => i.Kind == InstructionKind.Entrypoint);

    /// <summary>What is wrong with a bracketed argument list that is not a JSON array of strings, and the JSON it means; null when nothing is recognisably wrong.</summary>
    internal static (string What, string Fix)? Diagnose(string text)
    {
        // Text after a valid array is ignored by Docker (Go's json.Decoder), so only the array itself can be wrong.
        string singleToDouble = text.Replace('\'', '"');
        if (text.IndexOf('\'') >= 0 && text.IndexOf('"') < 0 && IsJsonArrayOfStrings(singleToDouble))
        {
            return ("JSON strings need double quotes", singleToDouble);
        }
        string withCommas = MissingComma.Replace(text, "\", \"");
        if (!ReferenceEquals(withCommas, text) && withCommas != text && IsJsonArrayOfStrings(withCommas))
        {
            return ("a comma is missing between the strings", withCommas);
        }
        return null;
    }

    private static readonly System.Text.RegularExpressions.Regex MissingComma = new("\"\\s+\"", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Starts with a JSON array of strings: [ "a", "b" ] (what Docker's exec form accepts).</summary>
    private static bool IsJsonArrayOfStrings(string text)
    {
        int i = 0;
        void Space()
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        }
        bool String()
        {
            if (i >= text.Length || text[i] != '"') return false;
            for (i++; i < text.Length; i++)
            {
                if (text[i] == '\\') i++;
                else if (text[i] == '"')
                {
                    i++;
                    return true;
                }
            }
            return false;
        }
        Space();
        if (i >= text.Length || text[i++] != '[') return false;
        Space();
        if (i < text.Length && text[i] == ']') return i + 1 == text.Length;
        while (true)
        {
            Space();
            if (!String()) return false;
            Space();
            if (i < text.Length && text[i] == ',') { i++; continue; }
            if (i < text.Length && text[i] == ']') { i++; break; }
            return false;
        }
        return true; // what follows the array is ignored, as by Docker
    }
}
