using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3066: USER with a user name instead of a numeric UID (the group part after ':' is not
/// checked). A variable is checked when its value is known; <c>USER $APP_UID</c> with the value set
/// by the base image is left alone. ONBUILD USER is checked too.
/// </summary>
public sealed class COPT2066UserNonNumeric : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UserNonNumeric;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax.Effective;
            if (syntax.Kind != InstructionKind.User || syntax.Arguments.Count == 0)
            {
                continue;
            }
            var token = syntax.Arguments[0];
            string? user = InstructionFacts.Resolve(context.Model, instruction, token.Value);
            if (user is null)
            {
                continue;
            }
            int colon = user.IndexOf(':');
            string uid = colon < 0 ? user : user.Substring(0, colon);
            if (!IsNumber(uid))
            {
                context.Report(token.Span, user);
            }
        }
    }

    /// <summary>True when every character is a digit (true for "", as LINQ's All said).</summary>
    private static bool IsNumber(string uid)
    {
        foreach (char c in uid)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
