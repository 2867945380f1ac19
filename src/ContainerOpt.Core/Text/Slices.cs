namespace ContainerOpt.Core.Text;

/// <summary>Comparisons of a slice of a string without cutting it out: the hot readers (parsers, path and flag scans) compare in place.</summary>
public static class Slices
{
    /// <summary>True when <c>text[start, end)</c> is <paramref name="value"/>, compared ordinally.</summary>
    public static bool Is(string text, int start, int end, string value) =>
        end - start == value.Length && string.CompareOrdinal(text, start, value, 0, value.Length) == 0;
}
