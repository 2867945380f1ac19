using System.Xml;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Core.Projects;

/// <summary>Where a project file sets something: the file's text and the span of a property's value or an item's Include.</summary>
public sealed class ProjectFileLocation
{
    public ProjectFileLocation(SourceText source, TextSpan span)
    {
        Source = source;
        Span = span;
    }

    /// <summary>The whole file (its path included): findings and the gates compute lines and columns from it.</summary>
    public SourceText Source { get; }

    public string Path => Source.Path ?? "";

    /// <summary>The value: a property's text between its tags (trimmed), an item's Include between its quotes.</summary>
    public TextSpan Span { get; }

    public LinePositionSpan Location => Source.GetLinePositionSpan(Span);

    public int Line => Location.Start.Line;

    public string Text => Source.GetText(Span);

    public override string ToString() => $"{Path}({Location.Start.Line},{Location.Start.Column})";
}

/// <summary>
/// Finds where the project's MSBuild files set a property or add an item, so a finding about the SDK's container
/// properties lands at the line and column that set them (as the compiler's warnings land in source). A task sees
/// only evaluated values, not where they came from; so the adapters read the files MSBuild evaluated for the project
/// (Directory.Build.props, the project file, Directory.Build.targets, in that order) and the rules get the places.
/// Only static property and item groups count (not those inside targets); conditions are not evaluated, so a
/// property's definition is the last one whose text is the value MSBuild gave it. This is the adapters' file access.
/// </summary>
public static class ProjectFileLocator
{
    /// <summary>Reads the files (full paths, in evaluation order; missing, blank and unreadable ones are skipped).</summary>
    public static IReadOnlyList<SourceText> Read(IEnumerable<string?> files)
    {
        var texts = new List<SourceText>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (string.IsNullOrWhiteSpace(file))
            {
                continue;
            }
            string path = System.IO.Path.GetFullPath(file!.Trim());
            if (!seen.Add(path) || !File.Exists(path))
            {
                continue;
            }
            try
            {
                texts.Add(SourceText.From(File.ReadAllText(path), path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                // A file that cannot be read gives no places; the finding then names the project file.
            }
        }
        return texts;
    }

    /// <summary>
    /// The element that gave property <paramref name="name"/> its value: the last (in evaluation order) whose text is
    /// <paramref name="evaluatedValue"/>; when none is (the value is computed from other properties), the last element of
    /// that name whose text references a property. Null when no file sets it (a global property from the command line,
    /// an SDK default) or a file's XML does not parse.
    /// </summary>
    public static ProjectFileLocation? Property(IReadOnlyList<SourceText> files, string name, string? evaluatedValue)
    {
        string value = (evaluatedValue ?? "").Trim();
        ProjectFileLocation? exact = null, computed = null;
        foreach (var file in files)
        {
            foreach (var (element, text, span) in Elements(file, name, properties: true))
            {
                _ = element;
                string written = text.Trim();
                if (string.Equals(written, value, StringComparison.Ordinal))
                {
                    exact = new ProjectFileLocation(file, span);
                }
                else if (written.IndexOf("$(", StringComparison.Ordinal) >= 0)
                {
                    computed = new ProjectFileLocation(file, span);
                }
            }
        }
        return exact ?? computed;
    }

    /// <summary>Every static item of <paramref name="itemType"/> the files add: its Include and where it is written.</summary>
    public static IReadOnlyList<(string Include, ProjectFileLocation Location)> Items(IReadOnlyList<SourceText> files, string itemType)
    {
        var items = new List<(string, ProjectFileLocation)>();
        foreach (var file in files)
        {
            foreach (var (_, text, span) in Elements(file, itemType, properties: false))
            {
                items.Add((text, new ProjectFileLocation(file, span)));
            }
        }
        return items;
    }

    /// <summary>
    /// The elements named <paramref name="name"/> (case-insensitive, as MSBuild names are) directly in a PropertyGroup (or
    /// ItemGroup) outside any Target: with <paramref name="properties"/> their decoded text and the span of their content,
    /// trimmed; else their Include attribute's value and its span between the quotes.
    /// </summary>
    private static IEnumerable<(string Element, string Text, TextSpan Span)> Elements(SourceText file, string name, bool properties)
    {
        var found = new List<(string, string, TextSpan)>();
        string group = properties ? "PropertyGroup" : "ItemGroup";
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
            using var reader = XmlReader.Create(new StringReader(file.Text), settings);
            var info = (IXmlLineInfo)reader;
            var stack = new List<string>();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                string local = reader.LocalName;
                bool match = stack.Count >= 2
                    && string.Equals(local, name, StringComparison.OrdinalIgnoreCase)
                    && stack[stack.Count - 1] == group
                    && !stack.Contains("Target");
                int nameOffset = Offset(file, info.LineNumber, info.LinePosition);
                if (match && !properties)
                {
                    if (reader.MoveToAttribute("Include"))
                    {
                        var span = AttributeValueSpan(file, Offset(file, info.LineNumber, info.LinePosition));
                        if (span is { } s)
                        {
                            found.Add((local, reader.Value, s));
                        }
                        reader.MoveToElement();
                    }
                }
                if (reader.IsEmptyElement)
                {
                    if (match && properties)
                    {
                        // <ContainerUser /> sets the empty value: the place is the element itself.
                        int start = nameOffset - 1;
                        int end = file.Text.IndexOf('>', nameOffset);
                        found.Add((local, "", new TextSpan(start, (end < 0 ? file.Length : end + 1) - start)));
                    }
                    continue;
                }
                stack.Add(local);
                if (match && properties)
                {
                    found.Add(ReadContent(file, reader, info, local, nameOffset));
                    stack.RemoveAt(stack.Count - 1); // ReadContent consumed the end tag
                }
            }
        }
        catch (XmlException)
        {
            // MSBuild itself reports a file that does not parse; its places are unknown here.
            found.Clear();
        }
        return found;
    }

    /// <summary>A property element's decoded text and the span of its content (trimmed), reading through its end tag.</summary>
    private static (string, string, TextSpan) ReadContent(SourceText file, XmlReader reader, IXmlLineInfo info, string local, int nameOffset)
    {
        var text = new System.Text.StringBuilder();
        int? contentStart = null;
        int depth = 0;
        int endTag = -1;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && depth == 0)
            {
                endTag = Offset(file, info.LineNumber, info.LinePosition) - 2; // the '</' before the name
                break;
            }
            if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement) depth++;
            if (reader.NodeType == XmlNodeType.EndElement) depth--;
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                contentStart ??= Offset(file, info.LineNumber, info.LinePosition) - (reader.NodeType == XmlNodeType.CDATA ? 9 : 0);
                text.Append(reader.Value);
            }
        }
        int start = contentStart ?? (endTag >= 0 ? endTag : nameOffset);
        int end = endTag >= 0 ? endTag : start;
        while (start < end && char.IsWhiteSpace(file.Text[start])) start++;
        while (end > start && char.IsWhiteSpace(file.Text[end - 1])) end--;
        if (start == end)
        {
            // An empty value: the element, from '<' to the end of its start tag.
            start = nameOffset - 1;
            int close = file.Text.IndexOf('>', nameOffset);
            end = close < 0 ? nameOffset + local.Length : close + 1;
        }
        return (local, text.ToString(), new TextSpan(start, end - start));
    }

    /// <summary>The span between the quotes of the attribute whose name starts at <paramref name="nameOffset"/>.</summary>
    private static TextSpan? AttributeValueSpan(SourceText file, int nameOffset)
    {
        string text = file.Text;
        int equals = text.IndexOf('=', nameOffset);
        if (equals < 0) return null;
        int quote = equals + 1;
        while (quote < text.Length && char.IsWhiteSpace(text[quote])) quote++;
        if (quote >= text.Length || (text[quote] != '"' && text[quote] != '\'')) return null;
        int close = text.IndexOf(text[quote], quote + 1);
        return close < 0 ? null : new TextSpan(quote + 1, close - quote - 1);
    }

    /// <summary>The offset of a 1-based line and column as XmlReader counts them (a tab is one column).</summary>
    private static int Offset(SourceText file, int line, int column) => Math.Min(file.Length, file.GetLineStart(line) + column - 1);
}
