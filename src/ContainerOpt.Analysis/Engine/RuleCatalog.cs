using ContainerOpt.Analysis.Rules;

namespace ContainerOpt.Analysis.Engine;

/// <summary>Every rule of this assembly, listed at compile time, ordered by code. Their descriptors are in <see cref="Core.Diagnostics.DiagnosticCatalog"/>.</summary>
public static partial class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<DockerfileRule>> LazyRules = new(() =>
        CreateRules().OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal).ToArray());

    public static IReadOnlyList<DockerfileRule> Rules => LazyRules.Value;

    /// <summary>
    /// A new instance of every non-abstract <see cref="DockerfileRule"/> of this assembly with a public parameterless
    /// constructor, by full type name: written by ContainerOpt.Analysis.Generators, since finding them by reflection was
    /// most of the start-up of a lint of one file.
    /// </summary>
    private static partial DockerfileRule[] CreateRules();
}
