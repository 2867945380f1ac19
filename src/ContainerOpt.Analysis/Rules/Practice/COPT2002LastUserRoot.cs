using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3002: a stage whose last USER is root (<c>root</c>, <c>0</c>, <c>root:…</c>, <c>0:…</c>).
/// Like hadolint, every stage is checked on its own, at its last USER; a stage that never sets USER
/// is not reported. A USER given by a variable is checked when the variable's value is known.
/// The .NET SDK's container build: a ContainerUser that names root, reported at the property. That image has no
/// build stages (where most of DL3002's findings in Dockerfiles are harmless), so there it is a warning.
/// </summary>
public sealed class COPT2002LastUserRoot : DockerfileRule, IContainerPropertiesRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LastUserRoot;

    public override void Analyze(RuleContext context)
    {
        var stages = context.Model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            var last = LastUser(stage);
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

    private static StageInstruction? LastUser(Stage stage)
    {
        var instructions = stage.Instructions;
        for (int i = instructions.Count - 1; i >= 0; i--)
        {
            if (instructions[i].Syntax.Kind == InstructionKind.User)
            {
                return instructions[i];
            }
        }
        return null;
    }

    public void AnalyzeContainerProperties(ContainerPropertiesContext context)
    {
        if (context.Project.ContainerUser is not { } user || !IsRoot(user.Trim()))
        {
            return;
        }
        // .NET 8+ images define the user 'app' ($APP_UID), which the SDK runs as when ContainerUser is empty.
        string instead = context.DotNetBaseImage is { HasAppUser: true } dotnet
            ? $" although '{dotnet.Reference}' provides the non-root user 'app', which the SDK uses when ContainerUser is empty"
            : "";
        context.ReportAs(DiagnosticSeverity.Warning, RuleTier.Recommended, DiagnosticCatalog.SdkContainer.LastUserRoot,
            context.PropertyLocation("ContainerUser"), user.Trim(), instead);
    }

    internal static bool IsRoot(string user) =>
        user == "root" || user == "0" || user.StartsWith("root:", StringComparison.Ordinal) || user.StartsWith("0:", StringComparison.Ordinal);
}
