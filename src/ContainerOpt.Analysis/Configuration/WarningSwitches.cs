using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// MSBuild's <c>NoWarn</c>, <c>WarningsAsErrors</c> and <c>WarningsNotAsErrors</c> (the compiler's <c>/nowarn</c>,
/// <c>/warnaserror+:</c> and <c>/warnaserror-:</c>), as far as they decide whether .editorconfig and .globalconfig settings
/// apply to a finding. As in the compiler, a rule that <c>NoWarn</c> or <c>WarningsAsErrors</c> names takes no severity
/// from those files (so <c>NoWarn</c> still silences it and <c>WarningsAsErrors</c> still makes its warning an error), and
/// one that <c>WarningsNotAsErrors</c> names is not made an error from a warning by them. The switches themselves are
/// applied where findings are logged, after the analysis.
/// </summary>
public sealed class WarningSwitches
{
    public static WarningSwitches None { get; } = new(null, null, null);

    private readonly string[] _specified;
    private readonly string[] _notAsErrors;

    /// <summary>Each list as MSBuild gives it: names separated by ';', ',' or blanks; any of a rule's names.</summary>
    public WarningSwitches(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors)
    {
        _specified = Names(noWarn).Concat(Names(warningsAsErrors)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _notAsErrors = Names(warningsNotAsErrors);
    }

    public bool IsEmpty => _specified.Length == 0 && _notAsErrors.Length == 0;

    /// <summary>NoWarn or WarningsAsErrors names the finding: the files' settings do not apply to it.</summary>
    public bool Specifies(Finding finding) => _specified.Any(finding.IsNamedBy);

    /// <summary>WarningsNotAsErrors names the finding: the files' settings do not make its warning an error.</summary>
    public bool KeepsWarning(Finding finding) => _notAsErrors.Any(finding.IsNamedBy);

    /// <summary>The switches in a stable text, for the cache key.</summary>
    public string Describe() => string.Join(";", _specified.OrderBy(n => n, StringComparer.OrdinalIgnoreCase)) + "|" +
        string.Join(";", _notAsErrors.OrderBy(n => n, StringComparer.OrdinalIgnoreCase));

    /// <summary>The names of a NoWarn-style list: separated by ';', ',' or blanks, each once (case-insensitive).</summary>
    public static string[] Names(string? list) =>
        (list ?? "").Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}
