namespace ContainerOpt.Generation;

/// <summary>A one-line summary of how two Dockerfiles differ (instructions only, comments ignored).</summary>
public static class DockerfileComparison
{
    public static string Summarize(string existing, string generated)
    {
        var a = Instructions(existing);
        var b = Instructions(generated);
        var onlyExisting = a.Except(b, StringComparer.Ordinal).ToList();
        var onlyGenerated = b.Except(a, StringComparer.Ordinal).ToList();
        if (onlyExisting.Count == 0 && onlyGenerated.Count == 0)
        {
            return "same instructions.";
        }
        string Sample(List<string> lines) => lines.Count == 0 ? "none" : string.Join(" | ", lines.Take(3)) + (lines.Count > 3 ? $" (+{lines.Count - 3} more)" : "");
        return $"{onlyGenerated.Count} instruction(s) only in the generated file ({Sample(onlyGenerated)}); {onlyExisting.Count} only in yours ({Sample(onlyExisting)}).";
    }

    private static List<string> Instructions(string text) =>
        text.Replace("\r\n", "\n").Replace("\\\n", " ").Split('\n')
            .Select(l => string.Join(" ", l.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
            .ToList();
}
