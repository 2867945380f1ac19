namespace ContainerOpt.Core.Diagnostics;

/// <summary>What a diagnostic is: id, name, title, message, default severity, category, help page and the peers' equivalents.</summary>
public sealed class DiagnosticDescriptor
{
    public const string HelpBaseUri = ProductInfo.RuleHelpBaseUri;

    public DiagnosticDescriptor(
        string id,
        string name,
        string title,
        string messageFormat,
        DiagnosticSeverity defaultSeverity,
        string category,
        IReadOnlyList<string>? equivalents = null,
        bool enabledByDefault = true)
    {
        Id = id;
        Name = name;
        Title = title;
        MessageFormat = messageFormat;
        DefaultSeverity = defaultSeverity;
        Category = category;
        Equivalents = equivalents ?? Array.Empty<string>();
        EnabledByDefault = enabledByDefault;
    }

    /// <summary>COPTnnnn.</summary>
    public string Id { get; }

    /// <summary>Short kebab-case name, usable instead of the id in pragmas and configuration.</summary>
    public string Name { get; }

    public string Title { get; }

    /// <summary>A <see cref="string.Format(string, object[])"/> format; arguments come from the finding.</summary>
    public string MessageFormat { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    public string Category { get; }

    /// <summary>hadolint codes (DL3008) and BuildKit check names (JSONArgsRecommended) this stands for.</summary>
    public IReadOnlyList<string> Equivalents { get; }

    public bool EnabledByDefault { get; }

    public string HelpUri => HelpBaseUri + Id + ".md";

    /// <summary>True when <paramref name="key"/> is the code, the short name or one of the equivalents (case-insensitive).</summary>
    public bool IsNamedBy(string key) =>
        string.Equals(key, Id, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, Name, StringComparison.OrdinalIgnoreCase)
        || Equivalents.Any(e => string.Equals(e, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether <see cref="MessageFormat"/> filled with <paramref name="argumentCount"/> arguments cannot fail: the format is
    /// well formed and reads no argument past them. A finding formats its message late only then (<see cref="Finding.FromFormat"/>),
    /// so that a rule's wrong arguments still fail in the rule (a coded diagnostic), not in the report that reads the message.
    /// </summary>
    internal bool FormatsWith(int argumentCount)
    {
        if (_argumentsRead == NotCounted)
        {
            _argumentsRead = ArgumentsRead(MessageFormat);
        }
        return _argumentsRead != Malformed && argumentCount >= _argumentsRead;
    }

    private const int NotCounted = -2, Malformed = -1;
    private int _argumentsRead = NotCounted;

    /// <summary>
    /// The catalogue's tier of this descriptor (<see cref="DiagnosticCatalog.TierOf"/>), looked up in its table once: the engine
    /// asks it for every finding. An int written whole, so racing readers at worst look it up twice.
    /// </summary>
    internal RuleTier Tier
    {
        get
        {
            if (_tier == TierNotLookedUp)
            {
                _tier = (int)DiagnosticCatalog.LookUpTier(this);
            }
            return (RuleTier)_tier;
        }
    }

    private const int TierNotLookedUp = -1;
    private int _tier = TierNotLookedUp;

    /// <summary>1 + the highest argument index of a composite format (0 when it reads none), or <see cref="Malformed"/>.</summary>
    internal static int ArgumentsRead(string format)
    {
        int read = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}') { i++; continue; }
                return Malformed;
            }
            if (c != '{')
            {
                continue;
            }
            if (i + 1 < format.Length && format[i + 1] == '{') { i++; continue; }
            int index = 0, digits = 0;
            while (++i < format.Length && format[i] is >= '0' and <= '9' && digits < 6)
            {
                index = index * 10 + (format[i] - '0');
                digits++;
            }
            // An alignment or format string may follow the index; it ends at the first '}' (braces inside are not allowed).
            while (i < format.Length && format[i] != '}' && format[i] != '{')
            {
                i++;
            }
            if (digits == 0 || i == format.Length || format[i] == '{')
            {
                return Malformed;
            }
            read = Math.Max(read, index + 1);
        }
        return read;
    }

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);

    public override string ToString() => Id + " " + Name;
}
