using System.Diagnostics;
using ContainerOpt.Cli.Output;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Reporting;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// Issue 13 item 5: `containeropt layers` shows how far it has read a large image on standard error when that is a
/// terminal — one line redrawn in place, cleared before the report — and prints nothing of it when redirected, so
/// files, pipes and tests get the same bytes as before. No engine needed: a synthetic `docker save` archive.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class LayersProgressTests
{
    private static string _folder = "";
    private static string _archive = "";

    [ClassInitialize]
    public static void WriteArchive(TestContext _)
    {
        _folder = Path.Combine(Path.GetTempPath(), "containeropt-tests", "layers-progress-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _archive = Path.Combine(_folder, "image.tar");
        using var file = File.Create(_archive);
        new SyntheticImageStream(layers: 3, filesPerLayer: 2, fileSize: 1 << 20, smallFiles: 50).CopyTo(file);
    }

    [ClassCleanup]
    public static void RemoveArchive()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [TestMethod]
    public void Describe_SaysBytesOfTheTotal_AndLayers_CuttingTheNameToTheWidth()
    {
        Assert.AreEqual("reading app.tar: 35.7 MB of 135 MB (26.4%), 1 layer",
            ImageReadProgressLine.Describe("app.tar", new ImageReadProgress(35_700_000, 135_000_000, 1, false), 79));
        Assert.AreEqual("reading myapp:1.2: 1.05 GB, 0 layers",
            ImageReadProgressLine.Describe("myapp:1.2", new ImageReadProgress(1_050_000_000, null, 0, false), 79));
        Assert.AreEqual("reading …images/app.tar: 2.00 MB of 4.00 MB (50.0%), 3 layers",
            ImageReadProgressLine.Describe("/home/me/projects/images/app.tar", new ImageReadProgress(2_000_000, 4_000_000, 3, false), 61));
    }

    [TestMethod]
    public void TheLineIsRedrawnInPlace_AtMostEveryTenthOfASecond_AndClearedAtTheEnd()
    {
        var terminal = new StringWriter();
        TimeSpan now = TimeSpan.Zero;
        var line = new ImageReadProgressLine(terminal, "app.tar", 80, () => now);

        line.Report(new ImageReadProgress(1_048_576, 4_000_000, 0, false));
        now += TimeSpan.FromMilliseconds(50);
        line.Report(new ImageReadProgress(2_097_152, 4_000_000, 1, false)); // too soon: not drawn
        now += TimeSpan.FromMilliseconds(60);
        line.Report(new ImageReadProgress(3_145_728, 4_000_000, 10, false));
        line.Report(new ImageReadProgress(4_000_000, 4_000_000, 11, true));
        line.Dispose();

        string first = "reading app.tar: 1.05 MB of 4.00 MB (26.2%), 0 layers";
        string second = "reading app.tar: 3.15 MB of 4.00 MB (78.6%), 10 layers";
        Assert.AreEqual("\r" + first + "\r" + second + "\r" + new string(' ', second.Length) + "\r", terminal.ToString());

        // A shorter line overwrites the rest of a longer one with spaces.
        var shrinking = new StringWriter();
        var redraw = new ImageReadProgressLine(shrinking, "app.tar", 80, () => now);
        redraw.Report(new ImageReadProgress(99_900_000, null, 10, false));
        now += TimeSpan.FromSeconds(1);
        redraw.Report(new ImageReadProgress(100_000_000, null, 10, false));
        Assert.AreEqual("\rreading app.tar: 99.9 MB, 10 layers\rreading app.tar: 100 MB, 10 layers ", shrinking.ToString());
    }

    [TestMethod]
    public void InProcess_AWriterThatIsNotTheConsole_GetsNoProgress()
    {
        Assert.IsNull(ImageReadProgressLine.ForTerminal(new StringWriter(), "app.tar"));
        var (code, _, stderr) = CliRunner.Run("layers", _archive);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("", stderr);
    }

    /// <summary>The tool as a process, its standard error a pipe: nothing on it, and the report the same bytes as in process.</summary>
    [TestMethod]
    [DataRow("text")]
    [DataRow("json")]
    public void Redirected_StandardErrorStaysEmpty_AndTheReportIsUnchanged(string format)
    {
        var inProcess = CliRunner.Run("layers", _archive, "--format", format);
        Assert.AreEqual(0, inProcess.ExitCode, inProcess.Stderr);

        var start = new ProcessStartInfo(Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (string argument in new[] { Tool, "layers", _archive, "--format", format }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.IsTrue(process.WaitForExit(120_000), "containeropt layers did not finish");

        Assert.AreEqual(0, process.ExitCode, stderr);
        Assert.AreEqual("", stderr, "no progress on a redirected standard error");
        Assert.AreEqual(inProcess.Stdout, stdout.Result.Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
    }

    /// <summary>On a real terminal (a pseudo-terminal from util-linux's script): the line is drawn, then cleared before the report.</summary>
    [TestMethod]
    public void OnATerminal_TheLineIsDrawnAndClearedBeforeTheReport()
    {
        if (!File.Exists("/usr/bin/script"))
        {
            Assert.Inconclusive("util-linux's script (a pseudo-terminal) is not installed here");
        }
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        // script runs one shell command line: the paths are single-quoted (they hold no quote).
        foreach (string argument in new[] { "-q", "-e", "-c", $"'{Dotnet}' '{Tool}' layers '{_archive}'", "/dev/null" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        string session = process.StandardOutput.ReadToEnd();
        Assert.IsTrue(process.WaitForExit(120_000), "containeropt layers did not finish");
        Assert.AreEqual(0, process.ExitCode, session + stderr.Result);

        // The terminal's width here is unknown (80 is assumed): the long temporary path is cut from its start.
        int drawn = session.IndexOf("\rreading ", StringComparison.Ordinal);
        Assert.IsTrue(drawn >= 0 && session.IndexOf("image.tar: ", drawn, StringComparison.Ordinal) > drawn, "the progress line was drawn:\n" + session);
        StringAssert.Contains(session, " of " + ByteSize.Format(new FileInfo(_archive).Length) + " (", "the archive's size is the total: " + session);
        int table = session.IndexOf("#     SIZE", StringComparison.Ordinal);
        Assert.IsTrue(table > drawn, session);
        // After the last drawing: a return, blanks over it, a return; then the report.
        string progress = session.Substring(drawn, table - drawn);
        int lastDrawn = progress.LastIndexOf("\rreading ", StringComparison.Ordinal);
        string cleared = progress.Substring(progress.IndexOf('\r', lastDrawn + 1));
        Assert.AreEqual("\r" + new string(' ', cleared.Length - 2) + "\r", cleared, session);
        Assert.IsTrue(cleared.Length - 2 >= progress.IndexOf('\r', lastDrawn + 1) - lastDrawn - 1, "the blanks cover the last line: " + session);
    }

    private static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Tool => Path.Combine(AppContext.BaseDirectory, "containeropt.dll");
}
