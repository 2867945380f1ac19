namespace ContainerOpt.Dockerfile.Text;

/// <summary>Levenshtein distance and the "did you mean" suggestions built on it (instructions, variables, rule and configuration names).</summary>
public static class EditDistance
{
    [ThreadStatic] private static int[]? t_previous;
    [ThreadStatic] private static int[]? t_current;

    public static int Between(string a, string b) => Between(a, b, int.MaxValue);

    /// <summary>
    /// The distance when it is below <paramref name="limit"/>; otherwise some value at least <paramref name="limit"/>: a row
    /// whose every cell has reached the limit ends the measure (no later row is smaller), so a suggestion that only wants
    /// close options stops after a few characters of a far one.
    /// </summary>
    private static int Between(string a, string b, int limit)
    {
        // Two rows per thread, grown when needed, not two arrays per comparison (suggestions compare with every option).
        var previous = t_previous is { } p && p.Length > b.Length ? p : t_previous = new int[Math.Max(64, b.Length + 1)];
        var current = t_current is { } c && c.Length > b.Length ? c : t_current = new int[Math.Max(64, b.Length + 1)];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int cell = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                current[j] = cell;
                if (cell < rowMin) rowMin = cell;
            }
            if (rowMin >= limit)
            {
                return rowMin;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }

    /// <summary>
    /// BuildKit's suggestion: the option closest to <paramref name="value"/> by Levenshtein distance,
    /// if that distance is below 3 (the first of equally close options wins); null when none is close.
    /// </summary>
    public static string? BuildKitSuggestion(string value, IEnumerable<string> options)
    {
        string? match = null;
        int best = 3;
        foreach (var option in options)
        {
            // The distance is at least the difference in length: an option that cannot beat the best is not measured.
            if (option == value || Math.Abs(option.Length - value.Length) >= best)
            {
                continue;
            }
            int distance = Between(value, option, best);
            if (distance < best)
            {
                best = distance;
                match = option;
            }
        }
        return match;
    }

    /// <summary>" (did you mean X?)" with the given prefix before the name, or "".</summary>
    public static string DidYouMean(string? suggestion, string prefix = "") =>
        suggestion is null ? "" : " (did you mean " + prefix + suggestion + "?)";

    /// <summary>
    /// The closest candidate, or null when none is close enough: at most <paramref name="maxDistance"/>
    /// edits (default: a third of the input's length, at least 2) and fewer edits than the input has characters;
    /// failing that, the shortest candidate the input is a prefix of (3 characters at least).
    /// </summary>
    public static string? Nearest(string input, IEnumerable<string> candidates, int? maxDistance = null)
    {
        if (string.IsNullOrEmpty(input))
        {
            return null;
        }
        int limit = maxDistance ?? Math.Max(2, input.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        string lowered = input.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrEmpty(candidate))
            {
                continue;
            }
            int d = Between(lowered, candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best is not null && bestDistance <= limit && bestDistance < input.Length)
        {
            return best;
        }
        // A cut-short name ("warn" for "warning") is a prefix of what was meant.
        return input.Length >= 3
            ? candidates.Where(c => c is not null && c.StartsWith(input, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.Length).FirstOrDefault()
            : null;
    }
}
