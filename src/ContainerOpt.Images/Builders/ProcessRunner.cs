using ContainerOpt.Core.IO;
using System.Diagnostics;
using System.Text;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// Runs an external program with an argument list: output lines streamed to callbacks as they arrive,
/// standard input closed, a timeout and a cancellation token that stop the whole process tree. Never waits
/// forever on a process that will not end.
/// </summary>
public static class ProcessRunner
{
    // After the process ends, its pipes close unless something it started still holds them; wait this long.
    private static readonly TimeSpan PipeDrainLimit = TimeSpan.FromSeconds(10);

    public static ProcessResult Run(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        var stdoutTail = new OutputTail();
        var stderrTail = new OutputTail();
        var callbackErrors = new CallbackErrors();
        var watch = Stopwatch.StartNew();
        using var exited = new ManualResetEventSlim();
        using Process process = Start(spec, exited);

        Task stdoutPump = PumpLines(process.StandardOutput, stdoutTail, spec.OnStandardOutput, callbackErrors);
        Task stderrPump = PumpLines(process.StandardError, stderrTail, spec.OnStandardError, callbackErrors);

        bool timedOut = false;
        bool canceled = false;
        int signaled = WaitHandle.WaitAny(new[] { exited.WaitHandle, cancellationToken.WaitHandle }, ToMilliseconds(spec.Timeout));
        if (signaled != 0)
        {
            timedOut = signaled == WaitHandle.WaitTimeout;
            canceled = !timedOut;
            ProcessTree.Kill(process);
        }
        Finish(process, stdoutPump, stderrPump);
        watch.Stop();

        if (canceled) throw new OperationCanceledException($"'{spec.DisplayText}' was canceled and stopped.", cancellationToken);
        callbackErrors.ThrowIfAny();
        return new ProcessResult(timedOut ? -1 : process.ExitCode, watch.Elapsed, timedOut, stdoutTail.ToString(), stderrTail.ToString());
    }

    /// <summary>
    /// Runs the program and hands its standard output, as a forward-only stream, to <paramref name="consume"/>
    /// on the calling thread, while standard error is captured. A consumer that returns before the end stops
    /// the process (it has what it wanted); the timeout and the token stop it too, which ends the stream.
    /// </summary>
    public static StreamedProcessResult<T> RunStreaming<T>(ProcessSpec spec, Func<Stream, T> consume, CancellationToken cancellationToken = default)
    {
        if (consume is null) throw new ArgumentNullException(nameof(consume));
        var stderrTail = new OutputTail();
        var callbackErrors = new CallbackErrors();
        var watch = Stopwatch.StartNew();
        using var exited = new ManualResetEventSlim();
        using Process process = Start(spec, exited);
        Task stderrPump = PumpLines(process.StandardError, stderrTail, spec.OnStandardError, callbackErrors);

        int timedOut = 0;
        int canceled = 0;
        using var timer = new Timer(_ =>
        {
            Interlocked.Exchange(ref timedOut, 1);
            ProcessTree.Kill(process);
        }, null, ToMilliseconds(spec.Timeout), Timeout.Infinite);
        using var registration = cancellationToken.Register(() =>
        {
            Interlocked.Exchange(ref canceled, 1);
            ProcessTree.Kill(process);
        });

        T? value = default;
        Exception? consumerError = null;
        var output = new EndTrackingStream(process.StandardOutput.BaseStream);
        try
        {
            value = consume(output);
        }
        catch (Exception e)
        {
            consumerError = e;
        }

        // A consumer that read to the end lets the process finish (the timer still guards it); one that
        // returned or threw before the end is done with it, so the process is stopped.
        bool stoppedEarly = !output.ReachedEnd && !process.HasExited;
        if (stoppedEarly) ProcessTree.Kill(process);
        else process.WaitForExit();
        timer.Change(Timeout.Infinite, Timeout.Infinite);
        Finish(process, Task.CompletedTask, stderrPump);
        watch.Stop();

        if (Volatile.Read(ref canceled) == 1) throw new OperationCanceledException($"'{spec.DisplayText}' was canceled and stopped.", cancellationToken);
        callbackErrors.ThrowIfAny();
        bool wasTimedOut = Volatile.Read(ref timedOut) == 1;
        var result = new ProcessResult(wasTimedOut || stoppedEarly ? -1 : process.ExitCode, watch.Elapsed, wasTimedOut, "", stderrTail.ToString());
        return new StreamedProcessResult<T>(result, value, consumerError, stoppedEarly && !wasTimedOut);
    }

    private static Process Start(ProcessSpec spec, ManualResetEventSlim exited)
    {
#if NET
        var start = ProcessStarts.Redirected(spec.FileName, workingDirectory: spec.WorkingDirectory);
        foreach (string argument in spec.Arguments) start.ArgumentList.Add(argument);
#else
        var start = ProcessStarts.Redirected(spec.FileName, spec.Arguments, spec.WorkingDirectory);
#endif
        foreach (var pair in spec.Environment)
        {
            if (pair.Value is null) start.Environment.Remove(pair.Key);
            else start.Environment[pair.Key] = pair.Value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Exited += (_, _) => exited.Set();
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or FileNotFoundException or DirectoryNotFoundException or InvalidOperationException)
        {
            process.Dispose();
            throw new ProcessStartException(spec.FileName, $"cannot start '{spec.FileName}': {e.Message}", e);
        }
        if (process.HasExited) exited.Set();
        // The builder must never wait for input nobody will type.
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Exited already.
        }
        return process;
    }

    private static Task PumpLines(StreamReader reader, OutputTail tail, Action<string>? onLine, CallbackErrors errors) =>
        Task.Factory.StartNew(() =>
        {
            try
            {
                string? line;
                while ((line = reader.ReadLine()) is not null)
                {
                    tail.AppendLine(line);
                    if (onLine is null) continue;
                    try
                    {
                        onLine(line);
                    }
                    catch (Exception e)
                    {
                        // Keep draining: a stopped reader would block the process on a full pipe.
                        errors.Add(e);
                    }
                }
            }
            catch (ObjectDisposedException)
            {
            }
            catch (IOException)
            {
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Finish(Process process, Task first, Task second)
    {
        if (!process.WaitForExit((int)PipeDrainLimit.TotalMilliseconds))
        {
            ProcessTree.Kill(process);
            process.WaitForExit((int)PipeDrainLimit.TotalMilliseconds);
        }
        if (!Task.WaitAll(new[] { first, second }, PipeDrainLimit))
        {
            // Something the process started still holds the pipes: stop it so nothing outlives the run.
            ProcessTree.Kill(process);
            Task.WaitAll(new[] { first, second }, PipeDrainLimit);
        }
    }

    private static int ToMilliseconds(TimeSpan? timeout)
    {
        if (timeout is not { } value) return Timeout.Infinite;
        double ms = value.TotalMilliseconds;
        return ms <= 0 ? 0 : ms >= int.MaxValue ? int.MaxValue - 1 : (int)ms;
    }

    private sealed class CallbackErrors
    {
        private Exception? _first;

        public void Add(Exception e) => Interlocked.CompareExchange(ref _first, e, null);

        public void ThrowIfAny()
        {
            if (_first is not null) throw new InvalidOperationException("An output callback failed: " + _first.Message, _first);
        }
    }
}

/// <summary>The program could not be started (not found, not executable).</summary>
public sealed class ProcessStartException : Exception
{
    public ProcessStartException(string fileName, string message, Exception inner)
        : base(message, inner)
    {
        FileName = fileName;
    }

    public string FileName { get; }
}
