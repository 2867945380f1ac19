using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// Turns a failed build's output into a positioned COPT0014: the line BuildKit printed ("Dockerfile:12")
/// when there is one, else the failing step matched to its instruction; the finding spans the instruction and
/// its message carries the lines of the step's output that say why (<see cref="BuildFailureCause"/>).
/// </summary>
public static class BuildFailureLocator
{
    public static BuildFailure Locate(BuildOutputParser output, DockerfileModel? model, BuilderKind kind, string? target, string dockerfilePath, string fallbackMessage)
    {
        BuildStep? step = output.FailedStep;
        string message = FirstNonEmpty(output.ErrorMessage, step?.Error, fallbackMessage, "the builder exited with an error");

        InstructionSyntax? instruction = null;
        if (model is not null)
        {
            if (output.ReportedLine is { } line) instruction = DockerfileStepLocator.AtLine(model, line);
            if (instruction is null && step is not null) instruction = DockerfileStepLocator.Locate(model, step, kind, target);
        }

        string where = step?.Instruction ?? (instruction is not null ? instruction.Original : Path.GetFileName(dockerfilePath));
        DiagnosticDescriptor descriptor = DiagnosticCatalog.ImageBuildFailed;
        // The cause at the default verbosity: the step's own error lines under the builder's reason (its full
        // output streams into the log at normal importance).
        string text = descriptor.FormatMessage(where, BuildFailureCause.Describe(BuildFailureCause.ShortReason(message), BuildFailureCause.Select(step?.OutputTail)));

        LinePositionSpan? location = null;
        TextSpan span = default;
        if (instruction is not null && model is not null)
        {
            span = instruction.Span;
            location = model.Syntax.Source.GetLinePositionSpan(span);
            if (step is not null && step.Location is null)
            {
                step.Location = location;
                step.Span = span;
            }
        }
        var finding = new Finding(descriptor, descriptor.DefaultSeverity, text, dockerfilePath,
            location ?? new LinePositionSpan(new LinePosition(1, 1), new LinePosition(1, 1)), span);
        return new BuildFailure(message, step, location, finding);
    }

    /// <summary>Gives every reported step its Dockerfile line, so a report (or a cache test) can name it.</summary>
    public static void MapSteps(IEnumerable<BuildStep> steps, DockerfileModel model, BuilderKind kind, string? target)
    {
        foreach (BuildStep step in steps)
        {
            if (step.Location is not null) continue;
            InstructionSyntax? instruction = DockerfileStepLocator.Locate(model, step, kind, target);
            if (instruction is null) continue;
            step.Span = instruction.Span;
            step.Location = model.Syntax.Source.GetLinePositionSpan(instruction.Span);
        }
    }

    private static string FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))!.Trim();
}
