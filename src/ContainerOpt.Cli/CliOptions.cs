using System.CommandLine;
using System.CommandLine.Completions;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Cli;

/// <summary>The kinds of options the commands share: a choice among names, a repeatable rule name, a flag.</summary>
internal static class CliOptions
{
    /// <summary>
    /// An option whose value is one of <paramref name="choices"/> (any case; <see cref="Canonical"/> gives the name as
    /// listed): completed from them, shown as <c>a|b|c</c> in help, and any other value is a usage error.
    /// </summary>
    public static Option<string> Choice(string name, IReadOnlyList<string> choices, string? defaultValue, string description, params string[] aliases)
    {
        var option = new Option<string>(name, aliases) { Description = description, HelpName = string.Join("|", choices) };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }
        option.CompletionSources.Add(choices.ToArray());
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (Canonical(choices, token.Value) is null)
                {
                    result.AddError($"{name} must be one of: {string.Join(", ", choices)} (got '{token.Value}').");
                }
            }
        });
        return option;
    }

    /// <summary>The choice <paramref name="value"/> names, as the list spells it; null when it names none.</summary>
    public static string? Canonical(IReadOnlyList<string> choices, string? value) =>
        value is null ? null : choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>A single value (a path, a name).</summary>
    public static Option<string> Value(string name, string helpName, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, HelpName = helpName };

    /// <summary>A switch without a value.</summary>
    public static Option<bool> Flag(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };

    /// <summary>An option given once per value (<c>--x A --x B</c>; <c>--x A B</c> leaves B an operand, as hadolint reads it).</summary>
    public static Option<string[]> Repeated(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName, AllowMultipleArgumentsPerToken = false };

    /// <summary>
    /// A repeatable option naming a rule by any of its names (code, short name, hadolint or ShellCheck code, BuildKit
    /// check): completed from the catalogue; a name that names no rule is a usage error with the nearest one.
    /// </summary>
    public static Option<string[]> Rule(string name, string description)
    {
        var option = Repeated(name, "RULE", description);
        option.CompletionSources.Add(RuleNames);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!RuleKeys.NamesARule(token.Value.Trim()))
                {
                    string? nearest = RuleKeys.Nearest(token.Value.Trim());
                    result.AddError($"{name}: no rule is named '{token.Value}'." + (nearest is null ? "" : $" Did you mean '{nearest}'?"));
                }
            }
        });
        return option;
    }

    private static IEnumerable<string> RuleNames(CompletionContext context)
    {
        string typed = context.WordToComplete;
        return DiagnosticCatalog.All
            .SelectMany(d => new[] { d.Id, d.Name }.Concat(d.Equivalents))
            .Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n, StringComparer.Ordinal);
    }
}
