using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Engine;

/// <summary>
/// Turns bytes from disk into a <see cref="SourceText"/>, or into the coded tool diagnostic that
/// says why not (binary, too large). The callers (CLI, MSBuild task) do the I/O; this decides.
/// </summary>
public static class DockerfileInput
{
    /// <summary>Larger than any real Dockerfile; keeps a wrong path (an image, a log) from stalling a build.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    public static SourceText? Decode(byte[] bytes, string path, out Finding? problem) => Decode(bytes, bytes.Length, path, out problem);

    /// <summary>As <see cref="Decode(byte[], string, out Finding)"/> for the first <paramref name="count"/> bytes (a read buffer kept for the next file).</summary>
    public static SourceText? Decode(byte[] bytes, int count, string path, out Finding? problem) => Decode(bytes, count, path, out _, out problem);

    /// <summary>As <see cref="Decode(byte[], int, string, out Finding)"/>, and whether the bytes were valid UTF-8 (see <see cref="SourceText.From(byte[], int, string, out bool)"/>).</summary>
    public static SourceText? Decode(byte[] bytes, int count, string path, out bool wasValidUtf8, out Finding? problem)
    {
        problem = null;
        wasValidUtf8 = false;
        if (count > MaxBytes)
        {
            problem = FileProblem(DiagnosticCatalog.FileTooLarge, path, path, (long)count, MaxBytes);
            return null;
        }
        // Array.IndexOf is vectorised: a byte-by-byte loop was a tenth of reading a file.
        int nul = Array.IndexOf(bytes, (byte)0, 0, Math.Min(count, 8192));
        if (nul >= 0)
        {
            problem = FileProblem(DiagnosticCatalog.BinaryFile, path, path, nul);
            return null;
        }
        return SourceText.From(bytes, count, path, out wasValidUtf8);
    }

    /// <summary>A finding about a whole file, placed at its first character (1,1).</summary>
    public static Finding FileProblem(DiagnosticDescriptor descriptor, string path, params object?[] args) =>
        new(descriptor, descriptor.DefaultSeverity, descriptor.FormatMessage(args), path,
            new LinePositionSpan(new LinePosition(1, 1), new LinePosition(1, 1)), default);
}
