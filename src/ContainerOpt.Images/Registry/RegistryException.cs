using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// A registry problem the caller reports as a coded diagnostic (COPT0040–COPT0048): unreachable, access refused, image
/// not found, a corrupt blob, HTTPS needed, a failed credential helper, an unreadable media type. The message is the
/// formatted diagnostic message and never holds a secret.
/// </summary>
public sealed class RegistryException : Exception
{
    public RegistryException(DiagnosticDescriptor descriptor, string message, Exception? inner = null)
        : base(message, inner)
    {
        Descriptor = descriptor;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Code => Descriptor.Id;

    public static RegistryException Create(DiagnosticDescriptor descriptor, params object?[] args) =>
        new(descriptor, descriptor.FormatMessage(args));

    public static RegistryException Create(Exception inner, DiagnosticDescriptor descriptor, params object?[] args) =>
        new(descriptor, descriptor.FormatMessage(args), inner);

    public override string ToString() => $"{Code}: {Message}";
}
