using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's InvalidDefinitionDescription (experimental, off by default): the comment right above
/// an ARG or a named FROM is a description (shown by <c>docker buildx build --call=outline</c>) and
/// must start with the argument or stage name. An empty line or an empty <c>#</c> line in between
/// makes it an ordinary comment. Enable with <c># check=experimental=InvalidDefinitionDescription</c>.
/// </summary>
public sealed class COPT1120InvalidDefinitionDescription : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.InvalidDefinitionDescription;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Syntax.Instructions)
        {
            var comments = instruction.PrecedingComments;
            if (comments.Count == 0)
            {
                continue;
            }
            var keys = new List<string>();
            SyntaxToken? at = null;
            string kind;
            if (instruction.Kind == InstructionKind.Arg)
            {
                kind = "ARG";
                foreach (var word in instruction.Arguments)
                {
                    int eq = word.Value.IndexOf('=');
                    string key = eq < 0 ? word.Value : word.Value.Substring(0, eq);
                    keys.Add(key);
                    at ??= new SyntaxToken(key, BuildKitSemantics.ArgNameSpan(word, key));
                }
            }
            else if (instruction.Kind == InstructionKind.From && instruction.Arguments.Count == 3
                && string.Equals(instruction.Arguments[1].Value, "as", StringComparison.OrdinalIgnoreCase))
            {
                kind = "FROM";
                at = instruction.Arguments[2];
                keys.Add(at.Value.ToLowerInvariant());
            }
            else
            {
                continue;
            }
            if (keys.Count == 0 || at is null)
            {
                continue;
            }
            string first = comments[comments.Count - 1].Split(' ')[0];
            if (keys.Contains(first))
            {
                continue;
            }
            string example = keys.Count == 1 ? keys[0] : "<arg_key>";
            string start = keys.Count == 1 ? "'" + keys[0] + "'" : "one of " + string.Join(", ", keys.Select(k => "'" + k + "'"));
            context.Report(at.Span, kind, example, start);
        }
    }
}
