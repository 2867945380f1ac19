using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Tasks;

/// <summary>A finding reduced to what MSBuild logs; also what the cache file stores.</summary>
internal sealed class LoggedFinding
{
    public LoggedFinding(string code, DiagnosticSeverity severity, string message, string file, int line, int column, int endLine, int endColumn, string helpLink,
        IReadOnlyList<string>? equivalents = null)
    {
        Equivalents = equivalents ?? Array.Empty<string>();
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

    /// <summary>
    /// True when a NoWarn/WarningsAsErrors list names this finding: its code, its rule's short name (apt-pin-versions) or
    /// one of its equivalents (DL3008, SC2086, BuildKit's check name).
    /// </summary>
    public bool IsNamedIn(ISet<string> codes) =>
        codes.Contains(Code) || Equivalents.Any(codes.Contains) || (DiagnosticCatalog.ForCode(Code) is { } rule && codes.Contains(rule.Name));

    public static LoggedFinding From(Finding f, string defaultFile) =>
        new(f.Code, f.Severity, f.Message, f.FilePath ?? defaultFile, f.Location.Start.Line, f.Location.Start.Column,
            f.Location.End.Line, f.Location.End.Column, f.Descriptor.HelpUri, f.Equivalents);
}
