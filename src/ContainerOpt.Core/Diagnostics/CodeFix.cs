using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Core.Diagnostics;

/// <summary>
/// One replacement in a file's text: the characters of <see cref="Span"/> (offsets in the text the finding was made on)
/// become <see cref="NewText"/>. An empty span inserts; an empty <see cref="NewText"/> deletes. <see cref="Location"/> is
/// the same span in lines and columns (1-based, end exclusive), for reports such as SARIF's <c>deletedRegion</c>.
/// </summary>
public sealed class FixEdit
{
    public FixEdit(TextSpan span, LinePositionSpan location, string newText)
    {
        Span = span;
        Location = location;
        NewText = newText;
    }

    public TextSpan Span { get; }

    public LinePositionSpan Location { get; }

    public string NewText { get; }

    public override string ToString() => $"{Span} -> \"{NewText}\"";
}

/// <summary>
/// What a rule's fixer would change for one finding (Roslyn's code action): a title and the edits, on the original text,
/// sorted by position and never overlapping. Applying them all makes the finding go away.
/// </summary>
public sealed class CodeFix
{
    public CodeFix(string title, IReadOnlyList<FixEdit> edits)
    {
        Title = title;
        Edits = edits;
    }

    /// <summary>What the fix does, as a sentence: "Write ENTRYPOINT in exec form".</summary>
    public string Title { get; }

    public IReadOnlyList<FixEdit> Edits { get; }

    public override string ToString() => Title;
}
