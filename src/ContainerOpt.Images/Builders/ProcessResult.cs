namespace ContainerOpt.Images.Builders;

/// <summary>How a process ended: its exit code, how long it ran, whether it was stopped, and the tail of its output.</summary>
public sealed class ProcessResult
{
    public ProcessResult(int exitCode, TimeSpan elapsed, bool timedOut, string standardOutput, string standardError)
    {
        ExitCode = exitCode;
        Elapsed = elapsed;
        TimedOut = timedOut;
        StandardOutput = standardOutput;
        StandardError = standardError;
    }

    /// <summary>The exit code; meaningless (-1) when <see cref="TimedOut"/>.</summary>
    public int ExitCode { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>True when the timeout stopped the process.</summary>
    public bool TimedOut { get; }

    /// <summary>Standard output as text (the last <see cref="OutputTail.Capacity"/> characters); empty when it was streamed.</summary>
    public string StandardOutput { get; }

    /// <summary>Standard error as text (the last <see cref="OutputTail.Capacity"/> characters).</summary>
    public string StandardError { get; }

    public bool Succeeded => !TimedOut && ExitCode == 0;
}

/// <summary>The result of a process whose standard output was handed to a consumer as a stream.</summary>
public sealed class StreamedProcessResult<T>
{
    public StreamedProcessResult(ProcessResult process, T? value, Exception? consumerError, bool stoppedEarly)
    {
        Process = process;
        Value = value;
        ConsumerError = consumerError;
        StoppedEarly = stoppedEarly;
    }

    public ProcessResult Process { get; }

    /// <summary>What the consumer returned (default when it threw).</summary>
    public T? Value { get; }

    /// <summary>What the consumer threw, if it did.</summary>
    public Exception? ConsumerError { get; }

    /// <summary>True when the consumer returned before the process ended, so the process was stopped.</summary>
    public bool StoppedEarly { get; }
}
