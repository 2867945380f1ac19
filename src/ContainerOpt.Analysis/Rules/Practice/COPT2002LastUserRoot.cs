using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3002: a stage whose last USER is root (<c>root</c>, <c>0</c>, <c>root:…</c>, <c>0:…</c>).
/// Like hadolint, every stage is checked on its own, at its last USER; a stage that never sets USER
/// is not reported. A USER given by a variable is checked when the variable's value is known.
/// </summary>
public sealed class COPT2002LastUserRoot : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LastUserRoot;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var last = InstructionFacts.OfKind(stage, InstructionKind.User).LastOrDefault();
            if (last is null || last.Syntax.Arguments.Count == 0)
            {
                continue;
            }
            var token = last.Syntax.Arguments[0];
            string? user = InstructionFacts.Resolve(context.Model, last, token.Value);
            if (user is not null && IsRoot(user))
            {
                context.Report(token.Span, stage.DisplayName, user);
            }
        }
    }

    internal static bool IsRoot(string user) =>
        user == "root" || user == "0" || user.StartsWith("root:", StringComparison.Ordinal) || user.StartsWith("0:", StringComparison.Ordinal);
}
