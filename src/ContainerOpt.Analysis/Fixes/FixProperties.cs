namespace ContainerOpt.Analysis.Fixes;

/// <summary>The keys of the properties rules set on a finding for their fixer (<see cref="Finding.Properties"/>).</summary>
public static class FixProperties
{
    /// <summary>The text to write instead of the finding's span (or of a larger span the fixer knows).</summary>
    public const string Replacement = "replacement";

    /// <summary>The text the finding's span holds that the replacement replaces (a wrong assembly name in a longer word).</summary>
    public const string Original = "original";

    /// <summary>The caches a RUN leaves, by <see cref="CacheKind.Id"/>, comma-separated.</summary>
    public const string Caches = "caches";

    /// <summary>The ports the app listens on, comma-separated, in order.</summary>
    public const string Ports = "ports";

    /// <summary>Properties that carry one replacement text.</summary>
    public static IReadOnlyDictionary<string, string> Replace(string text) => new Dictionary<string, string>(1) { [Replacement] = text };
}
