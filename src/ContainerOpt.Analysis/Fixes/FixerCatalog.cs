namespace ContainerOpt.Analysis.Fixes;

/// <summary>Every fixer of this assembly, listed at compile time, by the code of the rule it fixes.</summary>
public static partial class FixerCatalog
{
    private static readonly Lazy<IReadOnlyList<DockerfileFixer>> LazyFixers = new(() =>
        CreateFixers().OrderBy(f => f.Descriptor.Id, StringComparer.Ordinal).ToArray());

    private static readonly Lazy<Dictionary<string, DockerfileFixer>> LazyByCode = new(() =>
        Fixers.ToDictionary(f => f.Descriptor.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every fixer, ordered by the code of its rule.</summary>
    public static IReadOnlyList<DockerfileFixer> Fixers => LazyFixers.Value;

    /// <summary>The fixer of the rule with this code, or null.</summary>
    public static DockerfileFixer? For(string code) => LazyByCode.Value.TryGetValue(code, out var fixer) ? fixer : null;

    /// <summary>
    /// A new instance of every non-abstract <see cref="DockerfileFixer"/> of this assembly with a public parameterless
    /// constructor, by full type name: written by ContainerOpt.Analysis.Generators (reflection, as the rules', cost start-up).
    /// </summary>
    private static partial DockerfileFixer[] CreateFixers();
}
