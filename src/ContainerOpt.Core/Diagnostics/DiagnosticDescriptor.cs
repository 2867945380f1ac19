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

    public string FormatMessage(params object?[] args)
    {
        if (args.Length == 0)
        {
            return MessageFormat;
        }
        var plan = _plan ??= FormatPlan.Of(MessageFormat);
        if (!plan.Fills(args.Length))
        {
            // An alignment or format string, or a format these arguments do not fill (its exception is string.Format's).
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
        }
        return plan.Format(args);
    }

    // The format cut into its text and the indexes of its arguments, once: string.Format reads the format again for each
    // message, most of what a report of thousands of findings spends on them.
    private FormatPlan? _plan;

    /// <summary>A composite format as text between arguments: text[0] {holes[0]} text[1] ... text[n], braces unescaped.</summary>
    private sealed class FormatPlan
    {
        private static readonly FormatPlan Unplanned = new(Array.Empty<string>(), Array.Empty<int>(), int.MaxValue);

        private readonly string[] _text;
        private readonly int[] _holes;
        private readonly int _reads;

        private FormatPlan(string[] text, int[] holes, int reads)
        {
            _text = text;
            _holes = holes;
            _reads = reads;
        }

        public bool Fills(int argumentCount) => argumentCount >= _reads;

        /// <summary>What string.Format with the invariant culture writes: each argument's invariant text ("" for null).</summary>
        public string Format(object?[] args)
        {
            var pieces = new string[_text.Length + _holes.Length];
            pieces[0] = _text[0];
            for (int h = 0; h < _holes.Length; h++)
            {
                pieces[2 * h + 1] = args[_holes[h]] switch
                {
                    null => "",
                    string text => text,
                    IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    var other => other.ToString() ?? "",
                };
                pieces[2 * h + 2] = _text[h + 1];
            }
            return string.Concat(pieces);
        }

        /// <summary>The plan of a format; one that string.Format must read (an alignment, a format string, a malformed format) fills nothing.</summary>
        public static FormatPlan Of(string format)
        {
            if (ArgumentsRead(format) is var reads && reads == Malformed)
            {
                return Unplanned;
            }
            var text = new List<string>();
            var holes = new List<int>();
            var current = new System.Text.StringBuilder();
            for (int i = 0; i < format.Length; i++)
            {
                char c = format[i];
                if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
                {
                    current.Append(c);
                    i++;
                    continue;
                }
                if (c != '{')
                {
                    current.Append(c);
                    continue;
                }
                int index = 0, digits = 0;
                while (format[++i] is >= '0' and <= '9')
                {
                    index = index * 10 + (format[i] - '0');
                    digits++;
                }
                if (format[i] != '}' || digits > 6)
                {
                    return Unplanned; // ",alignment" or ":format": string.Format's to apply
                }
                text.Add(current.ToString());
                current.Clear();
                holes.Add(index);
            }
            text.Add(current.ToString());
            return new FormatPlan(text.ToArray(), holes.ToArray(), reads);
        }
    }

    public override string ToString() => Id + " " + Name;
}
