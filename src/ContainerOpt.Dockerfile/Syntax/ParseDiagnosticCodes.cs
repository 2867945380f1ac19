namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// Codes and messages of the syntax errors, in one place. Rules (COPT1100 and up) live in
/// ContainerOpt.Analysis; these are the parser's own.
/// </summary>
public static class ParseDiagnosticCodes
{
    /// <summary>Malformed instruction arguments (ENV without a value, a JSON array of non-strings, ...).</summary>
    public const string SyntaxError = "COPT1000";
    public const string UnknownInstruction = "COPT1001";
    public const string UnterminatedHeredoc = "COPT1002";
    public const string InvalidFlag = "COPT1003";
    public const string MissingFrom = "COPT1004";
    public const string InstructionBeforeFrom = "COPT1005";
    public const string EmptyFile = "COPT1006";
    public const string InvalidDirective = "COPT1007";
    public const string MissingArguments = "COPT1008";
    public const string InvalidHeredoc = "COPT1009";

    internal static string UnknownInstructionMessage(string keyword, string? suggestion) =>
        suggestion is null
            ? $"Unknown instruction '{keyword}'. Use one of FROM, RUN, COPY, ADD, ENV, ARG, WORKDIR, USER, EXPOSE, CMD, ENTRYPOINT, LABEL, VOLUME, SHELL, HEALTHCHECK, STOPSIGNAL, ONBUILD."
            : $"Unknown instruction '{keyword}' (did you mean '{suggestion}'?).";

    internal const string UnterminatedHeredocMessage = "Unterminated heredoc '{0}': no line consisting of '{0}' follows. End the body with a line holding only the terminator.";
    internal const string EmptyFileMessage = "The Dockerfile has no instructions. Start it with FROM (optionally preceded by ARG).";
    internal const string NotStringArrayMessage = "When using JSON array syntax, arrays must be comprised of strings only. Quote every element: [\"executable\", \"arg\"].";
    internal const string NameValueMessage = "{0} must have two arguments: use {0} KEY=value.";
    internal const string MissingEqualsMessage = "Syntax error - can't find = in \"{0}\". Must be of the form: name=value.";
    internal const string DuplicateDirectiveMessage = "Only one '{0}' parser directive can be used. Remove the duplicate.";
    internal const string InvalidEscapeMessage = "Invalid escape token '{0}': it must be ` or \\.";
}
