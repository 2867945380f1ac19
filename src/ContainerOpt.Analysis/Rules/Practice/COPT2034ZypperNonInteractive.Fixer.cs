using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Adds zypper's global <c>--non-interactive</c> after the program name (every prompt then takes its default answer).</summary>
public sealed class COPT2034ZypperNonInteractiveFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ZypperNonInteractive;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.FlagAfterVerb(context, "--non-interactive", (at, call) => call is { Manager: "zypper" } ? at.Command.NameWord : null);
}
