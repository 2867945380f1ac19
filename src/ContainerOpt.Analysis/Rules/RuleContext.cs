using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Context;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules;

/// <summary>What a rule sees of the file, and where it reports. One per rule per file.</summary>
public sealed class RuleContext
{
    private readonly AnalysisData _data;
    private readonly DockerfileRule _rule;
    private readonly List<Finding> _sink;

    internal RuleContext(AnalysisData data, DockerfileRule rule, List<Finding> sink)
    {
        _data = data;
        _rule = rule;
        _sink = sink;
    }

    public DockerfileModel Model => _data.Model;
    public DockerfileSyntax Syntax => _data.Model.Syntax;
    public SourceText Source => _data.Model.Syntax.Source;

    /// <summary>Every instruction in file order: global ARGs, then each stage's FROM and its instructions.</summary>
    public IReadOnlyList<StageInstruction> Instructions => _data.Instructions;

    /// <summary>Every script a RUN executes, parsed once (ONBUILD RUN and heredoc bodies included).</summary>
    public IReadOnlyList<RunScript> RunScripts => _data.RunScripts;

    /// <summary>The build context's .dockerignore, or null when there is none.</summary>
    public DockerIgnore? DockerIgnore => _data.DockerIgnore;

    /// <summary>True when the caller knows the build context (so a missing .dockerignore is meaningful).</summary>
    public bool ContextKnown => _data.ContextKnown;

    /// <summary>
    /// The build context folder as the caller gave it (<see cref="Engine.AnalysisInput.ContextDirectory"/>), or null.
    /// Rules use it only to relate project paths to COPY sources (no I/O).
    /// </summary>
    public string? ContextDirectory => _data.ContextDirectory;

    /// <summary>The .NET project, or null (then .NET rules stay silent).</summary>
    public ProjectModel? Project => _data.Project;

    public AnalysisOptions Options => _data.Options;

    /// <summary>The SHELL in force at an instruction.</summary>
    public ShellSettings ShellAt(StageInstruction instruction) =>
        _data.Shells.TryGetValue(instruction, out var shell) ? shell : ShellSettings.Default;

    /// <summary>Reports the rule's diagnostic at a span; arguments fill the descriptor's message format.</summary>
    public void Report(TextSpan span, params object?[] messageArgs) => ReportWith(span, null, messageArgs);

    /// <summary>Reports with a narrower set of equivalents than the descriptor's (e.g. DL4003 for CMD only).</summary>
    public void ReportWith(TextSpan span, IReadOnlyList<string>? equivalents, params object?[] messageArgs) =>
        Add(_rule.Descriptor.DefaultSeverity, span, equivalents, messageArgs);

    /// <summary>
    /// Reports at a severity other than the descriptor's default, for a rule whose findings differ in
    /// consequence (an error when the app cannot start, a warning when it only runs worse).
    /// Configuration still overrides it like any other finding's severity.
    /// </summary>
    public void ReportAs(DiagnosticSeverity severity, TextSpan span, params object?[] messageArgs) =>
        Add(severity, span, null, messageArgs);

    private void Add(DiagnosticSeverity severity, TextSpan span, IReadOnlyList<string>? equivalents, object?[] messageArgs)
    {
        var descriptor = _rule.Descriptor;
        _sink.Add(new Finding(descriptor, severity, descriptor.FormatMessage(messageArgs), Source.Path,
            Source.GetLinePositionSpan(span), span, equivalents ?? descriptor.Equivalents));
    }
}

/// <summary>Per-file data shared by all rules, computed once.</summary>
internal sealed class AnalysisData
{
    public AnalysisData(DockerfileModel model, DockerIgnore? dockerIgnore, bool contextKnown, ProjectModel? project, AnalysisOptions options,
        string? contextDirectory = null)
    {
        Model = model;
        DockerIgnore = dockerIgnore;
        ContextKnown = contextKnown;
        ContextDirectory = contextDirectory;
        Project = project;
        Options = options;
        var instructions = new List<StageInstruction>(model.GlobalArgs);
        foreach (var stage in model.Stages)
        {
            instructions.Add(stage.From);
            instructions.AddRange(stage.Instructions);
        }
        instructions.Sort((a, b) => a.Syntax.StartLine.CompareTo(b.Syntax.StartLine));
        Instructions = instructions;
        RunScripts = Context.RunScripts.Collect(model, Shells);
    }

    public DockerfileModel Model { get; }
    public DockerIgnore? DockerIgnore { get; }
    public bool ContextKnown { get; }
    public string? ContextDirectory { get; }
    public ProjectModel? Project { get; }
    public AnalysisOptions Options { get; }
    public List<StageInstruction> Instructions { get; }
    public Dictionary<StageInstruction, ShellSettings> Shells { get; } = new();
    public List<RunScript> RunScripts { get; }
}
