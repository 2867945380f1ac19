using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

public enum ParseSeverity
{
    Error,
    Warning,
}

/// <summary>A problem found while parsing: a value with a code and a position, never an exception.</summary>
public sealed class ParseDiagnostic
{
    public ParseDiagnostic(string code, ParseSeverity severity, string message, TextSpan span, bool failsBuildKitParse)
    {
        Code = code;
        Severity = severity;
        Message = message;
        Span = span;
        FailsBuildKitParse = failsBuildKitParse;
    }

    /// <summary>A COPT1xxx code from <see cref="ParseDiagnosticCodes"/>.</summary>
    public string Code { get; }
    public ParseSeverity Severity { get; }
    public string Message { get; }
    public TextSpan Span { get; }

    /// <summary>True when BuildKit's parser itself rejects the file for this (its AST dump fails).</summary>
    public bool FailsBuildKitParse { get; }

    public override string ToString() => $"{Code}: {Message}";
}
