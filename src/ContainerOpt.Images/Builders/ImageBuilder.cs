using System.Globalization;
using System.Runtime.ExceptionServices;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// Builds, saves and inspects images with a detected builder. Tool problems (no builder, dead engine,
/// timeout, unreadable image) throw <see cref="ImageBuilderException"/>; a build that fails returns a result
/// whose <see cref="ImageBuildResult.Failure"/> is a COPT0014 finding at the failing instruction.
/// </summary>
public static class ImageBuilder
{
    public static readonly TimeSpan DefaultInspectTimeout = TimeSpan.FromSeconds(60);

    public static ImageBuildResult Build(ImageBuildRequest request, BuilderInfo builder, Action<BuildOutputLine>? onOutput, CancellationToken cancellationToken = default) =>
        Build(request, builder, onOutput, model: null, cancellationToken);

    /// <summary>Builds with the Dockerfile's model already made by the caller (<see cref="ReadModel"/>), so it is not parsed twice.</summary>
    public static ImageBuildResult Build(ImageBuildRequest request, BuilderInfo builder, Action<BuildOutputLine>? onOutput, DockerfileModel? model, CancellationToken cancellationToken = default) =>
        Build(request, builder, onOutput, model, onStepFinished: null, cancellationToken);

    /// <summary>
    /// Builds, telling <paramref name="onStepFinished"/> of each step as the builder reports it finished (done, cached,
    /// failed, canceled: <see cref="BuildOutputParser.StepFinished"/>), for a line per step (<see cref="BuildStepLine"/>)
    /// while the build runs. Both callbacks are called one at a time, from the threads reading the builder's output (the
    /// failed step of a step-by-step builder, legacy docker or podman, once the builder has exited: its error comes on
    /// the other stream and may overtake the step's own lines).
    /// </summary>
    public static ImageBuildResult Build(ImageBuildRequest request, BuilderInfo builder, Action<BuildOutputLine>? onOutput, DockerfileModel? model,
        Action<BuildStep>? onStepFinished, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        if (!Directory.Exists(request.ContextDirectory))
        {
            throw ImageBuilderException.Create(DiagnosticCatalog.ImageBuildFailed, "the build context", $"the context directory '{request.ContextDirectory}' does not exist");
        }
        if (!File.Exists(request.DockerfilePath))
        {
            throw ImageBuilderException.Create(DiagnosticCatalog.ImageBuildFailed, "the Dockerfile", $"'{request.DockerfilePath}' does not exist");
        }

        model ??= ReadModel(request);
        string imageIdFile = request.ImageIdFile ?? Path.Combine(Path.GetTempPath(), "containeropt-iid-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            if (File.Exists(imageIdFile)) File.Delete(imageIdFile); // a stale id must not pass for this build's
            BuildCommand command = BuildCommandFactory.Create(request, builder, imageIdFile);
            BuildOutputParser parser = BuildOutputParser.For(builder.Kind);
            if (onStepFinished is not null) parser.StepFinished += onStepFinished;
            object gate = new();
            void OnLine(string text, bool isError)
            {
                var line = new BuildOutputLine(command.Redactor.RedactText(text), isError);
                lock (gate)
                {
                    // The builder's line first, then the step line it may finish (so at -v:n the summary follows the raw output).
                    onOutput?.Invoke(line);
                    parser.Accept(line);
                }
            }

            var spec = new ProcessSpec(command.FileName, command.Arguments)
            {
                Environment = command.Environment,
                WorkingDirectory = request.ContextDirectory,
                OnStandardOutput = text => OnLine(text, false),
                OnStandardError = text => OnLine(text, true),
                Timeout = request.Timeout,
                Redactor = command.Redactor,
            };

            ProcessResult process = RunTool(spec, builder, cancellationToken);
            if (process.TimedOut)
            {
                throw ImageBuilderException.Create(DiagnosticCatalog.BuilderTimeout, ShortName(builder, "build"), Describe(request.Timeout));
            }

            lock (gate)
            {
                parser.Complete(process.ExitCode == 0);
            }
            if (process.ExitCode != 0 && IsEngineUnreachable(process.StandardError))
            {
                throw ImageBuilderException.Create(DiagnosticCatalog.DaemonUnavailable, builder.ExecutablePath, command.Redactor.RedactText(FirstLine(process.StandardError)));
            }

            BuildFailure? failure = null;
            string? imageId = null;
            if (process.ExitCode == 0)
            {
                imageId = File.Exists(imageIdFile) ? File.ReadAllText(imageIdFile).Trim() : null;
                if (string.IsNullOrEmpty(imageId)) imageId = parser.ImageId;
            }
            else
            {
                failure = BuildFailureLocator.Locate(parser, model, builder.Kind, request.Target, request.DockerfilePath, command.Redactor.RedactText(LastLine(process.StandardError)));
            }
            BuildFailureLocator.MapSteps(parser.Steps, model, builder.Kind, request.Target);
            return new ImageBuildResult(builder, command.DisplayText, process.ExitCode, process.Elapsed, imageId, parser.Steps.ToArray(), failure);
        }
        finally
        {
            if (request.ImageIdFile is null) TryDelete(imageIdFile);
        }
    }

    /// <summary>
    /// Streams <c>docker save IMAGE</c> (podman: <c>save --format docker-archive</c>) into <paramref name="consume"/>
    /// without a temporary file. A failed save is COPT0015 with the engine's message; a timeout COPT0013.
    /// </summary>
    public static T Save<T>(BuilderInfo builder, string imageReference, Func<Stream, T> consume, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        if (string.IsNullOrWhiteSpace(imageReference)) throw new ArgumentException("An image reference is required.", nameof(imageReference));
        if (consume is null) throw new ArgumentNullException(nameof(consume));

        string[] arguments = builder.Kind == BuilderKind.Podman
            ? new[] { "save", "--format", "docker-archive", imageReference }
            : new[] { "save", imageReference };
        var spec = new ProcessSpec(builder.ExecutablePath, arguments) { Environment = builder.Environment, Timeout = timeout };

        StreamedProcessResult<T> result;
        try
        {
            result = ProcessRunner.RunStreaming(spec, consume, cancellationToken);
        }
        catch (ProcessStartException e)
        {
            throw ImageBuilderException.Create(e, DiagnosticCatalog.BuilderNotFound, e.Message);
        }

        if (result.Process.TimedOut)
        {
            throw ImageBuilderException.Create(DiagnosticCatalog.BuilderTimeout, ShortName(builder, "save"), Describe(timeout));
        }
        if (!result.StoppedEarly && result.Process.ExitCode != 0)
        {
            string reason = FirstLine(result.Process.StandardError);
            if (IsEngineUnreachable(result.Process.StandardError))
            {
                throw new ImageBuilderException(DiagnosticCatalog.DaemonUnavailable, DiagnosticCatalog.DaemonUnavailable.FormatMessage(builder.ExecutablePath, reason), result.ConsumerError);
            }
            string message = DiagnosticCatalog.ImageUnreadable.FormatMessage(imageReference,
                $"'{ShortName(builder, "save")}' exited {result.Process.ExitCode}: {(reason.Length > 0 ? reason : "no message")}");
            throw new ImageBuilderException(DiagnosticCatalog.ImageUnreadable, message, result.ConsumerError);
        }
        if (result.ConsumerError is not null)
        {
            ExceptionDispatchInfo.Capture(result.ConsumerError).Throw();
        }
        return result.Value!;
    }

    /// <summary>The engine's view of a local image; COPT0015 when there is no such image.</summary>
    public static ImageInspection Inspect(BuilderInfo builder, string reference, TimeSpan? timeout = null) =>
        TryInspect(builder, reference, timeout, out string? reason)
        ?? throw ImageBuilderException.Create(DiagnosticCatalog.ImageUnreadable, reference, reason);

    /// <summary>Like <see cref="Inspect"/>, but null (with the engine's reason) when the image is not there.</summary>
    public static ImageInspection? TryInspect(BuilderInfo builder, string reference, TimeSpan? timeout, out string? reason)
    {
        // docker 20.10 inspects into a map, where a missing "Variant" would break a plain {{.Variant}}.
        string variant = builder.Kind == BuilderKind.Podman ? "" : "{{with index . \"Variant\"}}{{.}}{{end}}";
        string format = "{{.Id}}|{{.Size}}|{{.Os}}|{{.Architecture}}|" + variant + "|{{.Created}}";
        var spec = new ProcessSpec(builder.ExecutablePath, new[] { "image", "inspect", "--format", format, reference })
        {
            Environment = builder.Environment,
            Timeout = timeout ?? DefaultInspectTimeout,
        };
        ProcessResult result = RunTool(spec, builder, CancellationToken.None);
        if (result.TimedOut)
        {
            throw ImageBuilderException.Create(DiagnosticCatalog.BuilderTimeout, ShortName(builder, "image inspect"), Describe(timeout ?? DefaultInspectTimeout));
        }
        if (result.ExitCode != 0)
        {
            if (IsEngineUnreachable(result.StandardError))
            {
                throw ImageBuilderException.Create(DiagnosticCatalog.DaemonUnavailable, builder.ExecutablePath, FirstLine(result.StandardError));
            }
            reason = FirstLine(result.StandardError);
            if (reason.Length == 0) reason = $"'{ShortName(builder, "image inspect")}' exited {result.ExitCode}";
            return null;
        }

        string[] fields = FirstLine(result.StandardOutput).Split('|');
        if (fields.Length < 6 || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long size))
        {
            throw ImageBuilderException.Create(DiagnosticCatalog.ImageUnreadable, reference, $"unexpected inspect output '{FirstLine(result.StandardOutput)}'");
        }
        reason = null;
        return new ImageInspection(reference, fields[0], size, fields[2], fields[3], fields[4], string.Join("|", fields.Skip(5)));
    }

    private static ProcessResult RunTool(ProcessSpec spec, BuilderInfo builder, CancellationToken cancellationToken)
    {
        try
        {
            return ProcessRunner.Run(spec, cancellationToken);
        }
        catch (ProcessStartException e)
        {
            throw ImageBuilderException.Create(e, DiagnosticCatalog.BuilderNotFound, $"{e.Message} (found earlier as the {builder.DisplayName} client)");
        }
    }

    /// <summary>The request's Dockerfile as the build sees it: its ARGs take the request's build args.</summary>
    public static DockerfileModel ReadModel(ImageBuildRequest request)
    {
        string text = File.ReadAllText(request.DockerfilePath);
        DockerfileSyntax syntax = DockerfileParser.Parse(text, request.DockerfilePath);
        var buildArgs = request.BuildArgs.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        return DockerfileModel.Build(syntax, buildArgs);
    }

    /// <summary>The engine went away: the client's messages when it cannot reach the daemon.</summary>
    internal static bool IsEngineUnreachable(string stderr) =>
        stderr.IndexOf("Cannot connect to the Docker daemon", StringComparison.Ordinal) >= 0
        || stderr.IndexOf("error during connect", StringComparison.OrdinalIgnoreCase) >= 0
        || stderr.IndexOf("unable to connect to Podman", StringComparison.OrdinalIgnoreCase) >= 0;

    private static string ShortName(BuilderInfo builder, string verb)
    {
        string program = Path.GetFileNameWithoutExtension(builder.ExecutablePath);
        return builder.Kind == BuilderKind.Buildx && verb == "build" ? program + " buildx build" : program + " " + verb;
    }

    internal static string Describe(TimeSpan duration) =>
        duration.TotalSeconds < 120
            ? duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";

    private static string FirstLine(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            if (line.Trim().Length > 0) return line.Trim();
        }
        return "";
    }

    private static string LastLine(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = lines.Length - 1; i >= 0; i--)
        {
            if (lines[i].Trim().Length > 0) return lines[i].Trim();
        }
        return "";
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
