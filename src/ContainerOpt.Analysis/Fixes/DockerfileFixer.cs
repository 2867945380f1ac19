namespace ContainerOpt.Analysis.Fixes;

/// <summary>
/// A rule's fixer (Roslyn's <c>CodeFixProvider</c>): from one finding of its rule and the file's facts, the edits that make
/// the finding go away while the image does what it did (or what the project says it must). It lives beside its rule,
/// <c>COPTnnnnRuleName.Fixer.cs</c>, reads facts and the finding's properties, and does no I/O. Declining (null) is always
/// safe: the finding is then reported as left.
/// </summary>
public abstract class DockerfileFixer
{
    /// <summary>The rule whose findings this fixes.</summary>
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>The fix for <see cref="FixContext.Finding"/>, with edits on the text it was found in; null when there is no safe one.</summary>
    public abstract CodeFix? Fix(FixContext context);

    public override string ToString() => "fixer of " + Descriptor;
}
