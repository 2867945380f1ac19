using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules;

/// <summary>What a rule sees of the file (its facts), and where it reports. One per file, handed to each rule in turn.</summary>
public sealed class RuleContext
{
    // The rule running now, by its index in the engine's rules: an index, not a reference, so moving to the next rule
    // (130 times a file) stores no reference and costs no GC write barrier.
    private readonly DockerfileRule[] _rules;
    private int _ruleIndex;
    // The running rule's findings, made on its first report (most rules find nothing in a file).
    private List<Finding>? _sink;
    private Dictionary<StageInstruction, ListReport>? _lists;

    internal RuleContext(DockerfileFacts facts, DockerfileRule[] rules)
    {
        Facts = facts;
        _rules = rules;
        _mode = facts.Options.EffectiveMode;
    }

    // The mode the findings are made for (see Add).
    private readonly AnalysisMode _mode;

    private DockerfileRule Rule => _rules[_ruleIndex];

    private List<Finding> Sink => _sink ??= new List<Finding>();

    /// <summary>The same context for the rule at <paramref name="ruleIndex"/>, the next of the file (one context per file, not one per rule).</summary>
    internal void Start(int ruleIndex)
    {
        _ruleIndex = ruleIndex;
        _sink = null;
        _lists = null;
    }

    /// <summary>The running rule's findings, its list findings (<see cref="ReportItem"/>) included, or null when it found nothing.</summary>
    internal List<Finding>? Finish()
    {
        if (_lists is not null)
        {
            FlushLists();
        }
        return _sink;
    }

    /// <summary>Everything known about the file, computed once and shared by every rule.</summary>
    public DockerfileFacts Facts { get; }

    public DockerfileModel Model => Facts.Model;
    public DockerfileSyntax Syntax => Facts.Syntax;
    public SourceText Source => Facts.Source;

    /// <summary>Every instruction in file order: global ARGs, then each stage's FROM and its instructions.</summary>
    public ArrayView<StageInstruction> Instructions => Facts.Instructions;

    /// <summary>Every script a RUN executes, parsed once (ONBUILD RUN and heredoc bodies included).</summary>
    public ArrayView<RunScript> RunScripts => Facts.RunScripts;

    /// <summary>Every RUN as one layer, and the WORKDIR of each instruction.</summary>
    public RunSteps RunSteps => Facts.RunSteps;

    /// <summary>The build context's .dockerignore, or null when there is none.</summary>
    public DockerIgnore? DockerIgnore => Facts.DockerIgnore;

    /// <summary>True when the caller knows the build context (so a missing .dockerignore is meaningful).</summary>
    public bool ContextKnown => Facts.ContextKnown;

    /// <summary>The build context folder as the caller gave it, or null.</summary>
    public string? ContextDirectory => Facts.ContextDirectory;

    /// <summary>The .NET project, or null (then the project-aware rules stay silent).</summary>
    public ProjectModel? Project => Facts.Project;

    public AnalysisOptions Options => Facts.Options;

    /// <summary>The SHELL in force at an instruction.</summary>
    public ShellSettings ShellAt(StageInstruction instruction) => Facts.ShellAt(instruction);

    /// <summary>Reports the rule's diagnostic at a span; arguments fill the descriptor's message format.</summary>
    public void Report(TextSpan span, params object?[] messageArgs) => ReportWith(span, null, messageArgs);

    /// <summary>
    /// Reports with what the rule's fixer needs to know (Roslyn's diagnostic properties: the replacement the message
    /// names), so the fixer does not decide again what the rule decided.
    /// </summary>
    public void Report(TextSpan span, IReadOnlyDictionary<string, string> properties, params object?[] messageArgs) =>
        Add(Rule.Descriptor.DefaultSeverity, span, null, messageArgs, properties);

    /// <summary><see cref="ReportAs(DiagnosticSeverity, TextSpan, object?[])"/> with properties for the fixer.</summary>
    public void ReportAs(DiagnosticSeverity severity, TextSpan span, IReadOnlyDictionary<string, string> properties, params object?[] messageArgs) =>
        Add(severity, span, null, messageArgs, properties);

    /// <summary>
    /// Reports one finding for several places (the first is <paramref name="span"/>); the others become its additional
    /// locations, so superseded findings on their lines merge into it too. The message should name their lines.
    /// </summary>
    public void ReportAlsoAt(TextSpan span, IReadOnlyList<TextSpan> others, params object?[] messageArgs) =>
        ReportAsAlsoAt(Rule.Descriptor.DefaultSeverity, span, others, messageArgs);

    /// <summary><see cref="ReportAlsoAt(TextSpan, IReadOnlyList{TextSpan}, object?[])"/> with properties for the fixer.</summary>
    public void ReportAlsoAt(TextSpan span, IReadOnlyList<TextSpan> others, IReadOnlyDictionary<string, string> properties, params object?[] messageArgs) =>
        ReportAsAlsoAt(Rule.Descriptor.DefaultSeverity, span, others, properties, messageArgs);

    /// <summary><see cref="ReportAlsoAt(TextSpan, IReadOnlyList{TextSpan}, IReadOnlyDictionary{string, string}, object?[])"/> at a severity other than the descriptor's.</summary>
    public void ReportAsAlsoAt(DiagnosticSeverity severity, TextSpan span, IReadOnlyList<TextSpan> others, IReadOnlyDictionary<string, string> properties, params object?[] messageArgs) =>
        Add(severity, span, null, messageArgs, properties, LinePositionSpans(others));

    /// <summary>
    /// The severity of a finding about the bytes or layers of the final image: the rule's own for an application image; a
    /// suggestion for a development, build-environment, test-runner or base image (<see cref="ImagePurpose"/>), whose size
    /// is worth a look, not a warning in every build (hand-labelled real Dockerfiles found them low-value there).
    /// </summary>
    public DiagnosticSeverity SeverityForImageSize =>
        Facts.Purpose.IsApplication ? Rule.Descriptor.DefaultSeverity : DiagnosticSeverity.Style;

    /// <summary><see cref="ReportAlsoAt(TextSpan, IReadOnlyList{TextSpan}, object?[])"/> at a severity other than the descriptor's (see <see cref="ReportAs(DiagnosticSeverity, TextSpan, object?[])"/>).</summary>
    public void ReportAsAlsoAt(DiagnosticSeverity severity, TextSpan span, IReadOnlyList<TextSpan> others, params object?[] messageArgs) =>
        Add(severity, span, null, messageArgs, null, LinePositionSpans(others));

    /// <summary>Reports with a narrower set of equivalents than the descriptor's (e.g. DL4003 for CMD only).</summary>
    public void ReportWith(TextSpan span, IReadOnlyList<string>? equivalents, params object?[] messageArgs) =>
        Add(Rule.Descriptor.DefaultSeverity, span, equivalents, messageArgs);

    /// <summary>
    /// Reports at a severity other than the descriptor's default, for a rule whose findings differ in
    /// consequence (an error when the app cannot start, a warning when it only runs worse).
    /// Configuration still overrides it like any other finding's severity.
    /// </summary>
    public void ReportAs(DiagnosticSeverity severity, TextSpan span, params object?[] messageArgs) =>
        Add(severity, span, null, messageArgs);

    /// <summary>
    /// Reports one item of a list rule (an unpinned package): items of one instruction become one finding
    /// whose span covers them all and whose first message argument names them all ('a', 'b' and 'c');
    /// the other arguments are the first item's. Reported when the rule's analysis ends.
    /// </summary>
    public void ReportItem(StageInstruction instruction, TextSpan span, string item, params object?[] messageArgs)
    {
        _lists ??= new Dictionary<StageInstruction, ListReport>();
        if (!_lists.TryGetValue(instruction, out var report))
        {
            _lists[instruction] = report = new ListReport(span, messageArgs);
        }
        report.Add(span, item);
    }

    /// <summary>Reports the list findings gathered by <see cref="ReportItem"/>, one per instruction.</summary>
    private void FlushLists()
    {
        foreach (var report in _lists!.Values)
        {
            var args = new object?[report.Args.Length + 1];
            // Written when the message is read: most list findings are suggestions a text report never prints.
            args[0] = new QuotedList(report.Items);
            Array.Copy(report.Args, 0, args, 1, report.Args.Length);
            Report(report.Span, args);
        }
        _lists = null;
    }

    private sealed class ListReport
    {
        public ListReport(TextSpan span, object?[] args)
        {
            Span = span;
            Args = args;
        }

        public TextSpan Span { get; private set; }
        public object?[] Args { get; }
        public List<string> Items { get; } = new();

        public void Add(TextSpan span, string item)
        {
            Span = Items.Count == 0 ? span : Span.Union(span);
            Items.Add(item);
        }
    }

    private void Add(DiagnosticSeverity severity, TextSpan span, IReadOnlyList<string>? equivalents, object?[] messageArgs,
        IReadOnlyDictionary<string, string>? properties = null, LinePositionSpan[]? additionalLocations = null)
    {
        var descriptor = Rule.Descriptor;
        equivalents ??= descriptor.Equivalents;
        // Made at the severity the mode gives it, which the engine's SeverityIn then keeps: a finding the mode makes a
        // suggestion is not copied at its new severity.
        var byMode = DiagnosticCatalog.SeverityIn(_mode, descriptor, severity, null, equivalents);
        Sink.Add(Finding.FromFormat(descriptor, byMode == DiagnosticSeverity.None ? severity : byMode, messageArgs, Source.Path,
            Source.GetLinePositionSpan(span), span, equivalents, additionalLocations, properties));
    }

    /// <summary>Where the spans stand, by line and column: a loop into an array of their size, none for no spans (most findings).</summary>
    private LinePositionSpan[] LinePositionSpans(IReadOnlyList<TextSpan> spans)
    {
        if (spans.Count == 0)
        {
            return Array.Empty<LinePositionSpan>();
        }
        var source = Source;
        var positions = new LinePositionSpan[spans.Count];
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i] = source.GetLinePositionSpan(spans[i]);
        }
        return positions;
    }
}
