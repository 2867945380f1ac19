namespace ContainerOpt.Core.Diagnostics;

/// <summary>
/// Another wording of a descriptor's message, for the same finding found in another place: a rule that checks a
/// Dockerfile also checks the .NET SDK's container properties (<c>ContainerBaseImage</c>, <c>ContainerUser</c>,
/// <c>ContainerPort</c>), where its finding must name the property rather than the instruction. Same code, so the
/// same NoWarn, .editorconfig entry or configuration silences both.
/// </summary>
public sealed class DiagnosticMessage
{
    public DiagnosticMessage(DiagnosticDescriptor descriptor, string messageFormat)
    {
        Descriptor = descriptor;
        MessageFormat = messageFormat;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>A <see cref="string.Format(string, object[])"/> format; arguments come from the finding.</summary>
    public string MessageFormat { get; }

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);

    public override string ToString() => Descriptor.Id + " " + MessageFormat;
}
