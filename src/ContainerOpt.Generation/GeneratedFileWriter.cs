namespace ContainerOpt.Generation;

/// <summary>The outcome of writing one generated file.</summary>
public enum WriteOutcome
{
    Written,
    Unchanged,
    RefusedExisting,
    Failed,

    /// <summary>Not written because another file of the same set was refused or could not be read: a set is written whole or not at all.</summary>
    Withheld,
}

/// <summary>One file of a generated set and what became of it.</summary>
public sealed class FileWriteResult
{
    public FileWriteResult(string path, WriteOutcome outcome, string? error = null)
    {
        Path = path;
        Outcome = outcome;
        Error = error;
    }

    public string Path { get; }

    public WriteOutcome Outcome { get; }

    /// <summary>Why the file could not be read or written (<see cref="WriteOutcome.Failed"/>).</summary>
    public string? Error { get; }

    /// <summary>True when the file on disk now holds the generated text (written, or already so).</summary>
    public bool IsInPlace => Outcome is WriteOutcome.Written or WriteOutcome.Unchanged;
}

/// <summary>
/// Writes generated files atomically (a temporary file in the same folder, then a rename) and never
/// replaces an existing file unless forced: a user's hand-written Dockerfile is theirs. A set of files
/// (Dockerfile and .dockerignore) is written all or nothing: every file is checked before any is written.
/// </summary>
public static class GeneratedFileWriter
{
    /// <summary>
    /// Checks every file first; when one is refused (a different existing file, not forced) or cannot be read,
    /// none is written and the others are <see cref="WriteOutcome.Withheld"/>. Then writes each one that differs;
    /// when a write fails even so (a folder that cannot be created), the files this call created are deleted again
    /// and reported withheld, so a failure leaves no half set behind (a file replaced with force stays replaced).
    /// </summary>
    public static IReadOnlyList<FileWriteResult> WriteAll(IReadOnlyList<(string Path, string Content)> files, bool force)
    {
        var checks = files.Select(f => Check(f.Path, f.Content, force)).ToArray();
        if (checks.Any(c => c.Outcome is WriteOutcome.RefusedExisting or WriteOutcome.Failed))
        {
            return Withhold(checks);
        }
        var results = new FileWriteResult[files.Count];
        var created = new List<string>();
        for (int i = 0; i < files.Count; i++)
        {
            if (checks[i].Outcome == WriteOutcome.Unchanged)
            {
                results[i] = checks[i];
                continue;
            }
            bool existed = File.Exists(files[i].Path);
            results[i] = Write(files[i].Path, files[i].Content);
            if (results[i].Outcome == WriteOutcome.Failed)
            {
                created.ForEach(TryDelete);
                return Withhold(results.Select((r, j) => r ?? checks[j]).ToArray());
            }
            if (!existed)
            {
                created.Add(files[i].Path);
            }
        }
        return results;
    }

    private static FileWriteResult[] Withhold(IEnumerable<FileWriteResult> results) =>
        results.Select(r => r.Outcome is WriteOutcome.RefusedExisting or WriteOutcome.Failed ? r : new FileWriteResult(r.Path, WriteOutcome.Withheld)).ToArray();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (IsIoProblem(e))
        {
            // Left behind: the caller reports the failure that stopped the set.
        }
    }

    /// <summary>What writing would do, without writing: Unchanged, RefusedExisting, Failed (unreadable) or Written (to be written).</summary>
    private static FileWriteResult Check(string path, string content, bool force)
    {
        try
        {
            if (Directory.Exists(path))
            {
                return new FileWriteResult(path, WriteOutcome.Failed, "a folder of that name is in the way");
            }
            if (!File.Exists(path))
            {
                return new FileWriteResult(path, WriteOutcome.Written);
            }
            if (File.ReadAllText(path) == content)
            {
                return new FileWriteResult(path, WriteOutcome.Unchanged);
            }
            return new FileWriteResult(path, force ? WriteOutcome.Written : WriteOutcome.RefusedExisting);
        }
        catch (Exception e) when (IsIoProblem(e))
        {
            return new FileWriteResult(path, WriteOutcome.Failed, e.Message);
        }
    }

    private static FileWriteResult Write(string path, string content)
    {
        try
        {
            Core.IO.AtomicFile.WriteAllText(path, content);
            return new FileWriteResult(path, WriteOutcome.Written);
        }
        catch (Exception e) when (IsIoProblem(e))
        {
            return new FileWriteResult(path, WriteOutcome.Failed, e.Message);
        }
    }

    private static bool IsIoProblem(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;
}
