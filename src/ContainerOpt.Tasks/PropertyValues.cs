namespace ContainerOpt.Tasks;

/// <summary>How the tasks read MSBuild property values: blank means unset, lists are ';'-separated.</summary>
internal static class PropertyValues
{
    /// <summary>The trimmed value, or null when empty or whitespace.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    public static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The non-empty trimmed entries of a list property, in order, without repeats.</summary>
    public static string[] List(string? value, params char[] separators) =>
        (value ?? "").Split(separators.Length == 0 ? new[] { ';' } : separators)
            .Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
