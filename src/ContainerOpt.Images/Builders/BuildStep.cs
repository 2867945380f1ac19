using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// One step of a build as the builder reported it (<c>[build 3/7] RUN dotnet restore</c>, <c>Step 3/7 : …</c>,
/// <c>STEP 3/7: …</c>), whether it came from the cache, how long it took, and the Dockerfile line it runs.
/// </summary>
public sealed class BuildStep
{
    internal BuildStep(string? stageName, int stageNumber, int index, int total, string instruction)
    {
        StageName = stageName;
        StageNumber = stageNumber;
        Index = index;
        Total = total;
        Instruction = instruction;
    }

    /// <summary>The stage as the builder named it ("build", BuildKit's "stage-1"), or null when it did not.</summary>
    public string? StageName { get; }

    /// <summary>
    /// The builder's own stage number where it gives one: podman's [2/3] (1-based), the legacy builder's
    /// count of FROMs so far; 0 when unknown (BuildKit names stages instead).
    /// </summary>
    public int StageNumber { get; }

    /// <summary>1-based step number as printed (BuildKit: within the stage; legacy: within the file).</summary>
    public int Index { get; }

    /// <summary>The step count printed after the slash.</summary>
    public int Total { get; }

    /// <summary>The instruction as the builder printed it (BuildKit expands variables in it).</summary>
    public string Instruction { get; }

    /// <summary>The instruction's keyword, upper-cased (RUN, COPY ...).</summary>
    public string Keyword
    {
        get
        {
            string text = Instruction.TrimStart();
            int space = 0;
            while (space < text.Length && !char.IsWhiteSpace(text[space])) space++;
            return text.Substring(0, space).ToUpperInvariant();
        }
    }

    /// <summary>True when the builder reused the cached result (BuildKit "CACHED", legacy "Using cache", podman "--> Using cache").</summary>
    public bool Cached { get; internal set; }

    /// <summary>How long the step ran, as the builder reported it (BuildKit DONE) or as measured between lines.</summary>
    public TimeSpan? Duration { get; internal set; }

    /// <summary>True once the builder reported the step finished (or cached).</summary>
    public bool Completed { get; internal set; }

    /// <summary>The builder's error for this step, when it failed.</summary>
    public string? Error { get; internal set; }

    /// <summary>True when the builder reported this step failed (its <see cref="Error"/>, when it gave one).</summary>
    public bool Failed { get; internal set; }

    /// <summary>True when BuildKit stopped the step because another one failed (<c>#7 CANCELED</c>).</summary>
    public bool Canceled { get; internal set; }

    /// <summary>BuildKit's platform of a multi-platform build (<c>[linux/arm64 build 3/7]</c>), else null.</summary>
    public string? Platform { get; internal set; }

    /// <summary>The most lines of a step's output kept (the last ones).</summary>
    public const int OutputTailLines = 100;

    /// <summary>The last lines the step printed (its RUN output, at most <see cref="OutputTailLines"/>), kept for the failure message.</summary>
    public IReadOnlyList<string> OutputTail => _output;

    /// <summary>The Dockerfile line (1-based) of the instruction, once mapped.</summary>
    public int? DockerfileLine => Location?.Start.Line;

    /// <summary>Where the instruction stands in the Dockerfile, once mapped.</summary>
    public LinePositionSpan? Location { get; internal set; }

    /// <summary>The instruction's character span in the Dockerfile, once mapped.</summary>
    public TextSpan? Span { get; internal set; }

    internal string? VertexId { get; set; }

    internal DateTime StartedAt { get; set; }

    private readonly List<string> _output = new();

    internal void AddOutput(string line)
    {
        _output.Add(line);
        if (_output.Count > OutputTailLines) _output.RemoveAt(0);
    }

    public override string ToString()
    {
        string stage = StageName is null ? "" : StageName + " ";
        string cached = Cached ? " (cached)" : "";
        return $"[{stage}{Index}/{Total}] {Instruction}{cached}";
    }
}
