using System.Text.RegularExpressions;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Whether a key names a rule, wherever a user names one (configuration files, the CLI's <c>--ignore</c> and
/// <c>--error</c>…): its code (COPT2008), short name (apt-get-pin-versions), hadolint code (DL3008) or BuildKit check
/// (StageNameCasing), in any case, through the catalogue's one lookup. ShellCheck codes (SC2086) count as rule keys:
/// hadolint configurations carry them and ShellCheck's findings answer to them.
/// </summary>
public static class RuleKeys
{
    private static readonly Regex ShellCheckCode = new(@"^SC[0-9]{4}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Lazy<string[]> All = new(() =>
        DiagnosticCatalog.All.SelectMany(d => new[] { d.Id, d.Name }.Concat(d.Equivalents)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray());

    /// <summary>True when <paramref name="key"/> names a rule (or is a ShellCheck code).</summary>
    public static bool NamesARule(string key) =>
        key.Length > 0 && (DiagnosticCatalog.Find(key) is not null || ShellCheckCode.IsMatch(key));

    /// <summary>The rule key nearest to a misspelt one, or null when none is close.</summary>
    public static string? Nearest(string key) => EditDistance.Nearest(key, All.Value);
}
