namespace ContainerOpt.Analysis.Fixes;

/// <summary>Every fixer of this assembly, found once by reflection, by the code of the rule it fixes.</summary>
public static class FixerCatalog
{
    private static readonly Lazy<IReadOnlyList<DockerfileFixer>> LazyFixers = new(() =>
        typeof(DockerfileFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DockerfileFixer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (DockerfileFixer)Activator.CreateInstance(t)!)
            .OrderBy(f => f.Descriptor.Id, StringComparer.Ordinal)
            .ToArray());

    private static readonly Lazy<Dictionary<string, DockerfileFixer>> LazyByCode = new(() =>
        Fixers.ToDictionary(f => f.Descriptor.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every fixer, ordered by the code of its rule.</summary>
    public static IReadOnlyList<DockerfileFixer> Fixers => LazyFixers.Value;

    /// <summary>The fixer of the rule with this code, or null.</summary>
    public static DockerfileFixer? For(string code) => LazyByCode.Value.TryGetValue(code, out var fixer) ? fixer : null;
}
