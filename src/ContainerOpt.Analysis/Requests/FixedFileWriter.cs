using System.Text;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.IO;

namespace ContainerOpt.Analysis.Requests;

/// <summary>
/// Writes a fixed Dockerfile over the original, for every adapter (CLI, MSBuild task): atomically, keeping its byte order
/// mark, and only while the file still holds exactly the text that was fixed (not changed in between, valid UTF-8 that
/// reads back to the same bytes). Problems are coded findings, never exceptions.
/// </summary>
public static class FixedFileWriter
{
    public static Finding? Write(string path, string originalText, string fixedText)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            return DockerfileInput.FileProblem(DiagnosticCatalog.FileUnwritable, path, path, e.Message.TrimEnd('.'));
        }
        bool bom = Dockerfile.Text.SourceText.StartsWithByteOrderMark(bytes, bytes.Length);
        string current;
        try
        {
            current = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        }
        catch (DecoderFallbackException)
        {
            return DockerfileInput.FileProblem(DiagnosticCatalog.FixNotWritten, path, path,
                "it is not valid UTF-8, and writing the fixed text would change bytes no fix touched");
        }
        if (!string.Equals(current, originalText, StringComparison.Ordinal))
        {
            return DockerfileInput.FileProblem(DiagnosticCatalog.FixNotWritten, path, path, "it changed since it was read; run the fix again");
        }
        try
        {
            AtomicFile.WriteAllText(path, fixedText, bom);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
        {
            return DockerfileInput.FileProblem(DiagnosticCatalog.FileUnwritable, path, path, e.Message.TrimEnd('.'));
        }
        return null;
    }
}
