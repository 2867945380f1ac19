namespace ContainerOpt.TestSupport;

/// <summary>
/// The real browser the HTML report tests open pages in: Debian's chromium, headless (build/browser-env.sh installs it;
/// build/test.sh runs that). Tests call <see cref="Require"/>: without it they are inconclusive with the reason, unless
/// CONTAINEROPT_REQUIRE_CHROMIUM=1 (set by build/test.sh after installing it), where a missing browser fails them.
/// Every run gets its own profile folder, so parallel runs never share one.
/// </summary>
public static class Chromium
{
    private static readonly Lazy<string?> LazyUnavailableReason = new(Probe);

    /// <summary>$CONTAINEROPT_CHROMIUM, else chromium, chromium-browser or google-chrome found on PATH.</summary>
    public static string Executable
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("CONTAINEROPT_CHROMIUM");
            if (!string.IsNullOrEmpty(configured)) return configured;
            foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome" })
            {
                foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
                {
                    if (folder.Length > 0 && File.Exists(Path.Combine(folder, name))) return Path.Combine(folder, name);
                }
            }
            return "chromium";
        }
    }

    /// <summary>Why there is no usable browser, or null when one answers.</summary>
    public static string? UnavailableReason => LazyUnavailableReason.Value;

    public static void Require()
    {
        string? reason = UnavailableReason;
        if (reason is null) return;
        string message = $"Chromium is not available: {reason}. Install it with: bash build/browser-env.sh (apt-get install -y chromium; build/test.sh does).";
        if (Environment.GetEnvironmentVariable("CONTAINEROPT_REQUIRE_CHROMIUM") == "1")
            Assert.Fail(message);
        Assert.Inconclusive(message);
    }

    /// <summary>The page's DOM after it loaded (<c>--dump-dom</c>): what the browser made of the HTML.</summary>
    public static string DumpDom(string htmlFile)
    {
        ProcessResult result = Run("--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri);
        return result.StandardOutput;
    }

    /// <summary>A PNG screenshot of the page in a window of the given size, at one device pixel per CSS pixel.</summary>
    public static byte[] Screenshot(string htmlFile, int width, int height)
    {
        string png = Path.Combine(Path.GetTempPath(), "copt-shot-" + Guid.NewGuid().ToString("N") + ".png");
        try
        {
            Run("--hide-scrollbars", "--force-device-scale-factor=1", $"--window-size={width},{height}", "--screenshot=" + png,
                new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri);
            Assert.IsTrue(File.Exists(png), $"chromium wrote no screenshot to {png}");
            return File.ReadAllBytes(png);
        }
        finally
        {
            if (File.Exists(png)) File.Delete(png);
        }
    }

    private static ProcessResult Run(params string[] arguments)
    {
        string profile = Path.Combine(Path.GetTempPath(), "copt-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var all = new List<string>
            {
                // No sandbox: tests run as root in containers, where chromium's sandbox cannot start.
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
            };
            all.AddRange(arguments);
            ProcessResult result = ProcessResult.Run(Executable, all, TimeSpan.FromMinutes(2), environment: new Dictionary<string, string> { ["HOME"] = profile });
            if (result.ExitCode != 0)
                Assert.Fail($"{Executable} {string.Join(" ", all)} exited {result.ExitCode}:\n{result.StandardError}");
            return result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? Probe()
    {
        try
        {
            ProcessResult result = ProcessResult.Run(Executable, new[] { "--version" }, TimeSpan.FromSeconds(60));
            return result.ExitCode == 0 ? null : $"'{Executable} --version' exited {result.ExitCode}: {result.StandardError.Trim()}";
        }
        catch (Exception e)
        {
            return $"cannot run '{Executable}': {e.Message}";
        }
    }
}
