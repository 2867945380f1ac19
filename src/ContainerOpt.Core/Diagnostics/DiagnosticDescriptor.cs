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

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);

    public override string ToString() => Id + " " + Name;
}
