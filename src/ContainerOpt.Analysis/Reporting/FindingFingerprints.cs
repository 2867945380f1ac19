using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// A finding's identity across edits that move it: what SARIF's <c>partialFingerprints</c> (GitHub code scanning) and
/// GitLab's <c>fingerprint</c> carry, so an alert stays the same alert when lines are added above it.
/// <para>
/// The fingerprint hashes three things: the rule's code; the text of the instruction the finding is in, normalized (line
/// continuations joined, every run of white space one space, trimmed), or the finding's line when it is in no instruction
/// (a comment, a parse error); and its occurrence: the how-many-th finding of that rule on that same text in the file
/// (0, 1, … in the order of the file), so two identical instructions that both fire keep apart. Moving an instruction, or
/// editing another, leaves it unchanged; editing the instruction itself changes it, as it should: it is another finding then.
/// The hash is 64-bit FNV-1a over those, avalanche-mixed, written as 16 hex digits: no cryptography (the tool must not need
/// OpenSSL to lint), and identity, not secrecy, is what it is for.
/// </para>
/// </summary>
public static class FindingFingerprints
{
    /// <summary>The key of the fingerprint in SARIF's partialFingerprints: versioned, so a change of the recipe is a new key.</summary>
    public const string SarifKey = "containeropt/v1";

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>
    /// Each finding of one analysed Dockerfile, in file order, with the severity the configuration gave it and its
    /// fingerprint (<see cref="Finding.Fingerprint"/>): one copy of each.
    /// </summary>
    public static List<Finding> Assign(DockerfileSyntax syntax, IReadOnlyList<(Finding Finding, DiagnosticSeverity Severity)> findings)
    {
        var source = syntax.Source;
        var instructions = syntax.Instructions;
        var instructionHashes = new ulong?[instructions.Count];
        Dictionary<(string File, string Rule, ulong Text), int>? occurrences = null;
        var result = new List<Finding>(findings.Count);
        // The findings come in file order: the instruction of each is found by walking forward from the last one's.
        int cursor = 0;
        for (int i = 0; i < findings.Count; i++)
        {
            var (finding, severity) = findings[i];
            ulong text;
            bool inThisFile = finding.FilePath is null || source.Path is null || string.Equals(finding.FilePath, source.Path, StringComparison.Ordinal);
            int line = finding.Location.Start.Line;
            if (!inThisFile || line < 1 || line > source.LineCount)
            {
                text = Normalized(source.Text, 0, 0, syntax.EscapeToken);
            }
            else if (InstructionAt(instructions, line, ref cursor) is int index and >= 0)
            {
                text = instructionHashes[index] ??= Normalized(source.Text, instructions[index].Span.Start, instructions[index].Span.End, syntax.EscapeToken);
            }
            else
            {
                int start = source.GetLineStart(line);
                text = Normalized(source.Text, start, source.GetLineContentEnd(line), syntax.EscapeToken);
            }
            // The how-many-th of its rule on this text; a file with one finding needs no count.
            int occurrence = 0;
            if (findings.Count > 1)
            {
                occurrences ??= new Dictionary<(string File, string Rule, ulong Text), int>(OccurrenceKeys.Instance);
                var key = (finding.FilePath ?? "", finding.Code, text);
                occurrences.TryGetValue(key, out occurrence);
                occurrences[key] = occurrence + 1;
            }
            result.Add(finding.WithSeverityAndFingerprint(severity, Compose(finding.Code, text, occurrence)));
        }
        return result;
    }

    /// <summary>
    /// The fingerprints of one file's findings for a report: each finding's own, else (a finding made before its file
    /// was read: a missing file, a configuration problem) one from its rule and its occurrence among those.
    /// </summary>
    public static string[] Of(IReadOnlyList<Finding> findings)
    {
        var result = new string[findings.Count];
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        ulong empty = Normalized("", 0, 0, '\\');
        for (int i = 0; i < findings.Count; i++)
        {
            if (findings[i].Fingerprint is { } own)
            {
                result[i] = own;
                continue;
            }
            occurrences.TryGetValue(findings[i].Code, out int occurrence);
            occurrences[findings[i].Code] = occurrence + 1;
            result[i] = Hex(Compose(findings[i].Code, empty, occurrence));
        }
        return result;
    }

    /// <summary>A fingerprint unique across a report of several files (GitLab keeps one issue per fingerprint): the file's path and the finding's.</summary>
    public static string InReport(string path, string fingerprint)
    {
        ulong hash = FnvOffset;
        hash = Feed(hash, "containeropt/report/v1");
        hash = Feed(hash, path.Replace('\\', '/'));
        hash = Feed(hash, fingerprint);
        return Hex(Mix(hash));
    }

    private static ulong Compose(string rule, ulong text, int occurrence)
    {
        ulong hash = FnvOffset;
        hash = Feed(hash, "containeropt/v1");
        hash = Feed(hash, rule);
        hash = Feed(hash, text);
        hash = Feed(hash, (ulong)occurrence);
        return Mix(hash);
    }

    /// <summary>
    /// Compares occurrence keys by the text's hash first (already a hash: no string is hashed again), then the strings
    /// ordinally; the default comparer hashed both strings with a randomised hash per finding.
    /// </summary>
    private sealed class OccurrenceKeys : IEqualityComparer<(string File, string Rule, ulong Text)>
    {
        public static readonly OccurrenceKeys Instance = new();

        public bool Equals((string File, string Rule, ulong Text) x, (string File, string Rule, ulong Text) y) =>
            x.Text == y.Text && string.Equals(x.Rule, y.Rule, StringComparison.Ordinal) && string.Equals(x.File, y.File, StringComparison.Ordinal);

        public int GetHashCode((string File, string Rule, ulong Text) key) => unchecked((int)key.Text ^ (int)(key.Text >> 32) ^ key.Rule.Length);
    }

    /// <summary>
    /// The instruction whose lines (heredoc bodies included) hold <paramref name="line"/>, else -1: the last that starts at
    /// or before it, found from <paramref name="cursor"/> (the last one's) forward: the findings come in file order,
    /// as the instructions do.
    /// </summary>
    private static int InstructionAt(ArrayView<InstructionSyntax> instructions, int line, ref int cursor)
    {
        if (instructions.Count == 0 || instructions[0].StartLine > line)
        {
            return -1;
        }
        if (instructions[cursor].StartLine > line)
        {
            cursor = 0; // findings out of file order: walk from the start
        }
        while (cursor + 1 < instructions.Count && instructions[cursor + 1].StartLine <= line)
        {
            cursor++;
        }
        return line <= instructions[cursor].EndLine ? cursor : -1;
    }

    /// <summary>The hash of text[start, end) with continuations joined and white space runs one space, trimmed, without copying it.</summary>
    private static ulong Normalized(string text, int start, int end, char escape)
    {
        ulong hash = FnvOffset;
        bool any = false, space = false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c == escape)
            {
                int j = i + 1;
                while (j < end && text[j] is ' ' or '\t') j++;
                if (j >= end || text[j] is '\n' or '\r')
                {
                    // A line continuation: the lines join (BuildKit joins them), so it counts as the break it stands for.
                    space = true;
                    i = j - 1;
                    continue;
                }
            }
            // White space as char.IsWhiteSpace tells it, asked only of what can be (ASCII's controls, beyond Latin-1's 0x85).
            if (c == ' ' || (c < ' ' || c >= '\x85') && char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && any)
            {
                hash = (hash ^ ' ') * FnvPrime;
            }
            hash = (hash ^ c) * FnvPrime;
            any = true;
            space = false;
        }
        return hash;
    }

    private static ulong Feed(ulong hash, string value)
    {
        foreach (char c in value)
        {
            hash = (hash ^ c) * FnvPrime;
        }
        // A separator no code unit of the text is: "ab"+"c" and "a"+"bc" hash apart.
        return (hash ^ 0x1_0000UL) * FnvPrime;
    }

    private static ulong Feed(ulong hash, ulong value)
    {
        for (int shift = 0; shift < 64; shift += 8)
        {
            hash = (hash ^ ((value >> shift) & 0xFF)) * FnvPrime;
        }
        return hash;
    }

    /// <summary>SplitMix64's finalizer: every input bit reaches every output bit.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // The same 16 hex digits Finding.Fingerprint writes from the bits Assign gives it.
    private static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);
}
