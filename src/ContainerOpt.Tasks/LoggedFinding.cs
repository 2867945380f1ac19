using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Tasks;

/// <summary>A finding reduced to what MSBuild logs; also what the cache file stores.</summary>
internal sealed class LoggedFinding
{
    public LoggedFinding(string code, DiagnosticSeverity severity, string message, string file, int line, int column, int endLine, int endColumn, string helpLink,
        IReadOnlyList<string>? equivalents = null, IReadOnlyList<LinePositionSpan>? additionalLocations = null, string? fingerprint = null, CodeFix? fix = null)
    {
        Fix = fix;
        Equivalents = equivalents ?? Array.Empty<string>();
        AdditionalLocations = additionalLocations ?? Array.Empty<LinePositionSpan>();
        Fingerprint = fingerprint;
        Code = code;
        Severity = severity;
        Message = message;
        File = file;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        HelpLink = helpLink;
    }

    public string Code { get; }
    public DiagnosticSeverity Severity { get; }
    public string Message { get; }
    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public int EndLine { get; }
    public int EndColumn { get; }
    public string HelpLink { get; }

    /// <summary>The finding's other names (DL3008, SC2086): NoWarn and WarningsAsErrors take them as well as the code.</summary>
    public IReadOnlyList<string> Equivalents { get; }

    /// <summary>The other places the finding stands for (the SARIF error log lists them as related locations).</summary>
    public IReadOnlyList<LinePositionSpan> AdditionalLocations { get; }

    /// <summary>The finding's fingerprint (<see cref="Finding.Fingerprint"/>), kept in the cache so a no-op build's error log is the same.</summary>
    public string? Fingerprint { get; }

    /// <summary>The rule's fix for this finding alone (<see cref="Finding.Fix"/>), kept only when the SARIF error log is asked for.</summary>
    public CodeFix? Fix { get; }

    /// <summary>
    /// True when a NoWarn/WarningsAsErrors list names this finding: its code, its rule's short name (apt-pin-versions) or
    /// one of its equivalents (DL3008, SC2086, BuildKit's check name).
    /// </summary>
    public bool IsNamedIn(ISet<string> codes) =>
        codes.Contains(Code) || Equivalents.Any(codes.Contains) || (DiagnosticCatalog.ForCode(Code) is { } rule && codes.Contains(rule.Name));

    public static LoggedFinding From(Finding f, string defaultFile) =>
        new(f.Code, f.Severity, f.Message, f.FilePath ?? defaultFile, f.Location.Start.Line, f.Location.Start.Column,
            f.Location.End.Line, f.Location.End.Column, f.Descriptor.HelpUri, f.Equivalents, f.AdditionalLocations, f.Fingerprint, f.Fix);

    public LoggedFinding WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new(Code, severity, Message, File, Line, Column, EndLine, EndColumn, HelpLink, Equivalents, AdditionalLocations, Fingerprint, Fix);

    /// <summary>The finding again, for the reports of ContainerOpt.Analysis.Reporting (the SARIF error log).</summary>
    public Finding ToFinding()
    {
        var descriptor = DiagnosticCatalog.ForCode(Code)
            ?? new DiagnosticDescriptor(Code, Code.ToLowerInvariant(), Code, "{0}", Severity, DiagnosticCategories.Tool);
        var location = new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn));
        return new Finding(descriptor, Severity, Message, File, location, default, Equivalents, additionalLocations: AdditionalLocations, fingerprint: Fingerprint, fix: Fix);
    }
}
