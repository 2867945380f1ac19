using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Dockerfile.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// One configuration file being read: its YAML, and the problems found in it as COPT0005 findings at
/// the line and column of the node at fault. Shared by the .hadolint.yaml and containeropt.yaml readers.
/// </summary>
internal sealed class ConfigDocument
{
    /// <summary>Node visits allowed per file: aliases can make a small file a huge tree.</summary>
    private const int MaxNodes = 100_000;

    private readonly string _fileName;
    private readonly List<Finding> _problems = new();
    private int _nodes;

    private ConfigDocument(string fileName)
    {
        _fileName = fileName;
    }

    public IReadOnlyList<Finding> Problems => _problems;

    /// <summary>
    /// Parses <paramref name="text"/>; returns the top-level mapping, or null when the file is empty or
    /// not usable (then the reason is in <see cref="Problems"/>).
    /// </summary>
    public static ConfigDocument Parse(string? text, string fileName, out YamlMappingNode? root)
    {
        var document = new ConfigDocument(string.IsNullOrEmpty(fileName) ? "configuration" : fileName);
        root = null;
        // A first pass over the events: YamlStream builds its tree recursively, so depth is checked
        // before it runs, and the parser's errors come with their position.
        if (!document.Prescan(text ?? ""))
        {
            return document;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text ?? ""));
        }
        catch (YamlException e)
        {
            document.Add(DiagnosticSeverity.Error, e.Start, e.End, "not valid YAML: " + Clean(e.Message));
            return document;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            document.Add(DiagnosticSeverity.Error, Mark.Empty, Mark.Empty, "not valid YAML: " + Clean(e.Message));
            return document;
        }
        if (stream.Documents.Count == 0)
        {
            return document;
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            document.Add(DiagnosticSeverity.Warning, second.Start, second.End, "the file holds more than one YAML document; only the first is read.");
        }
        var node = stream.Documents[0].RootNode;
        if (node is YamlMappingNode mapping)
        {
            root = mapping;
        }
        else if (!IsNull(node))
        {
            document.Problem(node, "the file must be a mapping of settings (key: value), not " + Describe(node) + ".");
        }
        return document;
    }

    private const int MaxDepth = 200;

    private bool Prescan(string text)
    {
        Mark start = Mark.Empty, end = Mark.Empty;
        int depth = 0;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var current = parser.Current;
                if (current is null)
                {
                    continue;
                }
                start = current.Start;
                end = current.End;
                if (current is YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart)
                {
                    if (++depth > MaxDepth)
                    {
                        Add(DiagnosticSeverity.Error, start, end, $"values are nested more than {MaxDepth} deep.");
                        return false;
                    }
                }
                else if (current is YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd)
                {
                    depth--;
                }
            }
            return true;
        }
        catch (YamlException e)
        {
            Add(DiagnosticSeverity.Error, e.Start, e.End, "not valid YAML: " + Clean(e.Message));
            return false;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // YamlDotNet fails without a position on some unterminated flow collections: say where it stopped.
            Add(DiagnosticSeverity.Error, start, end, "not valid YAML: it cannot be read past this point (is a bracket, brace or quote left open?).");
            return false;
        }
    }

    /// <summary>An error at a node.</summary>
    public void Problem(YamlNode node, string message) => Add(DiagnosticSeverity.Error, node.Start, node.End, message);

    /// <summary>A warning at a node: the file is usable, but something in it has no effect.</summary>
    public void Warning(YamlNode node, string message) => Add(DiagnosticSeverity.Warning, node.Start, node.End, message);

    private void Add(DiagnosticSeverity severity, Mark start, Mark end, string message)
    {
        var descriptor = DiagnosticCatalog.InvalidConfiguration;
        int startLine = Math.Max(1, (int)start.Line), startColumn = Math.Max(1, (int)start.Column);
        int endLine = Math.Max(startLine, (int)end.Line), endColumn = (int)end.Line < startLine ? startColumn : Math.Max(1, (int)end.Column);
        if (endLine == startLine && endColumn < startColumn)
        {
            endColumn = startColumn;
        }
        int startIndex = (int)Math.Max(0, start.Index);
        int endIndex = (int)Math.Max(startIndex, end.Index);
        _problems.Add(new Finding(descriptor, severity, descriptor.FormatMessage(_fileName, message), _fileName,
            new LinePositionSpan(new LinePosition(startLine, startColumn), new LinePosition(endLine, endColumn)),
            TextSpan.FromBounds(startIndex, endIndex)));
    }

    /// <summary>False once the file has made the reader visit too many nodes (alias bombs).</summary>
    public bool Visit(YamlNode node)
    {
        if (++_nodes == MaxNodes + 1)
        {
            Problem(node, $"the file is too large or nests aliases too deeply (more than {MaxNodes:N0} values); the rest is ignored.");
        }
        return _nodes <= MaxNodes;
    }

    /// <summary>A setting of a mapping: its key node, its name and its value.</summary>
    public readonly struct Entry
    {
        public Entry(YamlNode key, string name, YamlNode value)
        {
            Key = key;
            Name = name;
            Value = value;
        }

        public YamlNode Key { get; }
        public string Name { get; }
        public YamlNode Value { get; }
    }

    /// <summary>
    /// The settings of a mapping in order: keys that are not plain text are reported and skipped, and the
    /// walk stops once the file has made the reader visit too many nodes.
    /// </summary>
    public IEnumerable<Entry> Entries(YamlMappingNode mapping)
    {
        foreach (var pair in mapping.Children)
        {
            if (!Visit(pair.Value))
            {
                yield break;
            }
            string? name = KeyText(pair.Key);
            if (name is not null)
            {
                yield return new Entry(pair.Key, name, pair.Value);
            }
        }
    }

    /// <summary>The key's text, or null (with a problem) when the key is not a plain value.</summary>
    public string? KeyText(YamlNode key)
    {
        if (key is YamlScalarNode scalar && scalar.Value is not null)
        {
            return scalar.Value;
        }
        Problem(key, "a setting's name must be a plain text key, not " + Describe(key) + ".");
        return null;
    }

    /// <summary>Reports an unknown setting and suggests the nearest known one.</summary>
    public void UnknownKey(YamlNode key, string name, IEnumerable<string> known, string where)
    {
        string? nearest = EditDistance.Nearest(name, known);
        Warning(key, $"unknown setting '{name}'{where}; it is ignored." + (nearest is null ? "" : $" Did you mean '{nearest}'?"));
    }

    /// <summary>A scalar's text, or null with a problem when the node is a list or mapping.</summary>
    public string? Scalar(YamlNode node, string setting, string expected)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }
        Problem(node, $"'{setting}' must be {expected}, not {Describe(node)}.");
        return null;
    }

    /// <summary>true/false (YAML 1.2 core schema, any case); null and a problem otherwise.</summary>
    public bool? Bool(YamlNode node, string setting)
    {
        var text = Scalar(node, setting, "true or false");
        if (text is null)
        {
            return null;
        }
        switch (text.Trim().ToLowerInvariant())
        {
            case "true": return true;
            case "false": return false;
        }
        Problem(node, $"'{setting}' must be true or false, not '{text}'.");
        return null;
    }

    /// <summary>A list of texts; a single text is taken as a list of one. Null (with a problem) for a mapping.</summary>
    public List<(string Text, YamlNode Node)>? TextList(YamlNode node, string setting, string itemName)
    {
        var items = new List<(string, YamlNode)>();
        if (IsNull(node))
        {
            return items;
        }
        if (node is YamlScalarNode scalar)
        {
            items.Add((scalar.Value ?? "", scalar));
            return items;
        }
        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"'{setting}' must be a list of {itemName}s, not {Describe(node)}.");
            return null;
        }
        foreach (var child in sequence.Children)
        {
            if (!Visit(child))
            {
                break;
            }
            if (child is YamlScalarNode item && !IsNull(item))
            {
                items.Add((item.Value!.Trim(), item));
            }
            else
            {
                Problem(child, $"each item of '{setting}' must be a {itemName}, not {Describe(child)}.");
            }
        }
        return items;
    }

    /// <summary>
    /// Checks that a rule key names a rule (code, name, hadolint code or BuildKit check); warns with the
    /// nearest name otherwise. ShellCheck codes (SC2086) are accepted silently: hadolint configs carry
    /// them, ContainerOpt does not run ShellCheck, and the key does no harm.
    /// </summary>
    public void CheckRuleKey(string key, YamlNode node)
    {
        if (key.Length == 0)
        {
            Problem(node, "a rule key is empty.");
            return;
        }
        if (RuleKeys.NamesARule(key))
        {
            return;
        }
        string? nearest = RuleKeys.Nearest(key);
        Warning(node, $"no rule is named '{key}'; the setting has no effect." + (nearest is null ? "" : $" Did you mean '{nearest}'?"));
    }

    /// <summary>Reads a label schema mapping (label name → type) into the options.</summary>
    public void LabelSchema(YamlNode node, string setting, AnalysisOptions into)
    {
        if (IsNull(node))
        {
            return;
        }
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, $"'{setting}' must be a mapping of label names to types ({string.Join(", ", Facts.LabelPairs.SchemaTypes)}), not {Describe(node)}.");
            return;
        }
        foreach (var pair in Entries(mapping))
        {
            string label = pair.Name;
            string? type = IsNull(pair.Value) ? "text" : Scalar(pair.Value, setting + "." + label, "a label type");
            if (type is null)
            {
                continue;
            }
            type = type.Trim();
            if (!Facts.LabelPairs.IsKnownType(type))
            {
                string? nearest = EditDistance.Nearest(type, Facts.LabelPairs.SchemaTypes);
                Problem(pair.Value, $"unknown label type '{type}' for label '{label}'; use one of {string.Join(", ", Facts.LabelPairs.SchemaTypes)}."
                    + (nearest is null ? "" : $" Did you mean '{nearest}'?"));
                continue;
            }
            into.LabelSchema[label] = type.Length == 0 ? "text" : type.ToLowerInvariant();
        }
    }

    /// <summary>Adds registries, keeping the list free of duplicates.</summary>
    public void TrustedRegistries(YamlNode node, string setting, AnalysisOptions into)
    {
        var items = TextList(node, setting, "registry name");
        if (items is null)
        {
            return;
        }
        foreach (var (text, item) in items)
        {
            if (text.Length == 0)
            {
                Problem(item, $"an item of '{setting}' is empty.");
            }
            else if (!into.TrustedRegistries.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                into.TrustedRegistries.Add(text);
            }
        }
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s
        && (s.Value is null || s.Value.Length == 0 || s.Value is "~" or "null" or "Null" or "NULL");

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "empty",
        YamlScalarNode s => "'" + (s.Value!.Length > 40 ? s.Value.Substring(0, 37) + "..." : s.Value) + "'",
        _ => "this value",
    };

    private static string Clean(string message) => message.Trim().TrimEnd('.') + ".";
}
