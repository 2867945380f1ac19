using System.Text;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Fixes;

/// <summary>Applying edits to a text, and telling whether two edits collide.</summary>
public static class FixEdits
{
    /// <summary>
    /// True when the edits touch the same characters, or insert at the same place (their order would be a guess), or one
    /// inserts inside what the other replaces. Edits that only meet (one ends where the other starts) do not overlap.
    /// </summary>
    public static bool Overlap(FixEdit a, FixEdit b)
    {
        var x = a.Span;
        var y = b.Span;
        if (x.IsEmpty && y.IsEmpty)
        {
            return x.Start == y.Start;
        }
        if (x.IsEmpty)
        {
            return x.Start > y.Start && x.Start < y.End;
        }
        if (y.IsEmpty)
        {
            return y.Start > x.Start && y.Start < x.End;
        }
        return x.Start < y.End && y.Start < x.End;
    }

    /// <summary>
    /// True when edits of two different fixes may not both be made in one pass: they overlap, or one inserts where the
    /// other's replacement starts or ends (which comes first, and whether the insertion belongs inside, would be a guess).
    /// </summary>
    public static bool Collide(FixEdit a, FixEdit b)
    {
        if (Overlap(a, b))
        {
            return true;
        }
        static bool Touches(TextSpan insert, TextSpan other) =>
            insert.IsEmpty && !other.IsEmpty && (insert.Start == other.Start || insert.Start == other.End);
        return Touches(a.Span, b.Span) || Touches(b.Span, a.Span);
    }

    /// <summary>The text with the edits made; they must be sorted by position and not overlap.</summary>
    public static string Apply(string text, IReadOnlyList<FixEdit> edits)
    {
        var sb = new StringBuilder(text.Length + 64);
        int at = 0;
        foreach (var edit in edits)
        {
            sb.Append(text, at, edit.Span.Start - at);
            sb.Append(edit.NewText);
            at = edit.Span.End;
        }
        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    /// <summary>
    /// Where an offset of the edited text was before the edits (sorted, not overlapping): an offset inside a replacement
    /// maps to the start of what it replaced.
    /// </summary>
    public static int MapBack(int offset, IReadOnlyList<FixEdit> edits)
    {
        int delta = 0;
        foreach (var edit in edits)
        {
            int newStart = edit.Span.Start + delta;
            if (offset < newStart)
            {
                break;
            }
            int newEnd = newStart + edit.NewText.Length;
            if (offset < newEnd)
            {
                return edit.Span.Start;
            }
            delta += edit.NewText.Length - edit.Span.Length;
        }
        return offset - delta;
    }

    /// <summary>True when the edits are sorted, within the text and pairwise free of overlap.</summary>
    internal static bool AreWellFormed(IReadOnlyList<FixEdit> edits, int textLength)
    {
        for (int i = 0; i < edits.Count; i++)
        {
            var span = edits[i].Span;
            if (span.Start < 0 || span.End > textLength || (i > 0 && (edits[i - 1].Span.Start > span.Start || Overlap(edits[i - 1], edits[i]))))
            {
                return false;
            }
        }
        return true;
    }
}
