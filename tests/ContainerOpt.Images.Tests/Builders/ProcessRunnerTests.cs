using System.Diagnostics;
using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Builders;

/// <summary>The runner against real processes (sh, head, sleep): streaming, environment, timeouts, trees.</summary>
[TestClass]
public sealed class ProcessRunnerTests
{
    private static ProcessSpec Shell(string script, params string[] extra) =>
        new("/bin/sh", new[] { "-c", script, "sh" }.Concat(extra).ToArray());

    [TestMethod]
    public void Run_StreamsLinesInOrderAndReturnsTheExitCode()
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        var spec = new ProcessSpec("/bin/sh", new[] { "-c", "echo one; echo two; echo err >&2; echo \"$1\"; exit 4", "sh", "a \"quoted\" arg" })
        {
            OnStandardOutput = stdout.Add,
            OnStandardError = stderr.Add,
        };
        ProcessResult result = ProcessRunner.Run(spec);
        Assert.AreEqual(4, result.ExitCode);
        Assert.IsFalse(result.TimedOut);
        CollectionAssert.AreEqual(new[] { "one", "two", "a \"quoted\" arg" }, stdout);
        CollectionAssert.AreEqual(new[] { "err" }, stderr);
        Assert.AreEqual("one\ntwo\na \"quoted\" arg\n", result.StandardOutput);
    }

    [TestMethod]
    public void Run_AppliesEnvironmentOverridesAndRemovals()
    {
        Environment.SetEnvironmentVariable("CONTAINEROPT_RUNNER_REMOVE_ME", "present");
        try
        {
            var spec = new ProcessSpec("/bin/sh", new[] { "-c", "echo \"[$CONTAINEROPT_RUNNER_SET][${CONTAINEROPT_RUNNER_REMOVE_ME-unset}]\"" })
            {
                Environment = new Dictionary<string, string?> { ["CONTAINEROPT_RUNNER_SET"] = "v a l", ["CONTAINEROPT_RUNNER_REMOVE_ME"] = null },
            };
            Assert.AreEqual("[v a l][unset]\n", ProcessRunner.Run(spec).StandardOutput);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CONTAINEROPT_RUNNER_REMOVE_ME", null);
        }
    }

    [TestMethod]
    public void Run_UsesTheWorkingDirectoryAndClosesStandardInput()
    {
        string folder = BuilderTestFiles.NewFolder("cwd");
        try
        {
            // cat would wait forever on an open standard input.
            var spec = new ProcessSpec("/bin/sh", new[] { "-c", "pwd; cat; echo done" }) { WorkingDirectory = folder, Timeout = TimeSpan.FromSeconds(20) };
            ProcessResult result = ProcessRunner.Run(spec);
            Assert.AreEqual(folder + "\ndone\n", result.StandardOutput);
            Assert.IsFalse(result.TimedOut);
        }
        finally
        {
            BuilderTestFiles.DeleteFolder(folder);
        }
    }

    [TestMethod]
    public void Run_TimeoutStopsTheWholeTree()
    {
        string marker = "containeropt-runner-" + Guid.NewGuid().ToString("N");
        // A grandchild that would outlive a plain Kill: sh starts sh which sleeps.
        var spec = new ProcessSpec("/bin/sh", new[] { "-c", "sh -c 'sleep 60; echo " + marker + "' & wait" }) { Timeout = TimeSpan.FromSeconds(1) };
        var watch = Stopwatch.StartNew();
        ProcessResult result = ProcessRunner.Run(spec);
        Assert.IsTrue(result.TimedOut);
        Assert.AreEqual(-1, result.ExitCode);
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
        Assert.AreEqual(0, ProcessesWith(marker), "a process of the tree survived the timeout");
    }

    [TestMethod]
    public void Run_CancellationStopsAndThrows()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        Assert.ThrowsExactly<OperationCanceledException>(() => ProcessRunner.Run(Shell("sleep 30"), cancel.Token));
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
    }

    [TestMethod]
    public void Run_MissingProgramIsAStartException()
    {
        var e = Assert.ThrowsExactly<ProcessStartException>(() => ProcessRunner.Run(new ProcessSpec("/nonexistent/containeropt-tool", Array.Empty<string>())));
        StringAssert.StartsWith(e.Message, "cannot start '/nonexistent/containeropt-tool'");
    }

    [TestMethod]
    public void RunStreaming_HandsTheRawStandardOutputToTheConsumer()
    {
        // 3 MiB of 'x', far more than a pipe buffer holds.
        var spec = Shell("head -c 3145728 /dev/zero | tr '\\000' 'x'; echo warning >&2");
        StreamedProcessResult<long> result = ProcessRunner.RunStreaming(spec, stream =>
        {
            long total = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'x') throw new InvalidDataException("unexpected byte " + buffer[i]);
                }
                total += read;
            }
            return total;
        });
        Assert.AreEqual(3145728L, result.Value);
        Assert.AreEqual(0, result.Process.ExitCode);
        Assert.IsNull(result.ConsumerError);
        Assert.IsFalse(result.StoppedEarly);
        Assert.AreEqual("warning\n", result.Process.StandardError);
    }

    [TestMethod]
    public void RunStreaming_AConsumerThatStopsEarlyStopsTheProcess()
    {
        var watch = Stopwatch.StartNew();
        StreamedProcessResult<int> result = ProcessRunner.RunStreaming(Shell("yes"), stream => stream.ReadByte());
        Assert.AreEqual((int)'y', result.Value);
        Assert.IsTrue(result.StoppedEarly);
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
    }

    [TestMethod]
    public void RunStreaming_TimeoutEndsTheStream()
    {
        var spec = new ProcessSpec("/bin/sh", new[] { "-c", "echo start; sleep 60" }) { Timeout = TimeSpan.FromSeconds(1) };
        var watch = Stopwatch.StartNew();
        StreamedProcessResult<string> result = ProcessRunner.RunStreaming(spec, stream => new StreamReader(stream).ReadToEnd());
        Assert.IsTrue(result.Process.TimedOut);
        Assert.AreEqual("start\n", result.Value);
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
    }

    /// <summary>How many live processes have <paramref name="marker"/> in their command line (waits up to 3 s for stragglers).</summary>
    internal static int ProcessesWith(string marker)
    {
        int count = 0;
        for (int attempt = 0; attempt < 30; attempt++)
        {
            count = 0;
            foreach (string directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out _)) continue;
                try
                {
                    if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(marker, StringComparison.Ordinal)) count++;
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
            if (count == 0) return 0;
            Thread.Sleep(100);
        }
        return count;
    }
}
