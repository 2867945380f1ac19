using System.Text;

namespace ContainerOpt.Core.IO;

/// <summary>
/// Writes a file so readers see the old content or the new, never half of it: a temp file beside the
/// target (same folder, same file system), then a replace or a move. The generator, the finding cache
/// and the image report all write this way.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text without a BOM; creates the folder. I/O errors reach the caller.</summary>
    public static void WriteAllText(string path, string content) => WriteAllText(path, content, byteOrderMark: false);

    /// <summary>Writes UTF-8 text, with a byte order mark when asked (a fixed file keeps the one it had); creates the folder.</summary>
    public static void WriteAllText(string path, string content, bool byteOrderMark)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(byteOrderMark));
            if (File.Exists(full))
            {
                File.Replace(temp, full, null);
            }
            else
            {
                File.Move(temp, full);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
