using ContainerOpt.Analysis.Rules;

namespace ContainerOpt.Analysis.Engine;

/// <summary>Every rule of this assembly, found once by reflection, ordered by code. Their descriptors are in <see cref="Core.Diagnostics.DiagnosticCatalog"/>.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<DockerfileRule>> LazyRules = new(() =>
        typeof(DockerfileRule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DockerfileRule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (DockerfileRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)
            .ToArray());

    public static IReadOnlyList<DockerfileRule> Rules => LazyRules.Value;
}
