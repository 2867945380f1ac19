namespace ContainerOpt.Analysis.Configuration;

/// <summary>"Did you mean …?": the candidate closest to a mistyped name (Levenshtein distance, case-insensitive).</summary>
internal static class NearestName
{
    /// <summary>
    /// The closest candidate, or null when none is close enough: at most <paramref name="maxDistance"/>
    /// edits (default: a third of the input's length, at least 2) and fewer edits than the input has characters;
    /// failing that, the shortest candidate the input is a prefix of (3 characters at least).
    /// </summary>
    public static string? Find(string input, IEnumerable<string> candidates, int? maxDistance = null)
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
            int d = ContainerOpt.Dockerfile.Text.EditDistance.Between(lowered, candidate.ToLowerInvariant());
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
