using ContainerOpt.Analysis.Facts;
using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Engine;

/// <summary>
/// In-file switches: <c># containeropt ignore=…</c> and <c># hadolint ignore=…</c> (next instruction),
/// their <c>global ignore=</c> (whole file) and <c>stage ignore=</c> (the stage the next FROM starts) forms
/// (<see cref="Pragma"/>), and BuildKit's <c># check=skip=…;error=true;experimental=…</c>
/// (as a directive for the file, or as a comment right above an instruction for that instruction's checks).
/// </summary>
internal sealed class Suppressions
{
    private static readonly Regex CheckComment = new(@"^check\s*=\s*(.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Made on the first key: most files have no pragma, and these six were most of what a file's Suppressions cost.
    private List<string>? _global;
    private LineRanges? _local;
    private LineRanges? _stageLocal;
    private List<string>? _checkSkip;
    private LineRanges? _localCheckSkip;
    private List<string>? _experimental;

    public bool CheckSkipAll { get; private set; }

    /// <summary>BuildKit's <c>check=error=true</c>: any check it reports fails the build.</summary>
    public bool CheckErrors { get; private set; }

    /// <summary>
    /// The severity of a finding the mode (or an image-phase check) gave <paramref name="severity"/>, under
    /// <c>check=error=true</c>: BuildKit then fails <c>docker build</c> on every check it reports, the style checks a mode
    /// keeps as suggestions included, so a finding that stands for one is an error wherever it is reported at all (the
    /// file asked for it). A finding the mode drops (None) stays dropped; the configuration files still decide after this.
    /// </summary>
    public DiagnosticSeverity SeverityUnderCheck(Finding finding, DiagnosticSeverity severity) =>
        CheckErrors && severity is not (DiagnosticSeverity.None or DiagnosticSeverity.Error) && IsBuildKitCheck(finding)
            ? DiagnosticSeverity.Error
            : severity;

    /// <summary>
    /// Reads the pragmas of a file; <paramref name="checkOverride"/> (the BUILDKIT_DOCKERFILE_CHECK build argument) replaces its <c># check=</c>.
    /// With <paramref name="disableIgnorePragmas"/> (hadolint's disable-ignore-pragma) the <c>ignore=</c> comments are not read.
    /// </summary>
    public static Suppressions From(DockerfileSyntax syntax, string? checkOverride = null, bool disableIgnorePragmas = false)
    {
        var s = new Suppressions();
        var instructions = syntax.Instructions;
        int[]? nextFrom = null;
        var pragmas = disableIgnorePragmas ? Array.Empty<Pragma>() : Pragma.In(syntax);
        for (int p = 0; p < pragmas.Count; p++)
        {
            var pragma = pragmas[p];
            switch (pragma.Kind)
            {
                case PragmaKind.GlobalIgnore:
                    (s._global ??= new()).AddRange(pragma.Keys);
                    break;
                case PragmaKind.Ignore:
                    if (FirstAfterLine(instructions, pragma.Line) is int target and >= 0)
                    {
                        foreach (var key in pragma.Keys)
                        {
                            (s._local ??= new()).Add(instructions[target].StartLine, instructions[target].EndLine, key);
                        }
                    }
                    break;
                case PragmaKind.StageIgnore:
                    // hadolint: only when a FROM follows right away; then up to the next FROM.
                    int next = FirstAfterLine(instructions, pragma.Line);
                    if (next >= 0 && instructions[next].Kind == InstructionKind.From)
                    {
                        nextFrom ??= NextFroms(instructions);
                        int after = nextFrom[next];
                        int end = after < 0 ? int.MaxValue : instructions[after].StartLine - 1;
                        foreach (var key in pragma.Keys)
                        {
                            (s._stageLocal ??= new()).Add(instructions[next].StartLine, end, key);
                        }
                    }
                    break;
            }
        }
        // BuildKit merges a `# check=skip=...` comment directly above an instruction into the checks of that instruction only.
        foreach (var instruction in syntax.Instructions)
        {
            // By index: most instructions have no comment above them, and an enumerator over the interface costs three
            // dispatches to find that out.
            var comments = instruction.PrecedingComments;
            for (int c = 0; c < comments.Count; c++)
            {
                string comment = comments[c];
                // The form is anchored at "check": most comments start otherwise and need no regex. "chec" is tested letter by
                // letter (string.Compare without case costs more than the test): none of these letters has another case for
                // the regex ('k' has the Kelvin sign, left to it).
                if (comment.Length < 7 || comment[0] is not ('c' or 'C') || comment[1] is not ('h' or 'H') || comment[2] is not ('e' or 'E')
                    || comment[3] is not ('c' or 'C'))
                {
                    continue;
                }
                foreach (var key in LocalCheckSkips(comment))
                {
                    (s._localCheckSkip ??= new()).Add(instruction.StartLine, instruction.EndLine, key);
                }
            }
        }
        string? check = checkOverride ?? syntax.FindDirective("check")?.Value;
        if (check is not null)
        {
            foreach (var part in check.Split(';'))
            {
                int eq = part.IndexOf('=');
                if (eq < 0) continue;
                string key = part.Substring(0, eq).Trim().ToLowerInvariant();
                var values = part.Substring(eq + 1).Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
                switch (key)
                {
                    case "skip":
                        if (values.Any(v => v.Equals("all", StringComparison.OrdinalIgnoreCase))) s.CheckSkipAll = true;
                        (s._checkSkip ??= new()).AddRange(values);
                        break;
                    case "error":
                        s.CheckErrors = values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
                        break;
                    case "experimental":
                        (s._experimental ??= new()).AddRange(values);
                        break;
                }
            }
        }
        return s;
    }

    /// <summary>True when the file enables an off-by-default (experimental) rule by one of its names.</summary>
    /// <summary>True when the file's <c>check=experimental=</c> pragma names any rule.</summary>
    public bool HasExperimental => _experimental is { Count: > 0 };

    public bool IsExperimentalEnabled(DiagnosticDescriptor d) =>
        _experimental is not null && _experimental.Any(e => e.Equals("all", StringComparison.OrdinalIgnoreCase) || d.IsNamedBy(e));

    public bool IsSuppressed(Finding f)
    {
        if (_global is null && _local is null && _stageLocal is null && !CheckSkipAll && _checkSkip is null && _localCheckSkip is null)
        {
            return false; // a file without pragmas (most): no matcher per finding
        }
        if (_global is not null && _global.Any(f.IsNamedBy))
        {
            return true;
        }
        int line = f.Location.Start.Line;
        if ((_local is not null && _local.Any(line, f.IsNamedBy)) || (_stageLocal is not null && _stageLocal.Any(line, f.IsNamedBy)))
        {
            return true;
        }
        return IsBuildKitCheck(f) && IsCheckSkipped(f, line);
    }

    /// <summary>
    /// Whether a <c># check=skip=...</c> (the file's or the instruction's) skips the BuildKit check's finding. A method of its
    /// own: its lambda's closure over the finding would otherwise be made on every call of <see cref="IsSuppressed"/>.
    /// </summary>
    private bool IsCheckSkipped(Finding f, int line) =>
        CheckSkipAll || (_checkSkip is not null && _checkSkip.Any(f.IsNamedBy))
        || (_localCheckSkip is not null && _localCheckSkip.Any(line, key => key.Equals("all", StringComparison.OrdinalIgnoreCase) || f.IsNamedBy(key)));

    /// <summary>The index of the first instruction that starts after <paramref name="line"/>, or -1 (instructions are in line order).</summary>
    private static int FirstAfterLine(IReadOnlyList<InstructionSyntax> instructions, int line)
    {
        int low = 0, high = instructions.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (instructions[middle].StartLine > line)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return low < instructions.Count ? low : -1;
    }

    /// <summary>For each instruction, the index of the first FROM after it, or -1.</summary>
    private static int[] NextFroms(IReadOnlyList<InstructionSyntax> instructions)
    {
        var next = new int[instructions.Count];
        int from = -1;
        for (int i = instructions.Count - 1; i >= 0; i--)
        {
            next[i] = from;
            if (instructions[i].Kind == InstructionKind.From)
            {
                from = i;
            }
        }
        return next;
    }

    /// <summary>
    /// Keys that hold on ranges of lines (an instruction's, a stage's). A finding looks up its line by binary search
    /// among the ranges, not through all of them: a file with a pragma above each of thousands of instructions stays linear.
    /// </summary>
    private sealed class LineRanges
    {
        private readonly List<(int Start, int End, string Key)> _all = new();
        private List<(int Start, int End, List<string> Keys)>? _sorted;
        private bool _overlapping;

        public void Add(int start, int end, string key)
        {
            _all.Add((start, end, key));
            _sorted = null;
        }

        public bool Any(int line, Func<string, bool> match)
        {
            if (_all.Count == 0)
            {
                return false;
            }
            var sorted = _sorted ??= Build();
            if (_overlapping)
            {
                foreach (var (start, end, key) in _all)
                {
                    if (line >= start && line <= end && match(key))
                    {
                        return true;
                    }
                }
                return false;
            }
            // The last range that starts at or before the line; ranges are disjoint, so only it can hold the line.
            int low = 0, high = sorted.Count - 1, found = -1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                if (sorted[middle].Start <= line)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            if (found < 0 || sorted[found].End < line)
            {
                return false;
            }
            foreach (var key in sorted[found].Keys)
            {
                if (match(key))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The distinct ranges in order, each with its keys; <see cref="_overlapping"/> when two differ and overlap.</summary>
        private List<(int Start, int End, List<string> Keys)> Build()
        {
            var sorted = new List<(int Start, int End, List<string> Keys)>();
            foreach (var (start, end, key) in _all.OrderBy(r => r.Start).ThenBy(r => r.End))
            {
                if (sorted.Count > 0 && sorted[sorted.Count - 1].Start == start && sorted[sorted.Count - 1].End == end)
                {
                    sorted[sorted.Count - 1].Keys.Add(key);
                    continue;
                }
                if (sorted.Count > 0 && sorted[sorted.Count - 1].End >= start)
                {
                    _overlapping = true;
                }
                sorted.Add((start, end, new List<string> { key }));
            }
            return sorted;
        }
    }

    /// <summary>A finding that stands for one of BuildKit's checks (an equivalent that is not a DL code).</summary>
    public static bool IsBuildKitCheck(Finding f) =>
        f.Equivalents.Any(e => !e.StartsWith("DL", StringComparison.Ordinal) && !e.StartsWith("SC", StringComparison.Ordinal));

    /// <summary>The skip list of a comment <c>check=skip=A,B</c> (a trailing <c>// remark</c> ignored).</summary>
    private static IEnumerable<string> LocalCheckSkips(string comment)
    {
        var m = CheckComment.Match(comment);
        if (!m.Success)
        {
            yield break;
        }
        string value = m.Groups[1].Value;
        int remark = value.IndexOf("//", StringComparison.Ordinal);
        if (remark >= 0)
        {
            value = value.Substring(0, remark);
        }
        foreach (var part in value.Split(';'))
        {
            int eq = part.IndexOf('=');
            if (eq < 0 || !part.Substring(0, eq).Trim().Equals("skip", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var v in part.Substring(eq + 1).Split(','))
            {
                string key = v.Trim();
                if (key.Length > 0)
                {
                    yield return key;
                }
            }
        }
    }
}
