using System.Text.RegularExpressions;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// Reads a builder's output line by line as it streams: the steps, which were cached, which failed, the
/// builder's error message and, when it prints one, the Dockerfile line of the failure.
/// </summary>
public abstract class BuildOutputParser
{
    // BuildKit and newer parsers: "dockerfile parse error line 3: …", "… parse error on line 3: …".
    private static readonly Regex ParseErrorLine = new(@"parse error (?:on )?line (\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly Func<DateTime> _clock;
    private readonly List<BuildStep> _steps = new();

    protected BuildOutputParser(Func<DateTime>? clock)
    {
        _clock = clock ?? (() => DateTime.UtcNow);
    }

    public static BuildOutputParser For(BuilderKind kind, Func<DateTime>? clock = null) => kind switch
    {
        BuilderKind.DockerLegacy => new LegacyBuildOutputParser(clock),
        BuilderKind.Podman => new PodmanBuildOutputParser(clock),
        _ => new BuildKitOutputParser(clock),
    };

    /// <summary>Steps in the order the builder first announced them.</summary>
    public IReadOnlyList<BuildStep> Steps => _steps;

    /// <summary>
    /// Raised once per step as the builder reports it finished — done, cached, failed or canceled — while the output
    /// streams (on the thread that passed the line in), so a caller can print one line per step as docker build does.
    /// A step the builder never reported finished in a failed build is not raised (it did not run to the end).
    /// </summary>
    public event Action<BuildStep>? StepFinished;

    /// <summary>The step the builder said failed, when it said.</summary>
    public BuildStep? FailedStep { get; protected set; }

    /// <summary>The builder's own error text (last error line), without "ERROR: failed to solve:" decoration.</summary>
    public string? ErrorMessage { get; protected set; }

    /// <summary>The Dockerfile line the builder pointed at (BuildKit's "Dockerfile:12" block, a parse error's line).</summary>
    public int? ReportedLine { get; protected set; }

    /// <summary>The image id the output names ("writing image sha256:…", "Successfully built …").</summary>
    public string? ImageId { get; protected set; }

    public void Accept(string text, bool isStandardError = false) => Accept(new BuildOutputLine(text, isStandardError));

    public abstract void Accept(BuildOutputLine line);

    /// <summary>Reads a whole recorded output (each line as standard output).</summary>
    public void AcceptAll(string output)
    {
        foreach (string line in output.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            Accept(line, false);
        }
    }

    /// <summary>
    /// Called once the builder has exited. Builders that print steps on standard output and the error on
    /// standard error race the two streams, so a failure is pinned to its step only here: the last step that
    /// never finished (or, failing that, the last one).
    /// </summary>
    public void Complete(bool succeeded)
    {
        foreach (BuildStep step in _steps)
        {
            if (succeeded) Finish(step);
            else if (step != _steps[_steps.Count - 1]) Finish(step, announce: false);
        }
        if (succeeded || FailedStep is not null || _steps.Count == 0) return;
        if (!AttributesFailureAtEnd) return;
        BuildStep failed = _steps.LastOrDefault(s => !s.Completed || s.Error is not null) ?? _steps[_steps.Count - 1];
        FailedStep = failed;
        failed.Error ??= ErrorMessage;
        Fail(failed);
    }

    /// <summary>True for outputs whose error line may arrive before the failing step's header (two streams).</summary>
    protected virtual bool AttributesFailureAtEnd => true;

    protected DateTime Now => _clock();

    private static readonly System.Text.RegularExpressions.Regex StageNameAfterAs =
        new(@"\s[Aa][Ss]\s+(\S+)\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// For a step line that is a FROM, whether it is one and the stage's name (<c>AS build</c>, lower-cased;
    /// null when unnamed). Step-by-step builders (legacy docker, podman) announce stages this way.
    /// </summary>
    protected static bool IsStageStart(string instruction, out string? stageName)
    {
        stageName = null;
        if (!instruction.TrimStart().StartsWith("FROM", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var name = StageNameAfterAs.Match(instruction);
        stageName = name.Success ? name.Groups[1].Value.ToLowerInvariant() : null;
        return true;
    }

    protected BuildStep AddStep(string? stageName, int stageNumber, int index, int total, string instruction)
    {
        var step = new BuildStep(stageName, stageNumber, index, total, instruction.Trim()) { StartedAt = Now };
        _steps.Add(step);
        return step;
    }

    /// <summary>Records the builder's error text and any line number it names.</summary>
    protected void SetError(string message)
    {
        message = message.Trim();
        if (message.Length == 0) return;
        ErrorMessage = message;
        Match line = ParseErrorLine.Match(message);
        if (line.Success && ReportedLine is null && int.TryParse(line.Groups[1].Value, out int number))
        {
            ReportedLine = number;
        }
    }

    /// <summary>The step ended without a time from the builder: its duration is measured between its lines.</summary>
    protected void Finish(BuildStep step, bool announce = true)
    {
        if (step.Completed) return;
        step.Duration ??= Now - step.StartedAt;
        MarkCompleted(step, announce);
    }

    /// <summary>The builder said the step failed (its <see cref="BuildStep.Error"/> set first, when known).</summary>
    protected void Fail(BuildStep step)
    {
        step.Failed = true;
        step.Duration ??= Now - step.StartedAt;
        MarkCompleted(step, announce: true);
    }

    /// <summary>The one place a step becomes completed: <see cref="StepFinished"/> is raised here, once.</summary>
    protected void MarkCompleted(BuildStep step, bool announce = true)
    {
        if (step.Completed) return;
        step.Completed = true;
        if (announce) StepFinished?.Invoke(step);
    }
}
