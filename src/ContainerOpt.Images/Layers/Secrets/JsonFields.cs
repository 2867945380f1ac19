using System.Text.RegularExpressions;

namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>String fields of a JSON head, found by name without parsing the whole document (the head may be cut).</summary>
internal static class JsonFields
{
    /// <summary>The values of every <c>"name": "value"</c> pair in the text (escapes left as written).</summary>
    public static IEnumerable<string> StringValues(string text, string name)
    {
        var pattern = new Regex("\"" + Regex.Escape(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant);
        foreach (Match match in pattern.Matches(text)) yield return match.Groups[1].Value;
    }

    /// <summary>True when some <c>"name"</c> field holds a value that is not a stand-in.</summary>
    public static bool HasValue(string text, string name) => StringValues(text, name).Any(v => !CredentialValues.IsPlaceholder(v));
}
