using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.Dockerfile.Semantics;
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
        var stages = model.Stages;
        List<string>? options = null; // the names a suggestion may pick, built only for a finding
        for (int i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (stage.BaseToken is { } baseToken && HasVariable(baseToken.Value))
            {
                Check(context, baseToken.Value, baseToken.Span, ref options);
            }
            var platform = stage.From.Syntax.FindFlag("platform");
            if (HasVariable(platform?.Value))
            {
                Check(context, platform!.Value!, platform.Span, ref options);
            }
        }
    }

    // A word without '$' expands to itself and reads no variable: nothing to check.
    private static bool HasVariable(string? word) => word is not null && word.IndexOf('$') >= 0;

    private static void Check(RuleContext context, string word, TextSpan span, ref List<string>? options)
    {
        var result = context.Model.Expand(context.Model.GlobalScope, word);
        foreach (var name in result.Unmatched)
        {
            if (IsDeclared(context.Model, name))
            {
                continue;
            }
            string? suggestion = EditDistance.BuildKitSuggestion(name, options ??= DeclaredNames(context.Model));
            string detail = $"FROM argument '{name}' is not declared" + EditDistance.DidYouMean(suggestion);
            string alternative = suggestion is null ? "" : $", or use {suggestion}";
            context.Report(BuildKitSemantics.FindVariable(context.Source, span, name), detail, name, alternative);
        }
    }

    /// <summary>True when a global ARG declares the name, BuildKit predefines it, or the global scope holds it.</summary>
    private static bool IsDeclared(DockerfileModel model, string name)
    {
        var globalArgs = model.GlobalArgs;
        for (int i = 0; i < globalArgs.Count; i++)
        {
            var arguments = globalArgs[i].Syntax.Arguments;
            for (int j = 0; j < arguments.Count; j++)
            {
                string value = arguments[j].Value;
                int eq = value.IndexOf('=');
                int length = eq < 0 ? value.Length : eq;
                if (length == name.Length && string.CompareOrdinal(value, 0, name, 0, length) == 0)
                {
                    return true;
                }
            }
        }
        var defaults = BuildKitSemantics.DefaultArgNames;
        for (int i = 0; i < defaults.Count; i++)
        {
            if (defaults[i] == name)
            {
                return true;
            }
        }
        return model.GlobalScope.ToDictionary().ContainsKey(name);
    }

    /// <summary>The declared names, distinct, in declaration order: global ARGs, BuildKit's predefined ones, the global scope's.</summary>
    private static List<string> DeclaredNames(DockerfileModel model)
    {
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
        return declared.Where(known.Add).ToList();
    }
}
