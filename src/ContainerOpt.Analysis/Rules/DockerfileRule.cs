using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules;

/// <summary>
/// A rule: a descriptor and a check over the analysed file. Rules do no I/O; everything they may
/// look at (syntax, model, shell scripts, .dockerignore, the .NET project) is in the context.
/// One rule per file, named <c>COPTnnnnRuleName.cs</c>, in the folder of its category.
/// </summary>
public abstract class DockerfileRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>
    /// Ids of rules this one stands in for when both fire on the same line (a BuildKit check and
    /// the hadolint rule for the same mistake): their findings are dropped and their equivalents
    /// are merged into this rule's finding, so users see one diagnostic that either name suppresses.
    /// </summary>
    public virtual IReadOnlyList<string> Supersedes => Array.Empty<string>();

    public abstract void Analyze(RuleContext context);

    public override string ToString() => Descriptor.ToString();
}
