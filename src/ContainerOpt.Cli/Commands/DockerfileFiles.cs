using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Cli.Commands;

/// <summary>Finds and reads Dockerfiles; every failure is a coded finding, never an exception.</summary>
internal static class DockerfileFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", "bin", "obj", "node_modules", ".vs", ".vscode", ".idea",
    };

    public static bool IsDockerfileName(string fileName) =>
        fileName.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
        || fileName.Equals("Containerfile", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("Containerfile.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Expands the operands: files as given, folders searched (sorted, deterministic).</summary>
    public static IEnumerable<string> Expand(string operand)
    {
        if (Directory.Exists(operand))
        {
            var found = new List<string>();
            Walk(operand, found);
            found.Sort(StringComparer.Ordinal);
            return found;
        }
        return new[] { operand };
    }

    private static void Walk(string folder, List<string> found)
    {
        IEnumerable<string> files, folders;
        try
        {
            files = Directory.EnumerateFiles(folder);
            folders = Directory.EnumerateDirectories(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var file in files)
        {
            if (IsDockerfileName(Path.GetFileName(file)))
            {
                found.Add(file);
            }
        }
        foreach (var sub in folders)
        {
            if (!SkippedFolders.Contains(Path.GetFileName(sub)))
            {
                Walk(sub, found);
            }
        }
    }

    /// <summary>Reads a file into text, or returns the COPT0xxx finding that explains why not.</summary>
    public static SourceText? Read(string path, out Finding? problem)
    {
        problem = null;
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileNotFound, path, path);
                return null;
            }
            var info = new FileInfo(path);
            if (info.Length > DockerfileInput.MaxBytes)
            {
                problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileTooLarge, path, path, info.Length, DockerfileInput.MaxBytes);
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            problem = DockerfileInput.FileProblem(DiagnosticCatalog.FileUnreadable, path, path, e.Message);
            return null;
        }
        return DockerfileInput.Decode(bytes, path, out problem);
    }
}
