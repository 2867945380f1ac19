using System.Globalization;
using System.Text.RegularExpressions;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// podman build (buildah): <c>[2/3] STEP 3/7: RUN …</c> (the stage prefix only in multi-stage builds; steps
/// numbered within the stage, every instruction counted), <c>--&gt; Using cache 3c5a…</c>, <c>--&gt; 3c5a…</c> when a
/// step ends, <c>[2/2] COMMIT tag</c>, <c>Successfully tagged …</c> and the full image id alone on the last line,
/// and <c>Error: building at STEP "RUN exit 3": while running runtime: exit status 3</c> (checked against podman 4.3).
/// </summary>
public sealed class PodmanBuildOutputParser : BuildOutputParser
{
    private static readonly Regex Step = new(@"^(?:\[(\d+)/(\d+)\] )?STEP (\d+)(?:/(\d+))?: (.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex UsingCache = new(@"^--> Using cache ([0-9a-f]+)", RegexOptions.CultureInvariant);
    private static readonly Regex StepResult = new(@"^--> ([0-9a-f]{6,64})$", RegexOptions.CultureInvariant);
    private static readonly Regex Commit = new(@"^(?:\[\d+/\d+\] )?COMMIT\b", RegexOptions.CultureInvariant);
    private static readonly Regex FullImageId = new(@"^[0-9a-f]{64}$", RegexOptions.CultureInvariant);
    private static readonly Regex FailedAt = new(@"building at STEP ""(.*?)"": (.*)$", RegexOptions.CultureInvariant);

    private BuildStep? _current;
    private string? _stageName;
    private bool _committed;

    public PodmanBuildOutputParser(Func<DateTime>? clock = null)
        : base(clock)
    {
    }

    public override void Accept(BuildOutputLine line)
    {
        string text = line.Text.TrimEnd('\r');
        if (text.Trim().Length == 0) return;

        Match step = Step.Match(text);
        if (step.Success)
        {
            if (_current is not null) Finish(_current);
            int stageNumber = step.Groups[1].Success ? int.Parse(step.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
            string instruction = step.Groups[5].Value;
            if (IsStageStart(instruction, out string? stageName))
            {
                _stageName = stageName;
            }
            int index = int.Parse(step.Groups[3].Value, CultureInfo.InvariantCulture);
            int total = step.Groups[4].Success ? int.Parse(step.Groups[4].Value, CultureInfo.InvariantCulture) : 0;
            _current = AddStep(_stageName, stageNumber, index, total, instruction);
            return;
        }

        if (UsingCache.IsMatch(text))
        {
            if (_current is not null)
            {
                _current.Cached = true;
                Finish(_current);
            }
            return;
        }
        Match result = StepResult.Match(text);
        if (result.Success)
        {
            if (_current is not null) Finish(_current);
            ImageId = result.Groups[1].Value; // the last one is the image (shortened)
            return;
        }
        if (_committed && FullImageId.IsMatch(text))
        {
            ImageId = text; // the last line after COMMIT: the whole id (a RUN's output before it may look alike)
            return;
        }
        if (Commit.IsMatch(text) || text.StartsWith("Successfully tagged ", StringComparison.Ordinal))
        {
            _committed = true;
            return;
        }

        if (text.StartsWith("Error: ", StringComparison.Ordinal) || text.StartsWith("error building at STEP", StringComparison.Ordinal))
        {
            string message = text.StartsWith("Error: ", StringComparison.Ordinal) ? text.Substring("Error: ".Length) : text;
            Match at = FailedAt.Match(message);
            BuildStep? failed = _current;
            if (at.Success)
            {
                string instruction = at.Groups[1].Value.Trim();
                failed = Steps.LastOrDefault(s => string.Equals(s.Instruction, instruction, StringComparison.Ordinal)) ?? _current;
                message = at.Groups[2].Value;
            }
            SetError(message);
            if (failed is not null)
            {
                failed.Error = ErrorMessage;
                FailedStep ??= failed;
                Fail(failed);
            }
            return;
        }

        if (_current is not null)
        {
            _current.AddOutput(text);
        }
    }
}
