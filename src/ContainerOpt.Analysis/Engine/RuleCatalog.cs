using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules;

namespace ContainerOpt.Analysis.Engine;

/// <summary>Every rule of this assembly, found once by reflection, ordered by code.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<DockerfileRule>> LazyRules = new(() =>
        typeof(DockerfileRule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DockerfileRule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (DockerfileRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)
            .ToArray());

    public static IReadOnlyList<DockerfileRule> Rules => LazyRules.Value;

    /// <summary>All descriptors: tool and syntax diagnostics, then the rules.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors =>
        ToolDescriptors.All.Concat(ImageDescriptors.All).Concat(SyntaxDescriptors.All).Concat(Rules.Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();

    /// <summary>Finds a descriptor by code, name or equivalent (case-insensitive).</summary>
    public static DiagnosticDescriptor? Find(string key) =>
        AllDescriptors.FirstOrDefault(d => string.Equals(d.Id, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase)
            || d.Equivalents.Any(e => string.Equals(e, key, StringComparison.OrdinalIgnoreCase)));
}
