using System.Globalization;
using System.Text.RegularExpressions;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// The legacy docker builder (DOCKER_BUILDKIT=0): <c>Step 3/7 : RUN …</c> (numbered across the whole file),
/// <c> ---&gt; Using cache</c>, <c> ---&gt; Running in …</c>, <c> ---&gt; 1b4764057…</c> when a step ends, and the error
/// on standard error: <c>The command '/bin/sh -c exit 3' returned a non-zero code: 3</c>, <c>COPY failed: …</c>.
/// </summary>
public sealed class LegacyBuildOutputParser : BuildOutputParser
{
    private static readonly Regex Step = new(@"^Step (\d+)/(\d+) : (.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex StepResult = new(@"^ ---> ([0-9a-f]{12,64})$", RegexOptions.CultureInvariant);
    private static readonly Regex Built = new(@"^Successfully built ([0-9a-f]{12,64})$", RegexOptions.CultureInvariant);
    private static readonly Regex KnownError = new(
        @"^(?:The command '.*' returned a non-zero code: \d+|(?:COPY|ADD) failed: .*|Error response from daemon: .*|failed to .*|error .*)$",
        RegexOptions.CultureInvariant);

    private BuildStep? _current;
    private int _stageNumber;
    private string? _stageName;

    public LegacyBuildOutputParser(Func<DateTime>? clock = null)
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
            string instruction = step.Groups[3].Value;
            if (IsStageStart(instruction, out string? stageName))
            {
                _stageNumber++;
                _stageName = stageName;
            }
            _current = AddStep(_stageName, _stageNumber,
                int.Parse(step.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture),
                instruction);
            return;
        }

        if (text == " ---> Using cache")
        {
            if (_current is not null) _current.Cached = true;
            return;
        }
        if (text.StartsWith(" ---> Running in ", StringComparison.Ordinal)) return;
        if (StepResult.IsMatch(text))
        {
            if (_current is not null) Finish(_current);
            return;
        }
        Match built = Built.Match(text);
        if (built.Success)
        {
            ImageId = built.Groups[1].Value;
            return;
        }

        // The builder writes its error to standard error; recorded outputs mix streams, so known forms count too.
        if (line.IsStandardError || KnownError.IsMatch(text))
        {
            const string daemonPrefix = "Error response from daemon: ";
            // Which step failed is decided in Complete: this line may overtake the step's header on the other stream.
            SetError(text.StartsWith(daemonPrefix, StringComparison.Ordinal) ? text.Substring(daemonPrefix.Length) : text);
            return;
        }

        if (_current is not null && !text.StartsWith("Removing intermediate container", StringComparison.Ordinal))
        {
            _current.AddOutput(text);
        }
    }
}
