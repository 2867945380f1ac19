using ContainerOpt.Core.Diagnostics;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests.ShellCheck;

/// <summary>
/// Why a shell syntax error is an Error (COPT2200 at error severity, minimum tier): on the real engine the RUN's
/// shell rejects the script with exit code 2 before running any of it, and the build stops. Each case is built with
/// BuildKit (<c>--network=none</c>) on the Debian stand-in (/bin/sh is dash, bash is there); the same RUN with the
/// syntax fixed builds, so the failure is the syntax's. (Heredocs need a newer Dockerfile frontend than this engine's
/// built-in one, which cannot be pulled here; BuildKit runs a heredoc body with the same <c>/bin/sh -c</c>.)
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ShellSyntaxErrorEngineTests
{
    private const string BaseImage = "containeropt/bookworm-base:1";

    public static IEnumerable<object[]> Cases => new[]
    {
        new object[] { "sh: if without fi", "RUN if [ -f /etc/os-release ]; then echo found", "RUN if [ -f /etc/os-release ]; then echo found; fi" },
        new object[] { "sh: unterminated quote, over continuation lines", "RUN echo start \\\n && echo \"unterminated", "RUN echo start \\\n && echo \"terminated\"" },
        new object[] { "bash SHELL: while without do", "SHELL [\"/bin/bash\", \"-c\"]\nRUN while false do echo; done", "SHELL [\"/bin/bash\", \"-c\"]\nRUN while false; do echo; done" },
        new object[] { "exec form bash -c: unclosed $(", "RUN [\"/bin/bash\", \"-c\", \"echo $(ls /\"]", "RUN [\"/bin/bash\", \"-c\", \"echo $(ls /)\"]" },
    };

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void A_shell_syntax_error_is_an_error_and_fails_the_build_with_exit_code_2(string name, string broken, string fixedRun)
    {
        DockerEngine.Require();
        string dockerfile = "FROM " + BaseImage + "\n" + broken + "\n";

        var errors = ShellCheckRun.Analyze(dockerfile, mode: AnalysisMode.Minimum)
            .Where(f => f.Code == DiagnosticCatalog.ShellCheck.Id && f.Severity == DiagnosticSeverity.Error).ToList();
        Assert.IsTrue(errors.Count > 0, name + ": no error-severity ShellCheck finding");
        int runLine = dockerfile.Split('\n').ToList().FindIndex(l => l.StartsWith("RUN", StringComparison.Ordinal)) + 1;
        Assert.IsTrue(errors.All(e => e.Location.Start.Line >= runLine), name);
        Assert.IsTrue(errors.All(e => e.Tier == RuleTier.Minimum), name);

        var failed = Build(dockerfile);
        Assert.AreNotEqual(0, failed.ExitCode, name + ": the build succeeded\n" + failed.Output);
        StringAssert.Contains(failed.Output, "exit code: 2", name + "\n" + failed.Output);

        string repaired = "FROM " + BaseImage + "\n" + fixedRun + "\n";
        Assert.AreEqual(0, ShellCheckRun.Analyze(repaired, mode: AnalysisMode.Minimum).Count(f => f.Severity == DiagnosticSeverity.Error), name);
        var built = Build(repaired);
        Assert.AreEqual(0, built.ExitCode, name + ": the fixed RUN did not build\n" + built.Output);
    }

    private static ProcessResult Build(string dockerfile) => DockerEngine.BuildDockerfile(dockerfile, plainProgress: true);
}
