namespace ContainerOpt.Images.Layers;

/// <summary>
/// A history entry's created_by read back into an instruction keyword and its text, for both builders:
/// BuildKit writes <c>RUN /bin/sh -c make # buildkit</c>, <c>COPY app /app # buildkit</c>, <c>WORKDIR /app</c>;
/// the legacy builder <c>/bin/sh -c make</c> and <c>/bin/sh -c #(nop) COPY file:ab12… in /app </c>.
/// </summary>
public sealed class HistoryStep
{
    private const string BuildKitSuffix = "# buildkit";
    private const string NopPrefix = "/bin/sh -c #(nop)";
    private static readonly string[] Keywords = { "RUN", "COPY", "ADD", "WORKDIR" };

    private HistoryStep(string keyword, string text, bool legacy)
    {
        Keyword = keyword;
        Text = text;
        IsLegacy = legacy;
    }

    /// <summary>RUN, COPY, ADD, WORKDIR, or another upper-case keyword for config-only steps.</summary>
    public string Keyword { get; }

    /// <summary>What follows the keyword (for RUN: the whole recorded command, shell and ARG prefix included).</summary>
    public string Text { get; }

    /// <summary>Written by the legacy builder (COPY/ADD name a content hash, not the sources).</summary>
    public bool IsLegacy { get; }

    /// <summary>Null when there is nothing to read (an imported base layer has no created_by).</summary>
    public static HistoryStep? Parse(string? createdBy)
    {
        if (string.IsNullOrWhiteSpace(createdBy)) return null;
        string text = createdBy!.Trim();
        bool buildKit = text.EndsWith(BuildKitSuffix, StringComparison.Ordinal);
        if (buildKit) text = text.Substring(0, text.Length - BuildKitSuffix.Length).TrimEnd();
        if (text.StartsWith(NopPrefix, StringComparison.Ordinal))
        {
            string rest = text.Substring(NopPrefix.Length).Trim();
            int space = rest.IndexOf(' ');
            string keyword = space < 0 ? rest : rest.Substring(0, space);
            return new HistoryStep(keyword.ToUpperInvariant(), space < 0 ? "" : rest.Substring(space + 1).Trim(), legacy: true);
        }
        foreach (string keyword in Keywords)
        {
            if (text.Length > keyword.Length && text.StartsWith(keyword, StringComparison.Ordinal) && text[keyword.Length] == ' ')
                return new HistoryStep(keyword, text.Substring(keyword.Length + 1).Trim(), legacy: false);
        }
        // The legacy builder records a RUN as the bare command ("/bin/sh -c …", "|1 A=b /bin/sh -c …").
        return new HistoryStep("RUN", text, legacy: !buildKit);
    }

    /// <summary>The destination of a COPY/ADD: the last word (BuildKit), or what follows " in " (legacy).</summary>
    public string Destination
    {
        get
        {
            if (IsLegacy)
            {
                int inAt = Text.LastIndexOf(" in ", StringComparison.Ordinal);
                return inAt < 0 ? Text : Text.Substring(inAt + 4).Trim();
            }
            int space = Text.LastIndexOf(' ');
            return space < 0 ? Text : Text.Substring(space + 1);
        }
    }

    public override string ToString() => Keyword + " " + Text;
}
