using System.Reflection;

namespace ContainerOpt.Core.Diagnostics;

/// <summary>
/// Every diagnostic ContainerOpt reports — tool problems, parser errors, rules, image checks and gates —
/// in one place: code, names, title, message format, default severity, category, help page and the
/// peers' equivalents. The checks live elsewhere (a rule's file names its descriptor here);
/// <c>containeropt rules</c>, docs/rules and the README's count are tested against this list.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> LazyAll = new(() =>
        typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray());

    private static readonly Lazy<Dictionary<string, DiagnosticDescriptor>> LazyByCode = new(() =>
        All.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every descriptor, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => LazyAll.Value;

    /// <summary>The descriptor with this code, or null.</summary>
    public static DiagnosticDescriptor? ForCode(string code) => LazyByCode.Value.TryGetValue(code, out var d) ? d : null;

    /// <summary>The descriptor of a parser error code (COPT10xx); <see cref="SyntaxError"/> for a code the catalogue lacks.</summary>
    public static DiagnosticDescriptor ForParserCode(string code) =>
        ForCode(code) is { Category: DiagnosticCategories.Syntax } d ? d : SyntaxError;

    /// <summary>The first descriptor a key names: its code, short name or an equivalent (case-insensitive).</summary>
    public static DiagnosticDescriptor? Find(string key) => LazyByAnyName.Value.TryGetValue(key, out var d) ? d : null;

    /// <summary>
    /// Every name a key may give (codes first, so a code always means its own descriptor; then each descriptor's short name
    /// and equivalents in catalogue order, the first descriptor naming it kept): what a configuration file's rule keys are
    /// looked up in, once per key instead of a scan of the catalogue.
    /// </summary>
    private static readonly Lazy<Dictionary<string, DiagnosticDescriptor>> LazyByAnyName = new(() =>
    {
        var names = new Dictionary<string, DiagnosticDescriptor>(LazyByCode.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in All)
        {
            foreach (var name in descriptor.Equivalents.Prepend(descriptor.Name))
            {
                if (!names.ContainsKey(name))
                {
                    names[name] = descriptor;
                }
            }
        }
        return names;
    });
}
