namespace ContainerOpt.Analysis.ShellCheck;

/// <summary>
/// The severity and tier of a ShellCheck finding, from ShellCheck's level and code.
/// <list type="bullet">
/// <item>Severity: ShellCheck's <c>error</c> is an Error only where the RUN certainly fails — a shell syntax
/// error in a script ShellCheck could not parse (<see cref="IsCertainSyntaxError"/>): the shell exits 2 before
/// running anything and the build stops (tests/ContainerOpt.Analysis.Tests/ShellCheck/ShellSyntaxErrorEngineTests.cs
/// shows it on the real engine). Every other <c>error</c> is a Warning. <c>warning</c> is a Warning, <c>info</c> an
/// Info, <c>style</c> a Style. In hadolint mode every level maps directly (error is an Error), as hadolint reports them.</item>
/// <item>Tier: bugs warn in recommended — ShellCheck's <c>error</c> level, the portability codes (a feature the
/// stage's shell lacks: SC3xxx since ShellCheck 0.7.2, SC2039/SC2169/SC2040 before) and the warnings of ShellCheck's
/// parser (SC1xxx: syntax that does not do what it seems, <c>a= b</c>, a literal <c>{</c>); certain syntax errors are
/// minimum tier (they fail the build); the rest (quoting, style, advice) is tier All: a suggestion in recommended.</item>
/// </list>
/// </summary>
public static class ShellCheckSeverities
{
    /// <summary>ShellCheck's codes for "this script could not be parsed" (it stops there and reports nothing else).</summary>
    private static readonly int[] ParseFailureCodes = { 1072, 1089 };

    /// <summary>
    /// Here-document problems: a parse failure bash and dash forgive (a here-document that runs to the end of the
    /// script is read to there, with a warning), so it is no certain failure.
    /// </summary>
    private static bool IsHeredocCode(int code) => code is >= 1039 and <= 1044 or >= 1118 and <= 1122;

    /// <summary>Portability: the shell in force lacks the feature (a bashism under /bin/sh, dash or ash).</summary>
    public static bool IsPortability(int code) => code is >= 3000 and <= 3999 or 2039 or 2040 or 2169;

    /// <summary>
    /// True when the findings of one script show a syntax error the shell certainly rejects: ShellCheck could not
    /// parse the script (SC1072 or SC1089), and not because of what a shell is more lenient about — an
    /// unterminated here-document (bash and dash read to the end of the script), or <c>[[</c>/<c>((</c> under a
    /// POSIX sh, which ShellCheck parses as bash's keywords but dash runs as commands.
    /// </summary>
    public static bool IsCertainSyntaxError(IEnumerable<int> codes, string script, ShellCheckDialect dialect)
    {
        bool failed = false;
        foreach (int code in codes)
        {
            if (IsHeredocCode(code))
            {
                return false;
            }
            failed |= Array.IndexOf(ParseFailureCodes, code) >= 0;
        }
        if (!failed)
        {
            return false;
        }
        return dialect is ShellCheckDialect.Bash or ShellCheckDialect.Ksh || !HasBashKeywords(script);
    }

    /// <summary>The severity and tier of one finding.</summary>
    public static (DiagnosticSeverity Severity, RuleTier Tier) Classify(string level, int code, bool certainSyntaxError, AnalysisMode mode)
    {
        bool error = string.Equals(level, "error", StringComparison.OrdinalIgnoreCase);
        var byLevel = error ? DiagnosticSeverity.Error
            : string.Equals(level, "warning", StringComparison.OrdinalIgnoreCase) ? DiagnosticSeverity.Warning
            : string.Equals(level, "info", StringComparison.OrdinalIgnoreCase) ? DiagnosticSeverity.Info
            : DiagnosticSeverity.Style;
        bool certain = error && certainSyntaxError && code is >= 1000 and <= 1999;
        var tier = certain ? RuleTier.Minimum
            : error || IsPortability(code) || code is >= 1000 and <= 1999 && byLevel == DiagnosticSeverity.Warning ? RuleTier.Recommended
            : RuleTier.All;
        if (mode == AnalysisMode.Hadolint)
        {
            // hadolint reports ShellCheck's level as it is (error, warning, info, style).
            return (byLevel, tier);
        }
        return (error && !certain ? DiagnosticSeverity.Warning : byLevel, tier);
    }

    private static bool HasBashKeywords(string script)
    {
        if (script.IndexOf("[[", StringComparison.Ordinal) >= 0)
        {
            return true;
        }
        for (int i = script.IndexOf("((", StringComparison.Ordinal); i >= 0; i = script.IndexOf("((", i + 2, StringComparison.Ordinal))
        {
            if (i == 0 || script[i - 1] != '$')
            {
                return true;
            }
        }
        return false;
    }
}
