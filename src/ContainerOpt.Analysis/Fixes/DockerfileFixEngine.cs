using ContainerOpt.Analysis.Engine;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Fixes;

/// <summary>
/// Applies the fixers to one file, in passes: analyse, ask each selected finding's fixer for its edits, keep the fixes
/// whose edits do not collide (first by position, then by rule code; a fix that collides waits for the next pass, on the
/// text the earlier fixes made; an insertion where another fix's replacement starts or ends collides too), apply them, and analyse again, until a pass changes nothing or <see cref="MaxPasses"/>
/// ran. A pass whose result does not parse, or that brings an error-severity finding the text before it did not have,
/// is redone one fix at a time and the fixes that cause it are left out. A file that does not parse is never touched.
/// No I/O: the caller reads the file into the input and writes <see cref="FixResult.FixedText"/>.
/// </summary>
public sealed class DockerfileFixEngine
{
    /// <summary>Enough for fixes that wait behind each other on one instruction; a file never needs more than a few.</summary>
    public const int MaxPasses = 8;

    private readonly DockerfileAnalyzer _analyzer;
    private readonly Func<string, DockerfileFixer?> _fixerFor;

    public DockerfileFixEngine()
        : this(new DockerfileAnalyzer())
    {
    }

    public DockerfileFixEngine(DockerfileAnalyzer analyzer)
    {
        _analyzer = analyzer;
        _fixerFor = FixerCatalog.For;
    }

    /// <summary>An engine with only these fixers (tests of one fixer; the analyzer decides which rules run).</summary>
    public DockerfileFixEngine(DockerfileAnalyzer analyzer, IReadOnlyList<DockerfileFixer> fixers)
    {
        _analyzer = analyzer;
        var byCode = fixers.ToDictionary(f => f.Descriptor.Id, StringComparer.OrdinalIgnoreCase);
        _fixerFor = code => byCode.TryGetValue(code, out var fixer) ? fixer : null;
    }

    public FixResult Fix(AnalysisInput input, FixSelection? selection = null)
    {
        selection ??= FixSelection.Default;
        string original = input.Source.Text;
        string? path = input.Source.Path;
        var result = _analyzer.Analyze(input, out var facts);
        if (ParseProblem(result, path) is { } notParsed)
        {
            return new FixResult(path, original, original, Array.Empty<AppliedFix>(), Array.Empty<LeftFinding>(), result.Findings, notParsed, 0);
        }

        var applied = new List<(Finding Finding, string Title, int Offset, int Pass)>();
        var passEdits = new List<IReadOnlyList<FixEdit>>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { original };
        var declined = new Dictionary<Finding, LeftReason>();
        string text = original;
        int passes = 0;
        while (passes < MaxPasses)
        {
            passes++;
            declined.Clear();
            var candidates = Candidates(result, facts, selection, declined);
            if (candidates.Count == 0)
            {
                break;
            }
            var accepted = AcceptNonOverlapping(candidates, declined);
            var (next, nextResult, nextFacts, kept) = ApplyChecked(input, text, result, facts, accepted, declined);
            if (kept.Count == 0 || !seen.Add(next))
            {
                break;
            }
            var edits = kept.SelectMany(c => c.Fix.Edits).OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
            foreach (var candidate in kept)
            {
                applied.Add((candidate.Finding, candidate.Fix.Title, candidate.Finding.Span.Start, passes));
            }
            passEdits.Add(edits);
            text = next;
            result = nextResult;
            facts = nextFacts;
            if (passes == MaxPasses)
            {
                // What is left after the last pass: ask the fixers once more, only to say why.
                declined.Clear();
                Candidates(result, facts, selection, declined);
            }
        }

        // Lines in the original file: each fix's offset taken back through the passes before it.
        var fixedList = new List<AppliedFix>(applied.Count);
        var originalSource = SourceText.From(original);
        foreach (var (finding, title, offset, pass) in applied)
        {
            int at = offset;
            for (int p = pass - 2; p >= 0; p--)
            {
                at = FixEdits.MapBack(at, passEdits[p]);
            }
            fixedList.Add(new AppliedFix(finding, title, originalSource.GetLinePosition(at).Line, pass));
        }
        var left = new List<LeftFinding>();
        foreach (var finding in result.Findings)
        {
            if (!selection.Selects(finding))
            {
                continue;
            }
            var reason = _fixerFor(finding.Code) is null ? LeftReason.NoFixer
                : declined.TryGetValue(finding, out var why) ? why
                : LeftReason.PassesExhausted;
            left.Add(new LeftFinding(finding, reason));
        }
        return new FixResult(path, original, text, fixedList, left, result.Findings, null, passes);
    }

    /// <summary>
    /// The fix of every finding on its own, on the text it was found in (SARIF's <c>fixes</c>; the public way in is
    /// <see cref="DockerfileAnalyzer.AnalyzeWithFixes"/>): findings without one are returned as they are.
    /// </summary>
    internal static IReadOnlyList<Finding> WithFixes(IReadOnlyList<Finding> all, DockerfileFacts facts)
    {
        var findings = new Finding[all.Count];
        for (int i = 0; i < findings.Length; i++)
        {
            var finding = all[i];
            var fix = FixerCatalog.For(finding.Code) is { } fixer ? TryFix(fixer, new FixContext(facts, finding, all), facts.Source.Length) : null;
            findings[i] = fix is null ? finding : finding.WithFix(fix);
        }
        return findings;
    }

    private sealed class Candidate
    {
        public Candidate(Finding finding, CodeFix fix)
        {
            Finding = finding;
            Fix = fix;
        }

        public Finding Finding { get; }
        public CodeFix Fix { get; }
    }

    private List<Candidate> Candidates(AnalysisResult result, DockerfileFacts? facts, FixSelection selection, Dictionary<Finding, LeftReason> declined)
    {
        var candidates = new List<Candidate>();
        if (facts is null)
        {
            return candidates;
        }
        foreach (var finding in result.Findings)
        {
            if (!selection.Selects(finding) || _fixerFor(finding.Code) is not { } fixer)
            {
                continue;
            }
            var fix = TryFix(fixer, new FixContext(facts, finding, result.Findings), facts.Source.Length);
            if (fix is null)
            {
                declined[finding] = LeftReason.NoSafeFix;
                continue;
            }
            candidates.Add(new Candidate(finding, fix));
        }
        // Deterministic: by where the fix starts, then by rule code, then by where the finding is.
        candidates.Sort((a, b) =>
        {
            int c = a.Fix.Edits[0].Span.Start.CompareTo(b.Fix.Edits[0].Span.Start);
            c = c != 0 ? c : string.CompareOrdinal(a.Finding.Code, b.Finding.Code);
            return c != 0 ? c : a.Finding.Span.Start.CompareTo(b.Finding.Span.Start);
        });
        return candidates;
    }

    /// <summary>A fixer's fix, or null when it declines, throws, or writes edits that are out of order or out of the text.</summary>
    private static CodeFix? TryFix(DockerfileFixer fixer, FixContext context, int textLength)
    {
        try
        {
            var fix = fixer.Fix(context);
            return fix is { Edits.Count: > 0 } && FixEdits.AreWellFormed(fix.Edits, textLength) ? fix : null;
        }
        catch (Exception)
        {
            // A fixer's bug leaves its finding as it is; the file is still fixed for the others.
            return null;
        }
    }

    private static List<Candidate> AcceptNonOverlapping(List<Candidate> candidates, Dictionary<Finding, LeftReason> declined)
    {
        var accepted = new List<Candidate>();
        var taken = new List<FixEdit>();
        foreach (var candidate in candidates)
        {
            if (candidate.Fix.Edits.Any(e => taken.Any(t => FixEdits.Collide(e, t))))
            {
                declined[candidate.Finding] = LeftReason.PassesExhausted;
                continue;
            }
            accepted.Add(candidate);
            taken.AddRange(candidate.Fix.Edits);
        }
        return accepted;
    }

    /// <summary>
    /// The text with the accepted fixes made, and its analysis. When the whole set breaks the file (a parse error, a new
    /// error-severity finding), they are tried one at a time, in order, and those that break it are left out.
    /// </summary>
    private (string Text, AnalysisResult Result, DockerfileFacts? Facts, List<Candidate> Kept) ApplyChecked(AnalysisInput input, string text,
        AnalysisResult before, DockerfileFacts? beforeFacts, List<Candidate> accepted, Dictionary<Finding, LeftReason> declined)
    {
        if (accepted.Count == 0)
        {
            return (text, before, beforeFacts, accepted);
        }
        var all = Try(input, text, before, accepted);
        if (all.Result is not null)
        {
            return (all.Text, all.Result, all.Facts, accepted);
        }
        var kept = new List<Candidate>();
        string keptText = text;
        var keptResult = before;
        var keptFacts = beforeFacts;
        foreach (var candidate in accepted)
        {
            var trial = Try(input, text, before, kept.Append(candidate).ToList());
            if (trial.Result is null)
            {
                declined[candidate.Finding] = LeftReason.Rejected;
                continue;
            }
            kept.Add(candidate);
            keptText = trial.Text;
            keptResult = trial.Result;
            keptFacts = trial.Facts;
        }
        return (keptText, keptResult, keptFacts, kept);
    }

    /// <summary>The fixes made on the text and its analysis; a null result when the new text is worse than the old.</summary>
    private (string Text, AnalysisResult? Result, DockerfileFacts? Facts) Try(AnalysisInput input, string text, AnalysisResult before, List<Candidate> fixes)
    {
        var edits = fixes.SelectMany(c => c.Fix.Edits).OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        string next = FixEdits.Apply(text, edits);
        var result = _analyzer.Analyze(With(input, SourceText.From(next, input.Source.Path)), out var facts);
        if (ParseProblem(result, input.Source.Path) is not null)
        {
            return (next, null, null);
        }
        var errorsBefore = before.Findings.Where(f => f.Severity == DiagnosticSeverity.Error).GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Count());
        foreach (var group in result.Findings.Where(f => f.Severity == DiagnosticSeverity.Error).GroupBy(f => f.Code))
        {
            if (group.Count() > (errorsBefore.TryGetValue(group.Key, out int count) ? count : 0))
            {
                return (next, null, null);
            }
        }
        return (next, result, facts);
    }

    private static AnalysisInput With(AnalysisInput input, SourceText source) => new(source)
    {
        DockerIgnoreText = input.DockerIgnoreText,
        ContextDirectory = input.ContextDirectory,
        ContextFiles = input.ContextFiles,
        ContextOrigin = input.ContextOrigin,
        DockerIgnorePath = input.DockerIgnorePath,
        Project = input.Project,
        Options = input.Options,
    };

    /// <summary>COPT0030 for a file with a parse error (BuildKit's or the model's), or null.</summary>
    private static Finding? ParseProblem(AnalysisResult result, string? path)
    {
        var error = result.Model.AllDiagnostics.FirstOrDefault(d => d.Severity == Dockerfile.Syntax.ParseSeverity.Error);
        if (error is null)
        {
            return null;
        }
        string file = path ?? "Dockerfile";
        var position = result.Syntax.Source.GetLinePosition(error.Span.Start);
        var descriptor = DiagnosticCatalog.FixSkippedParseErrors;
        return new Finding(descriptor, descriptor.DefaultSeverity, descriptor.FormatMessage(file, error.Code, error.Message, position.Line), file,
            new LinePositionSpan(position, position), error.Span);
    }
}
