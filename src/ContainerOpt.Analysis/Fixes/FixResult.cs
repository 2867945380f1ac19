namespace ContainerOpt.Analysis.Fixes;

/// <summary>Which findings a fix run fixes.</summary>
public sealed class FixSelection
{
    public static FixSelection Default { get; } = new(Array.Empty<string>());

    /// <param name="rules">Codes, names or equivalents (COPT2015, apt-get-no-install-recommends, DL3015); empty: every finding the mode shows.</param>
    public FixSelection(IReadOnlyList<string> rules)
    {
        Rules = rules;
    }

    public IReadOnlyList<string> Rules { get; }

    /// <summary>
    /// With rules named: their findings, whatever their severity in the mode (suggestions too). Without: the findings the
    /// mode shows (info, warning, error), as <c>dotnet format</c> fixes what the build reports.
    /// </summary>
    public bool Selects(Finding finding) =>
        Rules.Count == 0 ? finding.Severity >= DiagnosticSeverity.Info : Rules.Any(finding.IsNamedBy);
}

/// <summary>A fix the engine made: the rule, what it did, and the line of the original file it did it at.</summary>
public sealed class AppliedFix
{
    internal AppliedFix(Finding finding, string title, int line, int pass)
    {
        Finding = finding;
        Title = title;
        Line = line;
        Pass = pass;
    }

    /// <summary>The finding as reported in the pass that fixed it.</summary>
    public Finding Finding { get; }
    public string Code => Finding.Code;
    public string Title { get; }

    /// <summary>The finding's line in the original file.</summary>
    public int Line { get; }

    /// <summary>The pass (1-based) that made it: a fix that collided with another waits for the next pass.</summary>
    public int Pass { get; }

    public override string ToString() => $"{Code} line {Line}: {Title}";
}

/// <summary>Why a selected finding is still there after fixing.</summary>
public enum LeftReason
{
    /// <summary>The rule has no fixer.</summary>
    NoFixer,

    /// <summary>The fixer found no edit that keeps what the image does (a shell feature, an unknown WORKDIR ...).</summary>
    NoSafeFix,

    /// <summary>The fix would have made the file fail to parse or brought a new error: not applied.</summary>
    Rejected,

    /// <summary>The passes ran out while the fix waited behind overlapping ones.</summary>
    PassesExhausted,
}

/// <summary>A selected finding still in the fixed text, at its line there.</summary>
public sealed class LeftFinding
{
    internal LeftFinding(Finding finding, LeftReason reason)
    {
        Finding = finding;
        Reason = reason;
    }

    public Finding Finding { get; }
    public LeftReason Reason { get; }
    public string Code => Finding.Code;
    public int Line => Finding.Location.Start.Line;

    public string ReasonText => Reason switch
    {
        LeftReason.NoFixer => "no automatic fix",
        LeftReason.NoSafeFix => "no safe fix here",
        LeftReason.Rejected => "the fix would break the file",
        _ => "left after the last pass",
    };

    public override string ToString() => $"{Code} line {Line}: {ReasonText}";
}

/// <summary>What fixing one file did: its text before and after, the fixes made, the findings left.</summary>
public sealed class FixResult
{
    internal FixResult(string? path, string originalText, string fixedText, IReadOnlyList<AppliedFix> @fixed, IReadOnlyList<LeftFinding> left,
        IReadOnlyList<Finding> remaining, Finding? notFixed, int passes)
    {
        Path = path;
        OriginalText = originalText;
        FixedText = fixedText;
        Fixed = @fixed;
        Left = left;
        Remaining = remaining;
        NotFixed = notFixed;
        Passes = passes;
    }

    public string? Path { get; }
    public string OriginalText { get; }
    public string FixedText { get; }
    public bool Changed => !string.Equals(OriginalText, FixedText, StringComparison.Ordinal);

    /// <summary>The fixes made, in the order they were made.</summary>
    public IReadOnlyList<AppliedFix> Fixed { get; }

    /// <summary>The selected findings of the fixed text that are still there, by line.</summary>
    public IReadOnlyList<LeftFinding> Left { get; }

    /// <summary>Every finding of the fixed text (selected or not), as a lint of it reports them.</summary>
    public IReadOnlyList<Finding> Remaining { get; }

    /// <summary>Why the file was left untouched (COPT0030: it does not parse), or null.</summary>
    public Finding? NotFixed { get; }

    /// <summary>How many passes of analysing and fixing ran.</summary>
    public int Passes { get; }
}
