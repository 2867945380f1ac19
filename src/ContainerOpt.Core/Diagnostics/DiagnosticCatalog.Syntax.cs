using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- COPT10xx: the parser's errors (src/ContainerOpt.Dockerfile, ParseDiagnosticCodes); the parser writes the message.

    public static readonly DiagnosticDescriptor SyntaxError = new(ParseDiagnosticCodes.SyntaxError, "syntax-error", "Syntax error", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax);

    public static readonly DiagnosticDescriptor UnknownInstruction = new(ParseDiagnosticCodes.UnknownInstruction, "unknown-instruction", "Unknown instruction", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax);

    public static readonly DiagnosticDescriptor UnterminatedHeredoc = new(ParseDiagnosticCodes.UnterminatedHeredoc, "unterminated-heredoc", "Unterminated heredoc", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax);

    public static readonly DiagnosticDescriptor InvalidFlag = new(ParseDiagnosticCodes.InvalidFlag, "invalid-flag", "Invalid instruction flag", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax);

    public static readonly DiagnosticDescriptor MissingFrom = new(ParseDiagnosticCodes.MissingFrom, "missing-from", "No FROM instruction", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax, new[] { "DL3061" });

    public static readonly DiagnosticDescriptor InstructionBeforeFrom = new(ParseDiagnosticCodes.InstructionBeforeFrom, "instruction-before-from", "Instruction before FROM", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax, new[] { "DL3061" });

    public static readonly DiagnosticDescriptor EmptyFile = new(ParseDiagnosticCodes.EmptyFile, "empty-file", "Empty Dockerfile", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax);

    public static readonly DiagnosticDescriptor InvalidDirective = new(ParseDiagnosticCodes.InvalidDirective, "invalid-directive", "Invalid parser directive", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax);

    public static readonly DiagnosticDescriptor MissingArguments = new(ParseDiagnosticCodes.MissingArguments, "invalid-arguments", "Invalid instruction arguments", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax);

    public static readonly DiagnosticDescriptor InvalidHeredoc = new(ParseDiagnosticCodes.InvalidHeredoc, "invalid-heredoc", "Invalid heredoc", "{0}", DiagnosticSeverity.Error, DiagnosticCategories.Syntax);
}
