namespace ContainerOpt.Generation;

/// <summary>The outcome of writing one generated file.</summary>
public enum WriteOutcome
{
    Written,
    Unchanged,
    RefusedExisting,
    Failed,
}

/// <summary>
/// Writes generated files atomically (a temporary file in the same folder, then a rename) and never
/// replaces an existing file unless forced: a user's hand-written Dockerfile is theirs.
/// </summary>
public static class GeneratedFileWriter
{
    public static WriteOutcome Write(string path, string content, bool force, out string? error)
    {
        error = null;
        try
        {
            if (File.Exists(path))
            {
                if (File.ReadAllText(path) == content)
                {
                    return WriteOutcome.Unchanged;
                }
                if (!force)
                {
                    return WriteOutcome.RefusedExisting;
                }
            }
            Core.IO.AtomicFile.WriteAllText(path, content);
            return WriteOutcome.Written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = e.Message;
            return WriteOutcome.Failed;
        }
    }
}
