using System.Globalization;
using System.Text.RegularExpressions;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// BuildKit's plain progress (<c>--progress=plain</c>), from docker 20.10 to buildx:
/// <c>#5 [build 3/7] RUN dotnet restore</c>, <c>#5 CACHED</c>, <c>#5 DONE 1.2s</c>, <c>#5 0.107 output</c>,
/// <c>#5 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3</c>, the closing
/// <c>Dockerfile:12</c> excerpt and <c>ERROR: failed to solve: …</c>. Vertices interleave and repeat their
/// header; a vertex number names one step.
/// </summary>
public sealed class BuildKitOutputParser : BuildOutputParser
{
    private static readonly Regex Header = new(@"^#(\d+) \[([^\]]*)\] (.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex VertexLine = new(@"^#(\d+) (.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex StepNumber = new(@"^(\d+)/(\d+)$", RegexOptions.CultureInvariant);
    private static readonly Regex Done = new(@"^DONE (\d+(?:\.\d+)?)s$", RegexOptions.CultureInvariant);
    private static readonly Regex WritingImage = new(@"^writing image (sha256:[0-9a-f]{64})", RegexOptions.CultureInvariant);
    private static readonly Regex ExcerptHeader = new(@"^[^\s:]+:(\d+)(?:-(\d+))?$", RegexOptions.CultureInvariant);
    private static readonly Regex SolveError = new(@"^(?:(?:ERROR|error): )?(?:failed to build: )?failed to solve(?: with frontend [^:]+)?: (.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex GenericError = new(@"^(?:ERROR|error): (.*)$", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, BuildStep> _byVertex = new(StringComparer.Ordinal);
    private bool _inStepBlock;
    private bool _inExcerpt;
    private bool _sawError;

    public BuildKitOutputParser(Func<DateTime>? clock = null)
        : base(clock)
    {
    }

    // BuildKit names the failing vertex itself; a failure without one (a parse error) has no step.
    protected override bool AttributesFailureAtEnd => false;

    public override void Accept(BuildOutputLine line)
    {
        string text = line.Text.TrimEnd('\r');
        if (text.Length == 0) return;

        Match header = Header.Match(text);
        if (header.Success)
        {
            OnHeader(header.Groups[1].Value, header.Groups[2].Value, header.Groups[3].Value);
            return;
        }

        Match vertex = VertexLine.Match(text);
        if (vertex.Success)
        {
            OnVertexLine(vertex.Groups[1].Value, vertex.Groups[2].Value);
            return;
        }

        OnPlainLine(text);
    }

    private void OnHeader(string id, string bracket, string instruction)
    {
        if (_byVertex.ContainsKey(id)) return; // BuildKit repeats a header when output interleaves

        // "[linux/arm64 build 3/7]": optional platform (has a '/'), optional stage name, then i/n.
        string[] tokens = bracket.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return;
        Match number = StepNumber.Match(tokens[tokens.Length - 1]);
        if (!number.Success) return; // [internal] and other bookkeeping vertices are not Dockerfile steps

        string? stage = null;
        string? platform = null;
        for (int i = 0; i < tokens.Length - 1; i++)
        {
            if (tokens[i].IndexOf('/') < 0) stage = tokens[i];
            else platform = tokens[i];
        }
        int index = int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture);
        int total = int.Parse(number.Groups[2].Value, CultureInfo.InvariantCulture);
        BuildStep step = AddStep(stage, 0, index, total, instruction);
        step.Platform = platform;
        step.VertexId = id;
        _byVertex[id] = step;
    }

    private void OnVertexLine(string id, string rest)
    {
        if (!_byVertex.TryGetValue(id, out BuildStep? step))
        {
            Match image = WritingImage.Match(rest);
            if (image.Success) ImageId = image.Groups[1].Value;
            if (rest.StartsWith("ERROR: ", StringComparison.Ordinal))
            {
                _sawError = true;
                SetError(rest.Substring("ERROR: ".Length));
            }
            return;
        }

        if (rest == "CACHED")
        {
            step.Cached = true;
            step.Duration ??= TimeSpan.Zero;
            MarkCompleted(step);
            return;
        }
        Match done = Done.Match(rest);
        if (done.Success)
        {
            step.Duration = TimeSpan.FromSeconds(double.Parse(done.Groups[1].Value, CultureInfo.InvariantCulture));
            MarkCompleted(step);
            return;
        }
        if (rest.StartsWith("ERROR: ", StringComparison.Ordinal) || rest.StartsWith("ERROR ", StringComparison.Ordinal))
        {
            string message = rest.Substring(rest.IndexOf(' ') + 1).Trim();
            step.Error = message;
            FailedStep ??= step;
            _sawError = true;
            SetError(message);
            Fail(step);
            return;
        }
        if (rest.StartsWith("CANCELED", StringComparison.Ordinal))
        {
            // Another step failed and BuildKit stopped this one ("#7 CANCELED").
            step.Canceled = true;
            MarkCompleted(step);
            return;
        }
        if (rest.StartsWith("sha256:", StringComparison.Ordinal)) return; // 20.10 prints the vertex digest

        // "#5 0.107 output": the step's own output, after its elapsed seconds.
        int space = rest.IndexOf(' ');
        step.AddOutput(space > 0 && double.TryParse(rest.Substring(0, space), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? rest.Substring(space + 1)
            : rest);
    }

    private void OnPlainLine(string text)
    {
        // "------" brackets the failing step's last output; a 20-dash rule brackets the Dockerfile excerpt.
        if (text.TrimEnd() == "------")
        {
            _inStepBlock = !_inStepBlock;
            _sawError = true;
            return;
        }
        if (text.StartsWith("--------------------", StringComparison.Ordinal))
        {
            _inExcerpt = !_inExcerpt;
            return;
        }
        if (_inStepBlock || _inExcerpt || IsExcerptLine(text)) return;

        Match excerpt = ExcerptHeader.Match(text);
        if (excerpt.Success && _sawError)
        {
            // "Dockerfile:12" (or "Dockerfile:12-14") heads BuildKit's excerpt of the failing instruction.
            ReportedLine ??= int.Parse(excerpt.Groups[1].Value, CultureInfo.InvariantCulture);
            return;
        }

        Match solve = SolveError.Match(text);
        if (!solve.Success) solve = GenericError.Match(text);
        if (solve.Success)
        {
            _sawError = true;
            SetError(solve.Groups[1].Value);
            return;
        }
        if (_sawError && !text.StartsWith("WARNING", StringComparison.Ordinal))
        {
            // docker 20.10 ends with the bare cause: "executor failed running [/bin/sh -c exit 3]: exit code: 3".
            SetError(text);
        }
    }

    /// <summary>"  12 | >>> RUN exit 3" lines of BuildKit's Dockerfile excerpt.</summary>
    private static bool IsExcerptLine(string text)
    {
        int bar = text.IndexOf(" | ", StringComparison.Ordinal);
        if (bar <= 0) return text.TrimEnd().EndsWith(" |", StringComparison.Ordinal) && IsNumberColumn(text.TrimEnd().Substring(0, text.TrimEnd().Length - 2));
        return IsNumberColumn(text.Substring(0, bar));
    }

    private static bool IsNumberColumn(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length > 0 && trimmed.All(char.IsDigit);
    }
}
