using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContainerOpt.Images.Reporting;

/// <summary>
/// A <c>.dive-ci</c> file read as dive (0.13, cmd/dive/cli/internal/options/ci.go and command/ci/rules.go) reads it:
/// YAML with a <c>rules</c> mapping of <c>lowestEfficiency</c>, <c>highestWastedBytes</c> and
/// <c>highestUserWastedPercent</c> (keys as spelled, case-sensitive), each value taken as the text written. A key the
/// file does not set keeps dive's default (0.9, disabled, 0.1: so a file that sets only one rule still gates
/// the other two); <c>disabled</c>, <c>off</c>, <c>false</c> or an empty value turn a rule off. Efficiency and
/// user-wasted share are ratios between 0 and 1 (Go's ParseFloat); wasted bytes are go-humanize's ParseBytes
/// (<c>20MB</c>, <c>20 MB</c>, <c>1.5GiB</c>, <c>500k</c>, <c>1,000</c>; k/M/G are powers of 1000, Ki/Mi/Gi of 1024;
/// fractions truncated). Where dive stops with an error, the file gets a COPT0019 error at the line and column at
/// fault; keys dive ignores get a COPT0019 warning with the nearest key.
/// </summary>
public sealed class DiveCiConfig
{
    public const string FileName = ".dive-ci";
    public const string RulesKey = "rules";
    public const string LowestEfficiencyKey = "lowestEfficiency";
    public const string HighestWastedBytesKey = "highestWastedBytes";
    public const string HighestUserWastedPercentKey = "highestUserWastedPercent";

    /// <summary>dive's defaults (options/ci_rules.go DefaultCIRules): what a key the file does not set means.</summary>
    public const double DefaultLowestEfficiency = 0.9;
    public const double DefaultHighestUserWastedPercent = 0.1;

    private static readonly string[] RuleKeys = { LowestEfficiencyKey, HighestWastedBytesKey, HighestUserWastedPercentKey };

    private readonly HashSet<string> _setByFile = new(StringComparer.Ordinal);
    private readonly List<Finding> _problems = new();

    private DiveCiConfig(string path) => Path = path;

    /// <summary>The file as named (found or given); findings and setting names quote it.</summary>
    public string Path { get; }

    /// <summary>Null: the rule is disabled.</summary>
    public double? LowestEfficiency { get; private set; } = DefaultLowestEfficiency;

    /// <summary>Null: the rule is disabled (dive's default).</summary>
    public long? HighestWastedBytes { get; private set; }

    /// <summary>A fraction in [0, 1]; null: the rule is disabled.</summary>
    public double? HighestUserWastedPercent { get; private set; } = DefaultHighestUserWastedPercent;

    /// <summary>COPT0019 errors (the file is unusable: dive would stop too) and warnings (keys dive ignores).</summary>
    public IReadOnlyList<Finding> Problems => _problems;

    public bool HasErrors => _problems.Any(p => p.Severity == DiagnosticSeverity.Error);

    /// <summary>True when the file sets the rule (to a value or to disabled); false when dive's default applies.</summary>
    public bool Sets(string key) => _setByFile.Contains(key);

    /// <summary>How a gate's finding names the rule: <c>lowestEfficiency (.dive-ci)</c>, or that dive's default applies.</summary>
    public string SettingName(string key) => Sets(key) ? $"{key} ({Path})" : $"{key} (dive's default: {Path} does not set it)";

    /// <summary>The rules as read: <c>lowestEfficiency 0.9 (dive's default), highestWastedBytes 20000000, highestUserWastedPercent disabled</c>.</summary>
    public string Summary()
    {
        string Rule(string key, string? value) => key + " " + (value ?? "disabled") + (Sets(key) ? "" : " (dive's default)");
        return string.Join(", ",
            Rule(LowestEfficiencyKey, LowestEfficiency?.ToString("R", CultureInfo.InvariantCulture)),
            Rule(HighestWastedBytesKey, HighestWastedBytes?.ToString(CultureInfo.InvariantCulture)),
            Rule(HighestUserWastedPercentKey, HighestUserWastedPercent?.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>The first <c>.dive-ci</c> file in the folders, in order; null when none has one.</summary>
    public static string? Find(params string?[] directories)
    {
        foreach (string? directory in directories)
        {
            if (string.IsNullOrEmpty(directory)) continue;
            string candidate = System.IO.Path.Combine(directory!, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Reads the file; a missing or unreadable file is a COPT0019 error (it was named or found, so it was meant).</summary>
    public static DiveCiConfig Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var config = new DiveCiConfig(path);
            string reason = e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist. Check the path given to --ci-config (or ContainerOptDiveCiFile)." : "the file cannot be read: " + e.Message;
            config.Add(DiagnosticSeverity.Error, Mark.Empty, Mark.Empty, reason);
            return config;
        }
        return Parse(text, path);
    }

    public static DiveCiConfig Parse(string text, string path)
    {
        var config = new DiveCiConfig(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text ?? ""));
        }
        catch (YamlException e)
        {
            config.Add(DiagnosticSeverity.Error, e.Start, e.End, "not valid YAML: " + e.Message.Trim().TrimEnd('.') + ".");
            return config;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // A duplicate key is an ArgumentException from the mapping's dictionary (yaml.v3 refuses it too).
            config.Add(DiagnosticSeverity.Error, Mark.Empty, Mark.Empty, "not valid YAML: " + e.Message.Trim().TrimEnd('.') + ".");
            return config;
        }
        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode)) return config;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            config.Problem(stream.Documents[0].RootNode, $"the file must be a mapping with a '{RulesKey}' mapping (rules: then lowestEfficiency: 0.95 indented below it), not {Describe(stream.Documents[0].RootNode)}.");
            return config;
        }
        foreach (var pair in root.Children)
        {
            string? key = (pair.Key as YamlScalarNode)?.Value;
            if (key == RulesKey)
            {
                config.ReadRules(pair.Value);
            }
            else
            {
                config.Ignored(pair.Key, key, new[] { RulesKey }, "");
            }
        }
        return config;
    }

    private void ReadRules(YamlNode node)
    {
        if (IsNull(node)) return; // rules: with nothing under it: dive's defaults
        if (node is not YamlMappingNode rules)
        {
            Problem(node, $"'{RulesKey}' must be a mapping of rules (lowestEfficiency, highestWastedBytes, highestUserWastedPercent), not {Describe(node)}.");
            return;
        }
        foreach (var pair in rules.Children)
        {
            string? key = (pair.Key as YamlScalarNode)?.Value;
            switch (key)
            {
                case LowestEfficiencyKey:
                    if (Text(pair.Value, key) is { } efficiency)
                    {
                        _setByFile.Add(key);
                        LowestEfficiency = IsDisabled(efficiency) ? null : Ratio(pair.Value, key, efficiency, "a ratio between 0 and 1 (0.95 for 95%)");
                    }
                    break;
                case HighestWastedBytesKey:
                    if (Text(pair.Value, key) is { } wasted)
                    {
                        _setByFile.Add(key);
                        HighestWastedBytes = IsDisabled(wasted) ? null : Bytes(pair.Value, key, wasted);
                    }
                    break;
                case HighestUserWastedPercentKey:
                    if (Text(pair.Value, key) is { } userWasted)
                    {
                        _setByFile.Add(key);
                        HighestUserWastedPercent = IsDisabled(userWasted) ? null : Ratio(pair.Value, key, userWasted, "a ratio between 0 and 1 (0.2 for 20%)");
                    }
                    break;
                default:
                    Ignored(pair.Key, key, RuleKeys, $" under '{RulesKey}'");
                    break;
            }
        }
    }

    /// <summary>The value as written (yaml.v3 decodes any scalar into dive's string fields as its text; null is "").</summary>
    private string? Text(YamlNode node, string key)
    {
        if (IsNull(node)) return "";
        if (node is YamlScalarNode scalar) return scalar.Value ?? "";
        Problem(node, $"'{RulesKey}.{key}' must be a single value, not {Describe(node)}.");
        return null;
    }

    /// <summary>dive's isRuleDisabled: "", disabled, off or false, any case, spaces around ignored.</summary>
    private static bool IsDisabled(string value) =>
        value.Trim().ToLowerInvariant() is "" or "disabled" or "off" or "false";

    /// <summary>strconv.ParseFloat, then dive's range check (0-1). NaN, which the check lets through and which then never fails, is refused.</summary>
    private double? Ratio(YamlNode node, string key, string text, string expected)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value) || value < 0 || value > 1)
        {
            Problem(node, $"'{RulesKey}.{key}' is '{text}': dive reads {expected}, or disabled.");
            return null;
        }
        return value;
    }

    /// <summary>go-humanize's ParseBytes: digits, '.' and ',' (commas dropped), then a unit of its table after optional spaces.</summary>
    private long? Bytes(YamlNode node, string key, string text)
    {
        if (ParseBytes(text) is { } bytes) return bytes;
        Problem(node, $"'{RulesKey}.{key}' is '{text}': dive reads a number of bytes with an optional unit (20MB, 20 MB, 1.5GiB, 500k; k, M, G are powers of 1000, Ki, Mi, Gi of 1024), or disabled.");
        return null;
    }

    /// <summary>go-humanize's ParseBytes; null where it returns an error, or beyond a long.</summary>
    public static long? ParseBytes(string text)
    {
        int end = 0;
        while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.' || text[end] == ',')) end++;
        string number = text.Substring(0, end).Replace(",", "");
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)) return null;
        double? factor = Unit(text.Substring(end).Trim().ToLowerInvariant());
        if (factor is null) return null;
        double bytes = value * factor.Value;
        if (bytes >= long.MaxValue) return null;
        return (long)bytes; // uint64(f): truncated
    }

    private static double? Unit(string unit) => unit switch
    {
        "" or "b" => 1,
        "k" or "kb" => 1e3,
        "m" or "mb" => 1e6,
        "g" or "gb" => 1e9,
        "t" or "tb" => 1e12,
        "p" or "pb" => 1e15,
        "e" or "eb" => 1e18,
        "ki" or "kib" => 1L << 10,
        "mi" or "mib" => 1L << 20,
        "gi" or "gib" => 1L << 30,
        "ti" or "tib" => 1L << 40,
        "pi" or "pib" => 1L << 50,
        "ei" or "eib" => 1L << 60,
        _ => null,
    };

    private void Ignored(YamlNode keyNode, string? key, IReadOnlyList<string> known, string where)
    {
        string name = key ?? Describe(keyNode);
        string? nearest = key is null ? null
            : known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? EditDistance.BuildKitSuggestion(key, known);
        Add(DiagnosticSeverity.Warning, keyNode.Start, keyNode.End,
            $"dive ignores the key '{name}'{where}, and so does ContainerOpt." + (nearest is null ? "" : $" Did you mean '{nearest}' (keys are case-sensitive)?"));
    }

    private void Problem(YamlNode node, string message) => Add(DiagnosticSeverity.Error, node.Start, node.End, message);

    private void Add(DiagnosticSeverity severity, Mark start, Mark end, string message)
    {
        int startLine = Math.Max(1, (int)start.Line), startColumn = Math.Max(1, (int)start.Column);
        int endLine = Math.Max(startLine, (int)end.Line);
        int endColumn = endLine == startLine ? Math.Max(startColumn, (int)end.Column) : Math.Max(1, (int)end.Column);
        int startIndex = (int)Math.Max(0, start.Index);
        _problems.Add(new Finding(DiagnosticCatalog.InvalidDiveCi, severity, DiagnosticCatalog.InvalidDiveCi.FormatMessage(Path, message), Path,
            new LinePositionSpan(new LinePosition(startLine, startColumn), new LinePosition(endLine, endColumn)),
            TextSpan.FromBounds(startIndex, (int)Math.Max(startIndex, end.Index))));
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s
        && (s.Value is null || s.Value.Length == 0 || s.Value is "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => "'" + (s.Value!.Length > 40 ? s.Value.Substring(0, 37) + "..." : s.Value) + "'",
        _ => "this value",
    };
}
