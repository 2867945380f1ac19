using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// A builder problem the caller reports as a coded diagnostic: no builder (COPT0011), the engine not
/// answering (COPT0012), a timeout (COPT0013), a failed build without a Dockerfile position (COPT0014),
/// an image that cannot be saved or read (COPT0015). The message is the formatted diagnostic message.
/// </summary>
public sealed class ImageBuilderException : Exception
{
    public ImageBuilderException(DiagnosticDescriptor descriptor, string message, Exception? inner = null)
        : base(message, inner)
    {
        Descriptor = descriptor;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Code => Descriptor.Id;

    public static ImageBuilderException Create(DiagnosticDescriptor descriptor, params object?[] args) =>
        new(descriptor, descriptor.FormatMessage(args));

    public static ImageBuilderException Create(Exception inner, DiagnosticDescriptor descriptor, params object?[] args) =>
        new(descriptor, descriptor.FormatMessage(args), inner);

    public override string ToString() => $"{Code}: {Message}";
}
