using ContainerOpt.Core.IO;
using System.Diagnostics;
using System.Text;

namespace ContainerOpt.Analysis.ShellCheck;

/// <summary>
/// Runs shellcheck with an argument list, never through a shell: standard input closed, both outputs
/// captured, stopped at the timeout. Never throws for a program that cannot start or misbehaves: the
/// result says what happened.
/// </summary>
internal static class ShellCheckProcess
{
    public static Result Run(string fileName, IReadOnlyList<string> arguments, string? workingDirectory, TimeSpan timeout)
    {
        var start = ProcessStarts.Redirected(fileName, arguments, workingDirectory);
        // The user's SHELLCHECK_OPTS would change the findings behind the cache key's back (and could ask for
        // another output format): the options are the runner's alone.
        start.EnvironmentVariables.Remove("SHELLCHECK_OPTS");

        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or FileNotFoundException or DirectoryNotFoundException
            or InvalidOperationException or UnauthorizedAccessException)
        {
            return Result.NotStarted($"cannot start it: {e.Message}");
        }
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Exited already.
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(ToMilliseconds(timeout));
        if (!exited)
        {
            try
            {
                process.Kill();
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Exited in between.
            }
            process.WaitForExit(10_000);
        }
        else
        {
            // The parameterless wait also waits for the output pipes to be read to the end.
            process.WaitForExit();
        }
        Task.WaitAll(new Task[] { stdout, stderr }, 10_000);
        watch.Stop();
        string Read(Task<string> t) => t.Status == TaskStatus.RanToCompletion ? t.Result : "";
        return new Result(exited ? process.ExitCode : -1, !exited, Read(stdout), Read(stderr), watch.Elapsed, null);
    }

    private static int ToMilliseconds(TimeSpan timeout)
    {
        double ms = timeout.TotalMilliseconds;
        return ms <= 0 ? 0 : ms >= int.MaxValue ? int.MaxValue - 1 : (int)ms;
    }

    internal sealed class Result
    {
        public Result(int exitCode, bool timedOut, string standardOutput, string standardError, TimeSpan elapsed, string? startError)
        {
            ExitCode = exitCode;
            TimedOut = timedOut;
            StandardOutput = standardOutput;
            StandardError = standardError;
            Elapsed = elapsed;
            StartError = startError;
        }

        public int ExitCode { get; }
        public bool TimedOut { get; }
        public string StandardOutput { get; }
        public string StandardError { get; }
        public TimeSpan Elapsed { get; }

        /// <summary>Why the program did not start, or null when it ran.</summary>
        public string? StartError { get; }

        public static Result NotStarted(string error) => new(-1, false, "", "", TimeSpan.Zero, error);

        /// <summary>The last line of standard error (or output), for a message.</summary>
        public string Tail()
        {
            string text = (StandardError.Trim().Length > 0 ? StandardError : StandardOutput).Trim();
            int nl = text.LastIndexOf('\n');
            string last = nl >= 0 ? text.Substring(nl + 1).Trim() : text;
            return last.Length > 300 ? last.Substring(0, 297) + "..." : last;
        }
    }
}
