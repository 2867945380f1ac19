using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Facts;

/// <summary>A COPY/ADD source the build context does not hold: the source, and whether it points outside the context.</summary>
public sealed class MissingSource
{
    internal MissingSource(ContextSource source, bool outside)
    {
        Source = source;
        IsOutside = outside;
    }

    public ContextSource Source { get; }

    /// <summary>True for a path that leaves the context (<c>../a.txt</c>) while the context's root holds it: BuildKit copies that, the classic builder refuses.</summary>
    public bool IsOutside { get; }

    /// <summary>A wildcard pattern (<c>*.pem</c>): when it matches nothing, BuildKit copies nothing and the classic builder fails.</summary>
    public bool IsPattern => PathGlob.IsGlob(Source.Path);
}

/// <summary>What the build context holds of the paths the Dockerfile copies.</summary>
public sealed class ContextCheck
{
    internal static readonly ContextCheck None = new(Array.Empty<MissingSource>(), 0);

    internal ContextCheck(IReadOnlyList<MissingSource> missing, int found)
    {
        Missing = missing;
        Found = found;
    }

    /// <summary>The sources the context does not hold (or that point outside it), in file order.</summary>
    public IReadOnlyList<MissingSource> Missing { get; }

    /// <summary>How many sources (plain paths and patterns) the context does hold: none, while some are missing, suggests another context.</summary>
    public int Found { get; }
}

/// <summary>Relates COPY/ADD sources to what the build context holds.</summary>
internal static class ContextChecks
{
    /// <summary>Checks every context source of every COPY/ADD (ONBUILD triggers excepted) against the context.</summary>
    public static ContextCheck Check(DockerfileFacts facts)
    {
        if (facts.ContextFiles is not { } files)
        {
            return ContextCheck.None;
        }
        List<MissingSource>? missing = null; // made on the first missing source: most files have none
        int found = 0;
        // The copies only, slot by slot (in file order, as the instructions): the other instructions have no sources.
        var copies = facts.Copies;
        for (int c = 0; c < copies.Count; c++)
        {
            var sources = copies.ContextSourcesAt(c, facts.Model);
            for (int j = 0; j < sources.Count; j++)
            {
                var source = sources[j];
                string path = source.Path;
                // A path built from a variable may name another file with --build-arg: not a certainty either way.
                if (path.Length == 0 || path == "*" || source.Token.Value.IndexOf('$') >= 0)
                {
                    continue;
                }
                if (path == ".." || path.StartsWith("../", StringComparison.Ordinal))
                {
                    // BuildKit resolves the path from the context's root ("/../a" is "/a"), the classic builder refuses it:
                    // when the root has it, only the classic builder fails; when not, both do, like any missing path.
                    string fromRoot = ContextPaths.WithoutLeadingSlashes(DockerIgnore.CleanPath("/" + path));
                    (missing ??= new List<MissingSource>()).Add(new MissingSource(source, outside: fromRoot.Length == 0 || files.Exists(fromRoot)));
                    continue;
                }
                if (PathGlob.IsGlob(path) ? files.AnyMatch(path) : files.Exists(path))
                {
                    found++;
                    continue;
                }
                (missing ??= new List<MissingSource>()).Add(new MissingSource(source, outside: false));
            }
        }
        return new ContextCheck(missing is null ? Array.Empty<MissingSource>() : missing, found);
    }
}
