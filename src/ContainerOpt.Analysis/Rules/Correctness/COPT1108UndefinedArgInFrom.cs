using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's UndefinedArgInFrom: FROM (its image or its <c>--platform</c>) uses a variable that no ARG
/// before the first FROM declares and BuildKit does not predefine. Suggests the nearest declared name.
/// </summary>
public sealed class COPT1108UndefinedArgInFrom : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UndefinedArgInFrom;

    /// <summary>An undeclared ARG also leaves the image name empty: one finding says both (BuildKit reports the two checks).</summary>
    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT1115" };

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        if (!model.Stages.Any(s => HasVariable(s.BaseToken?.Value) || HasVariable(s.From.Syntax.FindFlag("platform")?.Value)))
        {
            return; // no FROM reads a variable: nothing to check, so no list of declared names to build
        }
        var declared = new List<string>();
        foreach (var arg in model.GlobalArgs)
        {
            foreach (var word in arg.Syntax.Arguments)
            {
                int eq = word.Value.IndexOf('=');
                declared.Add(eq < 0 ? word.Value : word.Value.Substring(0, eq));
            }
        }
        declared.AddRange(BuildKitSemantics.DefaultArgNames);
        declared.AddRange(model.GlobalScope.ToDictionary().Keys);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var options = declared.Where(known.Add).ToList(); // distinct, in declaration order

        var lex = new ShellLex(model.Syntax.EscapeToken);
        foreach (var stage in model.Stages)
        {
            var from = stage.From.Syntax;
            if (stage.BaseToken is not null)
            {
                Check(context, lex, stage.BaseToken.Value, stage.BaseToken.Span, known, options);
            }
            var platform = from.FindFlag("platform");
            if (platform?.Value is not null)
            {
                Check(context, lex, platform.Value, platform.Span, known, options);
            }
        }
    }

    private static bool HasVariable(string? word) => word is not null && word.IndexOf('$') >= 0;

    private static void Check(RuleContext context, ShellLex lex, string word, TextSpan span, HashSet<string> known, List<string> options)
    {
        var result = lex.ProcessWord(word, context.Model.GlobalScope);
        foreach (var name in result.Unmatched)
        {
            if (known.Contains(name))
            {
                continue;
            }
            string? suggestion = EditDistance.BuildKitSuggestion(name, options);
            string detail = $"FROM argument '{name}' is not declared" + EditDistance.DidYouMean(suggestion);
            string alternative = suggestion is null ? "" : $", or use {suggestion}";
            context.Report(BuildKitSemantics.FindVariable(context.Source, span, name), detail, name, alternative);
        }
    }
}
