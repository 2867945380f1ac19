using System.Globalization;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Core.Diagnostics;

/// <summary>One reported problem: a descriptor, the file, the exact span and the message.</summary>
public sealed class Finding
{
    public Finding(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string message, string? filePath, LinePositionSpan location, TextSpan span,
        IReadOnlyList<string>? equivalents = null, RuleTier? tier = null, IReadOnlyList<LinePositionSpan>? additionalLocations = null, string? fingerprint = null,
        IReadOnlyDictionary<string, string>? properties = null, CodeFix? fix = null)
    {
        _fingerprint = fingerprint;
        Properties = properties ?? NoProperties;
        Fix = fix;
        Tier = tier;
        AdditionalLocations = additionalLocations ?? Array.Empty<LinePositionSpan>();
        Equivalents = equivalents ?? descriptor.Equivalents;
        Descriptor = descriptor;
        Severity = severity;
        _message = message;
        FilePath = filePath;
        Location = location;
        Span = span;
    }

    /// <summary>
    /// A copy with another severity, equivalents and fix and, when given, the 64 bits of its fingerprint (written as hex only
    /// when read). A message not formatted yet stays so.
    /// </summary>
    private Finding(Finding other, DiagnosticSeverity severity, IReadOnlyList<string> equivalents, ulong? fingerprintBits, CodeFix? fix)
        : this(other.Descriptor, severity, other._message!, other.FilePath, other.Location, other.Span, equivalents, other.Tier,
            other.AdditionalLocations, fingerprintBits is null ? other._fingerprint : null, other.Properties, fix)
    {
        _messageArgs = other._messageArgs;
        _fingerprintBits = fingerprintBits ?? other._fingerprintBits;
    }

    /// <summary>A finding whose message is its descriptor's format filled with <paramref name="args"/> (as <see cref="DiagnosticDescriptor.FormatMessage"/>).</summary>
    private Finding(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, object?[] args, string? filePath, LinePositionSpan location, TextSpan span,
        IReadOnlyList<string>? equivalents, IReadOnlyList<LinePositionSpan>? additionalLocations, IReadOnlyDictionary<string, string>? properties)
        : this(descriptor, severity, null!, filePath, location, span, equivalents, null, additionalLocations, null, properties, null)
    {
        _messageArgs = args;
    }

    /// <summary>
    /// A finding whose message is <paramref name="descriptor"/>'s format filled with <paramref name="args"/>, formatted when
    /// first read: most findings of a run are never shown (suggestions in a build's output, rules that another
    /// supersedes), and formatting them all was a tenth of the engine's own cost. Arguments that could change before then
    /// (anything but text, numbers and enums) are formatted now, and so is a format these arguments would not fill: its
    /// exception is the rule's, where the engine turns it into a coded diagnostic, not the report's.
    /// </summary>
    public static Finding FromFormat(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, object?[] args, string? filePath, LinePositionSpan location,
        TextSpan span, IReadOnlyList<string>? equivalents = null, IReadOnlyList<LinePositionSpan>? additionalLocations = null,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        if (args is null || args.Length == 0 || !descriptor.FormatsWith(args.Length) || !AreImmutable(args))
        {
            return new Finding(descriptor, severity, descriptor.FormatMessage(args!), filePath, location, span, equivalents,
                additionalLocations: additionalLocations, properties: properties);
        }
        return new Finding(descriptor, severity, args, filePath, location, span, equivalents, additionalLocations, properties);
    }

    private static bool AreImmutable(object?[] args)
    {
        foreach (var arg in args)
        {
            if (arg is not (null or string or int or long or uint or ulong or short or ushort or byte or char or bool or double or Enum or Text.QuotedList))
            {
                return false;
            }
        }
        return true;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>
    /// The tier of this finding when it differs from its rule's (one ShellCheck rule carries both bugs and
    /// style notes); null: the rule's tier (<see cref="DiagnosticCatalog.TierOf"/>).
    /// </summary>
    public RuleTier? Tier { get; }

    /// <summary>The peers' names for this finding (hadolint codes, BuildKit checks); pragmas match these too.</summary>
    public IReadOnlyList<string> Equivalents { get; }
    public string Code => Descriptor.Id;
    public DiagnosticSeverity Severity { get; }
    public string Message => _message ??= Descriptor.FormatMessage(_messageArgs!);

    // Exactly one is set at first: the message, or the arguments that fill its descriptor's format (see FromFormat).
    private string? _message;
    private readonly object?[]? _messageArgs;
    public string? FilePath { get; }

    /// <summary>1-based lines and columns; the end column is exclusive.</summary>
    public LinePositionSpan Location { get; }

    /// <summary>Character offsets in the file.</summary>
    public TextSpan Span { get; }

    /// <summary>
    /// Other places the same finding stands for (Roslyn's additional locations): the other RUNs that leave the same
    /// cache, the other FROMs of an out-of-support version. The message names their lines; SARIF lists them.
    /// </summary>
    public IReadOnlyList<LinePositionSpan> AdditionalLocations { get; }

    /// <summary>
    /// What tells this finding from every other of its file across edits that move it (SARIF's partialFingerprints, GitLab's
    /// fingerprint): set by the analysis from the rule, the text of the instruction it is in and its occurrence
    /// (ContainerOpt.Analysis.Reporting.FindingFingerprints); null for a finding made before a file was read.
    /// </summary>
    public string? Fingerprint => _fingerprint ??= _fingerprintBits is { } bits ? bits.ToString("x16", CultureInfo.InvariantCulture) : null;

    // Most runs never read a fingerprint (only SARIF, GitLab, Code Climate and the build's cache do): the analysis gives
    // each finding its 64 bits, and the 16 hex digits are written on first read. Either field may be set; the text wins.
    private readonly ulong? _fingerprintBits;
    private string? _fingerprint;

    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    /// <summary>
    /// What the rule knows that its fixer needs (Roslyn's <c>Diagnostic.Properties</c>): the replacement its message
    /// names, the caches a RUN leaves. Empty for most findings; never shown.
    /// </summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>The fix for this finding alone, on the text it was found in, when one was asked for (SARIF's <c>fixes</c>); else null.</summary>
    public CodeFix? Fix { get; }

    /// <summary>This finding with <paramref name="severity"/>: itself when it has it already (a finding does not change).</summary>
    public Finding WithSeverity(DiagnosticSeverity severity) => severity == Severity ? this : new(this, severity, Equivalents, null, Fix);

    public Finding WithEquivalents(IReadOnlyList<string> equivalents) => new(this, Severity, equivalents, null, Fix);

    /// <summary>This finding with the severity its configuration gives it and its fingerprint's 64 bits, in one copy.</summary>
    public Finding WithSeverityAndFingerprint(DiagnosticSeverity severity, ulong fingerprint) => new(this, severity, Equivalents, fingerprint, Fix);

    public Finding WithFix(CodeFix? fix) => new(this, Severity, Equivalents, null, fix);

    /// <summary>True when <paramref name="key"/> names this finding: its code, rule name or an equivalent.</summary>
    public bool IsNamedBy(string key) =>
        string.Equals(key, Code, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, Descriptor.Name, StringComparison.OrdinalIgnoreCase)
        || Equivalents.Any(e => string.Equals(e, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>MSBuild's canonical form, which Visual Studio's Error List and CI log parsers read.</summary>
    public string ToCanonicalString()
    {
        string kind = Severity.ToText();
        return $"{FilePath ?? "Dockerfile"}({Location.Start.Line},{Location.Start.Column}): {kind} {Code}: {Message}";
    }

    public override string ToString() => ToCanonicalString();
}
