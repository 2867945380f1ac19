using System.Globalization;
using System.Text;

namespace ContainerOpt.Analysis.Fixes;

/// <summary>One line of a line diff: kept (in both), deleted (only in the old text) or inserted (only in the new).</summary>
public readonly struct DiffLine
{
    public DiffLine(DiffKind kind, int oldLine, int newLine, string text)
    {
        Kind = kind;
        OldLine = oldLine;
        NewLine = newLine;
        Text = text;
    }

    public DiffKind Kind { get; }

    /// <summary>1-based line in the old text (0 for an inserted line).</summary>
    public int OldLine { get; }

    /// <summary>1-based line in the new text (0 for a deleted line).</summary>
    public int NewLine { get; }

    /// <summary>The line without its line break.</summary>
    public string Text { get; }
}

public enum DiffKind
{
    Kept,
    Deleted,
    Inserted,
}

/// <summary>
/// Line diffs (Myers' algorithm on what lies between the common head and tail) and their unified form, as
/// <c>diff -u</c> and <c>git diff</c> print it: what <c>containeropt fix --dry-run</c> shows.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>How many frontier entries the search keeps at most (80 MB) before it settles for a longer script.</summary>
    private const long TraceLimit = 20_000_000;

    /// <summary>The lines of a text without their line breaks (<c>\r\n</c> or <c>\n</c>); a final line break starts no line.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl;
            int contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            lines.Add(text.Substring(start, contentEnd - start));
            if (nl < 0)
            {
                break;
            }
            start = nl + 1;
        }
        return lines;
    }

    /// <summary>Every line of both texts in order, each kept, deleted or inserted; a shortest edit script.</summary>
    public static IReadOnlyList<DiffLine> Compare(string oldText, string newText)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        int head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }
        int tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }
        var result = new List<DiffLine>(Math.Max(a.Count, b.Count) + 8);
        for (int i = 0; i < head; i++)
        {
            result.Add(new DiffLine(DiffKind.Kept, i + 1, i + 1, a[i]));
        }
        Middle(a, b, head, a.Count - tail, head, b.Count - tail, result);
        for (int i = tail; i > 0; i--)
        {
            result.Add(new DiffLine(DiffKind.Kept, a.Count - i + 1, b.Count - i + 1, a[a.Count - i]));
        }
        return result;
    }

    /// <summary>Myers' greedy shortest edit script between a[aStart..aEnd) and b[bStart..bEnd), appended in order.</summary>
    private static void Middle(IReadOnlyList<string> a, IReadOnlyList<string> b, int aStart, int aEnd, int bStart, int bEnd, List<DiffLine> result)
    {
        int n = aEnd - aStart, m = bEnd - bStart, max = n + m;
        if (max == 0)
        {
            return;
        }
        var trace = new List<int[]>();
        var v = new int[2 * max + 2];
        int offset = max + 1;
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++)
        {
            if ((long)(d + 1) * v.Length > TraceLimit)
            {
                // Too many changes to keep every step's frontier (a flood of fixes in a huge file): one hunk of the whole middle.
                for (int i = aStart; i < aEnd; i++) result.Add(new DiffLine(DiffKind.Deleted, i + 1, 0, a[i]));
                for (int i = bStart; i < bEnd; i++) result.Add(new DiffLine(DiffKind.Inserted, 0, i + 1, b[i]));
                return;
            }
            trace.Add((int[])v.Clone());
            for (int k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = d;
                    break;
                }
            }
        }
        // Walk back through the trace, collecting the script from the end.
        var script = new List<DiffLine>();
        int cx = n, cy = m;
        for (int d = found; d > 0; d--)
        {
            var pv = trace[d];
            int k = cx - cy;
            int prevK = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]) ? k + 1 : k - 1;
            int prevX = pv[offset + prevK];
            int prevY = prevX - prevK;
            while (cx > prevX && cy > prevY)
            {
                cx--;
                cy--;
                script.Add(new DiffLine(DiffKind.Kept, aStart + cx + 1, bStart + cy + 1, a[aStart + cx]));
            }
            if (cx == prevX)
            {
                cy--;
                script.Add(new DiffLine(DiffKind.Inserted, 0, bStart + cy + 1, b[bStart + cy]));
            }
            else
            {
                cx--;
                script.Add(new DiffLine(DiffKind.Deleted, aStart + cx + 1, 0, a[aStart + cx]));
            }
        }
        while (cx > 0 && cy > 0)
        {
            cx--;
            cy--;
            script.Add(new DiffLine(DiffKind.Kept, aStart + cx + 1, bStart + cy + 1, a[aStart + cx]));
        }
        script.Reverse();
        result.AddRange(script);
    }

    /// <summary>
    /// The unified diff of two texts (<c>--- a/PATH</c>, <c>+++ b/PATH</c>, hunks with <paramref name="context"/> lines around
    /// each change), lines ending in <c>\n</c>; empty when the texts have the same lines.
    /// </summary>
    public static string Format(string oldText, string newText, string oldName, string newName, int context = 3)
    {
        var lines = Compare(oldText, newText);
        var changes = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != DiffKind.Kept)
            {
                changes.Add(i);
            }
        }
        if (changes.Count == 0)
        {
            return "";
        }
        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldName).Append('\n');
        sb.Append("+++ ").Append(newName).Append('\n');
        int c = 0;
        while (c < changes.Count)
        {
            int start = Math.Max(0, changes[c] - context);
            int end = Math.Min(lines.Count, changes[c] + context + 1);
            while (c + 1 < changes.Count && changes[c + 1] - context <= end)
            {
                c++;
                end = Math.Min(lines.Count, changes[c] + context + 1);
            }
            c++;
            int oldStart = 0, oldCount = 0, newStart = 0, newCount = 0;
            for (int i = start; i < end; i++)
            {
                var line = lines[i];
                if (line.Kind != DiffKind.Inserted)
                {
                    if (oldCount++ == 0) oldStart = line.OldLine;
                }
                if (line.Kind != DiffKind.Deleted)
                {
                    if (newCount++ == 0) newStart = line.NewLine;
                }
            }
            if (oldCount == 0) oldStart = PrecedingLine(lines, start, old: true);
            if (newCount == 0) newStart = PrecedingLine(lines, start, old: false);
            sb.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            for (int i = start; i < end; i++)
            {
                var line = lines[i];
                sb.Append(line.Kind switch { DiffKind.Deleted => '-', DiffKind.Inserted => '+', _ => ' ' }).Append(line.Text).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>For an empty side of a hunk, diff's convention: the line before it (0 at the start of the file).</summary>
    private static int PrecedingLine(IReadOnlyList<DiffLine> lines, int start, bool old)
    {
        for (int i = start - 1; i >= 0; i--)
        {
            int line = old ? lines[i].OldLine : lines[i].NewLine;
            if (line > 0)
            {
                return line;
            }
        }
        return 0;
    }

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : start.ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture);
}
