using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core.Collections;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Engine;

/// <summary>
/// Parses, builds the model, runs every enabled rule and applies configuration and in-file
/// pragmas. No I/O: the caller supplies the text, the .dockerignore and the project. Never throws
/// for any input; a rule that fails becomes a COPT0009 finding instead of a crash.
/// </summary>
public sealed class DockerfileAnalyzer
{
    // An array, not a list behind an interface: the engine walks it for every file.
    private readonly DockerfileRule[] _rules;

    /// <summary>
    /// The rules the last few configurations seen switch on, the latest first. A run lints its files with a few
    /// configuration objects (one per set of configuration files, and no .editorconfig, or one per folder), often taking
    /// turns, so deciding 130 rules' state once per configuration instead of once per file is most of the per-file cost of
    /// the engine.
    /// </summary>
    private readonly RecentlyUsed<EnabledSet> _recentEnabled = new(capacity: 8);

    public DockerfileAnalyzer()
        : this(RuleCatalog.Rules)
    {
    }

    public DockerfileAnalyzer(IReadOnlyList<DockerfileRule> rules)
    {
        _rules = rules.ToArray();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < _rules.Length; r++)
        {
            indexOf[_rules[r].Descriptor.Id] = r;
        }
        _losersOf = new int[]?[_rules.Length];
        for (int r = 0; r < _rules.Length; r++)
        {
            if (_rules[r].Supersedes.Count > 0)
            {
                _losersOf[r] = _rules[r].Supersedes.Where(indexOf.ContainsKey).Select(id => indexOf[id]).ToArray();
            }
        }
    }

    /// <summary>
    /// Whether each finding gets its fingerprint (<see cref="Finding.Fingerprint"/>; default true). A caller whose report
    /// does not write them (<see cref="FindingReportFormat.WritesFingerprints"/>) saves their hashing: a few percent of a lint.
    /// </summary>
    public bool Fingerprints { get; init; } = true;

    /// <summary>
    /// By index in <see cref="_rules"/>: the indexes there of the rules that rule supersedes (<see cref="DockerfileRule.Supersedes"/>),
    /// or null for the many rules that stand in for none. By index, so a file's few rules with findings are looked up, not
    /// every superseding rule searched for among them.
    /// </summary>
    private readonly int[]?[] _losersOf;

    public AnalysisResult Analyze(SourceText source) => Analyze(new AnalysisInput(source));

    public AnalysisResult Analyze(AnalysisInput input) => Analyze(input, out _);

    /// <summary>Each finding with the severity the configuration gave it, without a fingerprint.</summary>
    private static List<Finding> WithSeverities(List<(Finding Finding, DiagnosticSeverity Severity)> findings)
    {
        var result = new List<Finding>(findings.Count);
        foreach (var (finding, severity) in findings)
        {
            result.Add(finding.WithSeverity(severity));
        }
        return result;
    }

    /// <summary>
    /// The analysis, each finding carrying its rule's fix for it alone on this text (<see cref="Finding.Fix"/>, null when
    /// the rule has no fixer or the fixer declines): what SARIF's <c>fixes</c> are written from.
    /// </summary>
    public AnalysisResult AnalyzeWithFixes(AnalysisInput input)
    {
        var result = Analyze(input, out var facts);
        return facts is null ? result : new AnalysisResult(result.Syntax, result.Model, Fixes.DockerfileFixEngine.WithFixes(result.Findings, facts));
    }

    /// <summary>The analysis and the facts its rules read (null when the file did not parse), for the fix engine; the result does not keep them.</summary>
    internal AnalysisResult Analyze(AnalysisInput input, out DockerfileFacts? facts)
    {
        var source = input.Source;
        var options = input.Options;
        var syntax = DockerfileParser.Parse(source);
        var model = DockerfileModel.Build(syntax, options.BuildArgs.Count == 0 ? null : new Dictionary<string, string>(options.BuildArgs));

        options.BuildArgs.TryGetValue("BUILDKIT_DOCKERFILE_CHECK", out var checkOverride);
        var suppressions = Suppressions.From(syntax, checkOverride, options.DisableIgnorePragma);
        facts = null;
        List<(int Rule, List<Finding> Findings)>? ruleFindings = null;
        IReadOnlyList<Finding> shellCheckFindings = Array.Empty<Finding>();
        if (!syntax.FailsBuildKitParse)
        {
            facts = new DockerfileFacts(model,
                input.DockerIgnoreText is null ? null : DockerIgnore.Parse(input.DockerIgnoreText),
                input.ContextDirectory, input.Project, options, input.ContextFiles, input.ContextOrigin, input.DockerIgnorePath);
            // Each rule that found something, by its index, in rule order.
            var enabled = EnabledRules(options, input.EditorConfig);
            var context = new RuleContext(facts, _rules);
            for (int r = 0; r < _rules.Length; r++)
            {
                // The rules the run's configuration switches on were decided once per configuration; only an in-file
                // pragma (check=experimental=...) can add one here.
                if (!enabled[r] && !(suppressions.HasExperimental && suppressions.IsExperimentalEnabled(_rules[r].Descriptor)))
                {
                    continue;
                }
                List<Finding>? found;
                try
                {
                    context.Start(r);
                    _rules[r].Analyze(context);
                    found = context.Finish();
                }
                catch (Exception e)
                {
                    // A bug in one rule must not hide the others or fail the build with MSB4018: its findings give way to this one.
                    found = new List<Finding>
                    {
                        DockerfileInput.FileProblem(DiagnosticCatalog.InternalError, source.Path ?? "Dockerfile",
                            source.Path ?? "Dockerfile", $"rule {_rules[r].Descriptor.Id} threw {e.GetType().Name}: {e.Message}"),
                    };
                }
                if (found is not null)
                {
                    (ruleFindings ??= new List<(int, List<Finding>)>()).Add((r, found));
                }
            }
            if (ruleFindings is not null)
            {
                MergeSuperseded(ruleFindings);
            }
            shellCheckFindings = RunShellCheck(facts, options, suppressions, input.EditorConfig);
        }

        // The parser's findings, then each rule's, then ShellCheck's, each kept at the severity the mode, the pragmas and
        // the configuration give it (straight into one list sized for all of them: a file has few).
        int count = model.Syntax.Diagnostics.Count + model.Diagnostics.Count + shellCheckFindings.Count;
        if (ruleFindings is not null)
        {
            foreach (var (_, ruleList) in ruleFindings)
            {
                count += ruleList.Count;
            }
        }
        var final = new List<(Finding Finding, DiagnosticSeverity Severity)>(count);
        foreach (var diagnostic in model.AllDiagnostics)
        {
            var descriptor = DiagnosticCatalog.ForParserCode(diagnostic.Code);
            Keep(final, new Finding(descriptor, descriptor.DefaultSeverity, diagnostic.Message, source.Path,
                source.GetLinePositionSpan(diagnostic.Span), diagnostic.Span), input, suppressions);
        }
        if (ruleFindings is not null)
        {
            foreach (var (_, ruleList) in ruleFindings)
            {
                foreach (var finding in ruleList)
                {
                    Keep(final, finding, input, suppressions);
                }
            }
        }
        foreach (var finding in shellCheckFindings)
        {
            Keep(final, finding, input, suppressions);
        }
        final.Sort(static (a, b) => CompareFindings(a.Finding, b.Finding));
        return new AnalysisResult(syntax, model, Fingerprints ? FindingFingerprints.Assign(syntax, final) : WithSeverities(final));
    }

    /// <summary>Adds the finding at its severity unless a pragma, the options or the configuration switch it off.</summary>
    private static void Keep(List<(Finding Finding, DiagnosticSeverity Severity)> final, Finding finding, AnalysisInput input, Suppressions suppressions)
    {
        var options = input.Options;
        if (suppressions.IsSuppressed(finding) || (options.Ignored.Count > 0 && options.Ignored.Any(finding.IsNamedBy)))
        {
            return;
        }
        var severity = suppressions.SeverityUnderCheck(finding, DiagnosticCatalog.SeverityIn(options.EffectiveMode, finding));
        severity = Configured(finding, severity, options, input.EditorConfig);
        if (severity != DiagnosticSeverity.None)
        {
            final.Add((finding, severity));
        }
    }

    /// <summary>
    /// ShellCheck on the RUN scripts, when the caller gave one (<see cref="AnalysisOptions.ShellCheck"/>): an external
    /// checker, not a rule (it runs a process). Not run when its findings could not show (the mode leaves it out,
    /// or it is ignored by its code or name).
    /// </summary>
    private static IReadOnlyList<Finding> RunShellCheck(DockerfileFacts facts, AnalysisOptions options, Suppressions suppressions, EditorConfigSeverities editorConfig)
    {
        if (options.ShellCheck is not { } tool || !IsEnabled(DiagnosticCatalog.ShellCheck, options, suppressions, editorConfig) || ShellCheck.ShellCheckRunner.IsSwitchedOff(options))
        {
            return Array.Empty<Finding>();
        }
        try
        {
            return ShellCheck.ShellCheckRunner.Check(facts, tool);
        }
        catch (Exception e)
        {
            // As for a rule: a bug here must not hide the rules' findings or fail the build with MSB4018.
            string path = facts.Source.Path ?? "Dockerfile";
            return new[] { DockerfileInput.FileProblem(DiagnosticCatalog.InternalError, path, path, $"ShellCheck's runner threw {e.GetType().Name}: {e.Message}") };
        }
    }

    private static int CompareFindings(Finding a, Finding b)
    {
        int c = a.Location.Start.Line.CompareTo(b.Location.Start.Line);
        if (c != 0) return c;
        c = a.Location.Start.Column.CompareTo(b.Location.Start.Column);
        c = c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
        // One descriptor reports several findings at one place (ShellCheck's SC codes): keep their order stable.
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }

    /// <summary>
    /// The severity the configuration gives a finding whose mode gave it <paramref name="severity"/>. The configuration files
    /// (and the CLI's flags) name rules as Roslyn's rule sets and command line do: where they name a finding, they win over
    /// .editorconfig and .globalconfig, whose entries otherwise decide. Shared with <see cref="ContainerPropertiesAnalyzer"/>.
    /// </summary>
    internal static DiagnosticSeverity Configured(Finding finding, DiagnosticSeverity severity, AnalysisOptions options, EditorConfigSeverities editorConfig)
    {
        bool configured = false;
        // Most runs configure no severity: the count is one call where the walk of an empty table through the interface is three.
        if (options.Severities.Count > 0)
        {
            foreach (var pair in options.Severities)
            {
                if (finding.IsNamedBy(pair.Key))
                {
                    severity = pair.Value;
                    configured = true;
                }
            }
        }
        if (!configured && !editorConfig.IsEmpty)
        {
            severity = editorConfig.Apply(finding, severity, DiagnosticCatalog.RunsIn(options.EffectiveMode, finding.Descriptor));
        }
        return severity;
    }

    private static bool IsEnabled(DiagnosticDescriptor d, AnalysisOptions options, Suppressions suppressions, EditorConfigSeverities editorConfig) =>
        suppressions.IsExperimentalEnabled(d) || IsEnabled(d, options, editorConfig);

    /// <summary>True when the rule runs: its mode runs it, or the configuration or an .editorconfig switches it on.</summary>
    internal static bool IsEnabled(DiagnosticDescriptor d, AnalysisOptions options, EditorConfigSeverities editorConfig)
    {
        if (DiagnosticCatalog.RunsIn(options.EffectiveMode, d) || options.EnableAllRules || editorConfig.SwitchesOn(d))
        {
            return true;
        }
        foreach (var pair in options.Severities)
        {
            // Matched against the rule itself (code, name, equivalents), so rules outside the catalog and
            // keys shared by several rules (a DL code two rules stand for) switch on every rule they name.
            if (pair.Value != DiagnosticSeverity.None && d.IsNamedBy(pair.Key))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether each rule of <see cref="_rules"/> (by its index there) runs under this configuration.</summary>
    private bool[] EnabledRules(AnalysisOptions options, EditorConfigSeverities editorConfig)
    {
        foreach (var set in _recentEnabled.Items)
        {
            if (set.Matches(options, editorConfig))
            {
                return set.Rules;
            }
        }
        var rules = new bool[_rules.Length];
        for (int r = 0; r < _rules.Length; r++)
        {
            rules[r] = IsEnabled(_rules[r].Descriptor, options, editorConfig);
        }
        _recentEnabled.Add(new EnabledSet(options, editorConfig, rules));
        return rules;
    }

    private sealed class EnabledSet
    {
        // What IsEnabled reads of the options, copied: options are mutable, so the same object may mean another set later.
        private readonly AnalysisOptions _options;
        private readonly EditorConfigSeverities _editorConfig;
        private readonly AnalysisMode _mode;
        private readonly bool _all;
        private readonly KeyValuePair<string, DiagnosticSeverity>[] _severities;

        public EnabledSet(AnalysisOptions options, EditorConfigSeverities editorConfig, bool[] rules)
        {
            _options = options;
            _editorConfig = editorConfig;
            _mode = options.EffectiveMode;
            _all = options.EnableAllRules;
            _severities = options.Severities.ToArray();
            Rules = rules;
        }

        public bool[] Rules { get; }

        public bool Matches(AnalysisOptions options, EditorConfigSeverities editorConfig)
        {
            if (!ReferenceEquals(options, _options) || !ReferenceEquals(editorConfig, _editorConfig) || options.EffectiveMode != _mode
                || options.EnableAllRules != _all || options.Severities.Count != _severities.Length)
            {
                return false;
            }
            int i = 0;
            foreach (var pair in options.Severities)
            {
                if (!string.Equals(pair.Key, _severities[i].Key, StringComparison.Ordinal) || pair.Value != _severities[i].Value)
                {
                    return false;
                }
                i++;
            }
            return true;
        }
    }

    /// <summary>A rule that supersedes another takes over its findings on the same line (or a line of its additional locations), equivalents merged.</summary>
    private void MergeSuperseded(List<(int Rule, List<Finding> Findings)> byRule)
    {
        if (byRule.Count < 2)
        {
            return; // superseding takes two rules with findings
        }
        // The rules with findings are in rule order, as the catalogue lists the superseding rules.
        foreach (var (winnerRule, winners) in byRule)
        {
            if (_losersOf[winnerRule] is not { } superseded || winners.Count == 0)
            {
                continue;
            }
            foreach (int loserRule in superseded)
            {
                if (FindingsOf(byRule, loserRule) is not { Count: > 0 } losers)
                {
                    continue;
                }
                // A few losers are scanned; many are mapped by line first, so each winner looks only at its own lines (not at
                // every loser: that is quadratic on a file where both rules fire on thousands of lines).
                var byLine = losers.Count > 8 ? LosersByLine(losers) : null;
                var removed = new bool[losers.Count];
                bool any = false;
                List<int>? taken = null;
                for (int w = 0; w < winners.Count; w++)
                {
                    var winner = winners[w];
                    taken?.Clear();
                    Take(winner.Location.Start.Line, losers, byLine, removed, ref taken);
                    foreach (var also in winner.AdditionalLocations)
                    {
                        Take(also.Start.Line, losers, byLine, removed, ref taken);
                    }
                    if (taken is null || taken.Count == 0) continue;
                    any = true;
                    taken.Sort();
                    winners[w] = winner.WithEquivalents(MergedEquivalents(winner.Equivalents, taken, losers));
                }
                if (any)
                {
                    int kept = 0;
                    for (int l = 0; l < losers.Count; l++)
                    {
                        if (!removed[l])
                        {
                            losers[kept++] = losers[l];
                        }
                    }
                    losers.RemoveRange(kept, losers.Count - kept);
                }
            }
        }
    }
    /// <summary>The findings of the rule at <paramref name="rule"/> (a few rules of a file find something: a scan).</summary>
    private static List<Finding>? FindingsOf(List<(int Rule, List<Finding> Findings)> byRule, int rule)
    {
        foreach (var (r, findings) in byRule)
        {
            if (r == rule)
            {
                return findings;
            }
        }
        return null;
    }

    private static Dictionary<int, List<int>> LosersByLine(List<Finding> losers)
    {
        var byLine = new Dictionary<int, List<int>>();
        for (int l = 0; l < losers.Count; l++)
        {
            int line = losers[l].Location.Start.Line;
            if (!byLine.TryGetValue(line, out var indices))
            {
                byLine[line] = indices = new List<int>(1);
            }
            indices.Add(l);
        }
        return byLine;
    }

    /// <summary>Marks the losers on <paramref name="line"/> not taken yet as taken (their indices added to <paramref name="taken"/>).</summary>
    private static void Take(int line, List<Finding> losers, Dictionary<int, List<int>>? byLine, bool[] removed, ref List<int>? taken)
    {
        if (byLine is null)
        {
            for (int l = 0; l < losers.Count; l++)
            {
                if (!removed[l] && losers[l].Location.Start.Line == line)
                {
                    removed[l] = true;
                    (taken ??= new List<int>()).Add(l);
                }
            }
            return;
        }
        if (byLine.TryGetValue(line, out var indices))
        {
            foreach (int l in indices)
            {
                if (!removed[l])
                {
                    removed[l] = true;
                    (taken ??= new List<int>()).Add(l);
                }
            }
        }
    }

    /// <summary>The winner's equivalents, then each taken loser's in order, each name once.</summary>
    private static string[] MergedEquivalents(IReadOnlyList<string> winner, List<int> taken, List<Finding> losers)
    {
        var merged = new List<string>(winner.Count + taken.Count);
        foreach (var name in winner)
        {
            AddOnce(merged, name);
        }
        foreach (int l in taken)
        {
            foreach (var name in losers[l].Equivalents)
            {
                AddOnce(merged, name);
            }
        }
        return merged.ToArray();

        static void AddOnce(List<string> names, string name)
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }
    }
}
