using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Images.Builders;

/// <summary>What a build did: its steps (cached or not, with their Dockerfile lines), the image, or why it failed.</summary>
public sealed class ImageBuildResult
{
    public ImageBuildResult(BuilderInfo builder, string commandLine, int exitCode, TimeSpan elapsed, string? imageId, IReadOnlyList<BuildStep> steps, BuildFailure? failure)
    {
        Builder = builder;
        CommandLine = commandLine;
        ExitCode = exitCode;
        Elapsed = elapsed;
        ImageId = imageId;
        Steps = steps;
        Failure = failure;
    }

    public bool Succeeded => Failure is null;

    public BuilderInfo Builder { get; }

    /// <summary>The command that ran, secrets masked.</summary>
    public string CommandLine { get; }

    public int ExitCode { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>sha256:… from --iidfile (or the output), when the build succeeded.</summary>
    public string? ImageId { get; }

    /// <summary>Every Dockerfile step the builder reported, in the order it announced them.</summary>
    public IReadOnlyList<BuildStep> Steps { get; }

    public BuildFailure? Failure { get; }
}

/// <summary>Why a build failed, the step, and where in the Dockerfile: a COPT0014 finding at the instruction.</summary>
public sealed class BuildFailure
{
    public BuildFailure(string message, BuildStep? step, LinePositionSpan? location, Finding finding)
    {
        Message = message;
        Step = step;
        Location = location;
        Finding = finding;
    }

    /// <summary>The builder's error ("executor failed running [/bin/sh -c exit 3]: exit code: 3").</summary>
    public string Message { get; }

    /// <summary>The failing step, when the builder named one.</summary>
    public BuildStep? Step { get; }

    /// <summary>The failing instruction in the Dockerfile, when it could be found.</summary>
    public LinePositionSpan? Location { get; }

    public int? Line => Location?.Start.Line;

    /// <summary>COPT0014 at the failing instruction (at 1,1 when it could not be placed).</summary>
    public Finding Finding { get; }
}
