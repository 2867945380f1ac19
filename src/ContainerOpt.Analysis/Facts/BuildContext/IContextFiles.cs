namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// What the build context holds, as the analysis may ask it: whether a path, or any path a COPY pattern matches, exists.
/// Paths are relative to the context, '/'-separated. The adapters give the real folder (<c>DiskContextFiles</c>); tests
/// give a list. Rules ask through this, never the disk.
/// </summary>
public interface IContextFiles
{
    /// <summary>True when the file or folder exists in the context.</summary>
    bool Exists(string relativePath);

    /// <summary>True when a COPY pattern (<c>*</c>, <c>?</c>, <c>[...]</c> in any segment, Go's filepath.Match) matches a file or folder of the context.</summary>
    bool AnyMatch(string relativePattern);
}

/// <summary>How ContainerOpt knows the build context: it decides whether a missing COPY source is a certain failure.</summary>
public enum ContextOrigin
{
    /// <summary>Named: ContainerOptContext, Visual Studio's DockerfileContext, <c>--context</c>, or the generated Dockerfile's header.</summary>
    Stated,

    /// <summary>Nothing names it: the Dockerfile's folder is assumed, as <c>docker build .</c> beside it would use.</summary>
    Assumed,
}

public static class ContextOriginText
{
    /// <summary>What a message adds after the context's path: nothing for a named context, the assumption otherwise.</summary>
    public static string Qualifier(this ContextOrigin origin) =>
        origin == ContextOrigin.Assumed ? " (the Dockerfile's folder, which ContainerOpt assumes when nothing names another)" : "";
}
