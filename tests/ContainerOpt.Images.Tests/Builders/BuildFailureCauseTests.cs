using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Builders;

/// <summary>
/// Issue #16 item 6: a failed image build's COPT0014 carries the failing step's own error lines (the SDK's or
/// the compiler's) at the default verbosity. Recorded real failures of dotnet restore and dotnet publish on each
/// builder, and the selection of the lines from real-looking output.
/// </summary>
[TestClass]
public sealed class BuildFailureCauseTests
{
    private const string Netsdk1013 =
        "/usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.TargetFrameworkInference.targets(109,5): error NETSDK1013: " +
        "The TargetFramework value '' was not recognized. It may be misspelled. If not, then the TargetFrameworkIdentifier and/or TargetFrameworkVersion " +
        "properties must be specified explicitly. [/src/app.csproj]";

    private const string Cs1002 = "/src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj]";

    private static BuildFailure Fail(BuilderKind kind, string fixture, string dockerfile)
    {
        BuildOutputParser parser = BuildOutputParser.For(kind);
        parser.AcceptAll(BuilderTestFiles.Fixture(fixture));
        parser.Complete(succeeded: false);
        DockerfileModel model = DockerfileModel.Build(DockerfileParser.Parse(BuilderTestFiles.Fixture(dockerfile), dockerfile));
        return BuildFailureLocator.Locate(parser, model, kind, null, dockerfile, "fallback");
    }

    // ---- recorded failures, each builder

    [TestMethod]
    [DataRow(BuilderKind.DockerBuildKit, "buildkit-20.10-restore-fails.txt")]
    [DataRow(BuilderKind.DockerLegacy, "legacy-20.10-restore-fails.txt")]
    public void Restore_without_a_framework_carries_NETSDK1013(BuilderKind kind, string fixture)
    {
        BuildFailure failure = Fail(kind, fixture, "restore-fails.Dockerfile");

        Assert.AreEqual(5, failure.Line);
        Assert.AreEqual(
            "restore-fails.Dockerfile(5,1): error COPT0014: The image build failed at 'RUN dotnet restore -p:TargetFramework=$TFM': exit code: 1\n" +
            "  " + Netsdk1013,
            failure.Finding.ToCanonicalString());
    }

    [TestMethod]
    [DataRow(BuilderKind.DockerBuildKit, "buildkit-20.10-compile-fails.txt")]
    [DataRow(BuilderKind.DockerLegacy, "legacy-20.10-compile-fails.txt")]
    public void Publish_of_code_that_does_not_compile_carries_the_compiler_error(BuilderKind kind, string fixture)
    {
        BuildFailure failure = Fail(kind, fixture, "compile-fails.Dockerfile");

        Assert.AreEqual(
            "compile-fails.Dockerfile(6,1): error COPT0014: The image build failed at 'RUN dotnet publish -c Release -o /app --no-restore': exit code: 1\n" +
            "  " + Cs1002,
            failure.Finding.ToCanonicalString());
    }

    [TestMethod]
    public void Podman_carries_the_error_line_the_step_printed()
    {
        BuildFailure failure = Fail(BuilderKind.Podman, "podman-4.3-printed-error.txt", "printed-error.Dockerfile");

        Assert.AreEqual(3, failure.Line);
        Assert.AreEqual("The image build failed at 'RUN printf '/src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj]\\n' && exit 1': " +
            "while running runtime: exit status 1\n  " + Cs1002, failure.Finding.Message);
    }

    [TestMethod]
    public void Restore_offline_carries_each_NU1301_once_and_not_the_summary()
    {
        BuildFailure failure = Fail(BuilderKind.DockerBuildKit, "buildkit-20.10-nuget-offline.txt", "nuget-offline.Dockerfile");

        Assert.AreEqual(
            "The image build failed at 'RUN dotnet restore': exit code: 1\n" +
            "  /src/app.csproj : error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.\n" +
            "  /src/app.csproj : error NU1301:   Resource temporarily unavailable (api.nuget.org:443)\n" +
            "  /src/app.csproj : error NU1301:   Resource temporarily unavailable",
            failure.Finding.Message);
    }

    [TestMethod]
    public void A_step_that_printed_nothing_gives_the_reason_alone()
    {
        BuildFailure failure = Fail(BuilderKind.DockerBuildKit, "buildkit-20.10-fail.txt", "fail.Dockerfile");
        Assert.AreEqual("The image build failed at 'RUN exit 3': exit code: 3", failure.Finding.Message);
    }

    [TestMethod]
    public void Newer_BuildKit_repeating_the_output_in_its_error_block_gives_each_line_once()
    {
        // buildx (BuildKit 0.11+) prints the failing step's last lines again between "------" rules, with their times.
        BuildOutputParser parser = BuildOutputParser.For(BuilderKind.Buildx);
        parser.AcceptAll(
            "#9 [build 6/6] RUN dotnet publish -c Release -o /app --no-restore\n" +
            "#9 0.812   Determining projects to restore...\n" +
            "#9 1.649 " + Cs1002 + "\n" +
            "#9 ERROR: process \"/bin/sh -c dotnet publish -c Release -o /app --no-restore\" did not complete successfully: exit code: 1\n" +
            "------\n" +
            " > [build 6/6] RUN dotnet publish -c Release -o /app --no-restore:\n" +
            "0.812   Determining projects to restore...\n" +
            "1.649 " + Cs1002 + "\n" +
            "------\n" +
            "Dockerfile:6\n" +
            "--------------------\n" +
            "   6 | >>> RUN dotnet publish -c Release -o /app --no-restore\n" +
            "--------------------\n" +
            "ERROR: failed to solve: process \"/bin/sh -c dotnet publish -c Release -o /app --no-restore\" did not complete successfully: exit code: 1\n");
        parser.Complete(succeeded: false);
        DockerfileModel model = DockerfileModel.Build(DockerfileParser.Parse(BuilderTestFiles.Fixture("compile-fails.Dockerfile"), "Dockerfile"));

        BuildFailure failure = BuildFailureLocator.Locate(parser, model, BuilderKind.Buildx, null, "Dockerfile", "fallback");

        Assert.AreEqual("Dockerfile(6,1): error COPT0014: The image build failed at 'RUN dotnet publish -c Release -o /app --no-restore': exit code: 1\n  " + Cs1002,
            failure.Finding.ToCanonicalString());
    }

    // ---- which lines

    [TestMethod]
    public void Compiler_errors_in_order_without_warnings_or_restore_chatter()
    {
        // dotnet publish of a file with two errors and two warnings, as the SDK prints it outside a terminal.
        string[] output =
        {
            "  Determining projects to restore...",
            "  Restored /src/app.csproj (in 125 ms).",
            "/src/Program.cs(4,10): warning CS1030: #warning: 'custom warning here' [/src/app.csproj]",
            "/src/Program.cs(2,26): error CS0103: The name 'missing' does not exist in the current context [/src/app.csproj]",
            "/src/Program.cs(3,1): error CS0103: The name 'Foo' does not exist in the current context [/src/app.csproj]",
            "/src/Program.cs(1,5): warning CS0219: The variable 'unused' is assigned but its value is never used [/src/app.csproj]",
        };

        CollectionAssert.AreEqual(new[]
        {
            "/src/Program.cs(2,26): error CS0103: The name 'missing' does not exist in the current context [/src/app.csproj]",
            "/src/Program.cs(3,1): error CS0103: The name 'Foo' does not exist in the current context [/src/app.csproj]",
        }, BuildFailureCause.Select(output).ToArray());
    }

    [TestMethod]
    public void The_summary_of_a_detailed_build_and_other_frameworks_do_not_repeat_an_error()
    {
        // dotnet publish -v:n of a multi-targeted project: each framework reports the error, the summary repeats them.
        string[] output =
        {
            "Build started 12/06/2026 04:40:12.",
            "     1>Project \"/src/app.csproj\" on node 1 (Publish target(s)).",
            "     1>/src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj::TargetFramework=net8.0]",
            "     1>/src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj::TargetFramework=net10.0]",
            "     1>Done Building Project \"/src/app.csproj\" (Publish target(s)) -- FAILED.",
            "",
            "Build FAILED.",
            "",
            "       \"/src/app.csproj\" (Publish target) (1) ->",
            "       (CoreCompile target) -> ",
            "         /src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj::TargetFramework=net8.0]",
            "         /src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj::TargetFramework=net10.0]",
            "",
            "    0 Warning(s)",
            "    2 Error(s)",
            "",
            "Time Elapsed 00:00:01.91",
        };

        CollectionAssert.AreEqual(new[] { "/src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj::TargetFramework=net8.0]" },
            BuildFailureCause.Select(output).ToArray());
    }

    [TestMethod]
    public void At_most_five_coded_errors_the_first_ones()
    {
        var output = Enumerable.Range(1, 9).Select(i => $"/src/Program.cs({i},1): error CS0103: The name 'x{i}' does not exist in the current context [/src/app.csproj]");
        string[] cause = BuildFailureCause.Select(output).ToArray();
        Assert.AreEqual(BuildFailureCause.MaxLines, cause.Length);
        StringAssert.StartsWith(cause[0], "/src/Program.cs(1,1): error CS0103: The name 'x1'");
        StringAssert.StartsWith(cause[4], "/src/Program.cs(5,1): error CS0103: The name 'x5'");
    }

    [TestMethod]
    public void MSBuild_switch_errors_and_SDK_errors_without_a_file_count_as_coded()
    {
        string[] output =
        {
            "MSBUILD : error MSB1009: Project file does not exist.",
            "Switch: app.csproj",
        };
        CollectionAssert.AreEqual(new[] { "MSBUILD : error MSB1009: Project file does not exist." }, BuildFailureCause.Select(output).ToArray());
    }

    [TestMethod]
    public void Apt_failure_without_codes_gives_its_error_line_not_the_progress()
    {
        string[] output =
        {
            "Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]",
            "Hit:2 http://deb.debian.org/debian-security bookworm-security InRelease",
            "Fetched 151 kB in 1s (203 kB/s)",
            "Reading package lists...",
            "Reading package lists...",
            "Building dependency tree...",
            "Reading state information...",
            "E: Unable to locate package libgdiplusx",
        };
        CollectionAssert.AreEqual(new[] { "E: Unable to locate package libgdiplusx" }, BuildFailureCause.Select(output).ToArray());
    }

    [TestMethod]
    public void An_unhandled_exception_gives_its_message_not_the_stack()
    {
        string[] output =
        {
            "Unhandled exception. System.IO.FileNotFoundException: Could not find file '/src/appsettings.json'.",
            "File name: '/src/appsettings.json'",
            "   at Microsoft.Win32.SafeHandles.SafeFileHandle.Open(String fullPath, FileMode mode)",
            "   at Program.<Main>$(String[] args) in /src/Program.cs:line 3",
            "Aborted (core dumped)",
        };
        CollectionAssert.AreEqual(new[] { "Unhandled exception. System.IO.FileNotFoundException: Could not find file '/src/appsettings.json'." },
            BuildFailureCause.Select(output).ToArray());
    }

    [TestMethod]
    public void Nothing_that_reads_as_an_error_gives_the_last_three_lines()
    {
        string[] output = { "one", "two", "", "three", "  four  ", "12.5s" };
        CollectionAssert.AreEqual(new[] { "two", "three", "four" }, BuildFailureCause.Select(output).ToArray());
        Assert.AreEqual(0, BuildFailureCause.Select(Array.Empty<string>()).Count);
        Assert.AreEqual(0, BuildFailureCause.Select(null).Count);
        Assert.AreEqual(0, BuildFailureCause.Select(new[] { "  Determining projects to restore...", "", "Time Elapsed 00:00:00.91" }).Count);
    }

    [TestMethod]
    public void Colours_and_redrawn_progress_lines_are_cleaned()
    {
        string[] output =
        {
            "\u001b[?25l 10% [=>        ]\r 55% [=====>    ]\r100% [==========]\u001b[?25h",
            "\u001b[31;1m/src/Program.cs(1,31): error CS1002: ; expected [/src/app.csproj]\u001b[0m",
        };
        CollectionAssert.AreEqual(new[] { Cs1002 }, BuildFailureCause.Select(output).ToArray());
    }

    [TestMethod]
    public void Secrets_in_an_error_line_are_masked()
    {
        string[] output =
        {
            "/src/nuget.config : error NU1301: Unable to load the service index for source https://me:ghp_s3cr3tT0ken@nuget.pkg.github.com/org/index.json.",
            "error: NUGET_TOKEN=ghp_s3cr3tT0ken was rejected",
        };
        string[] cause = BuildFailureCause.Select(output).ToArray();
        CollectionAssert.AreEqual(new[]
        {
            "/src/nuget.config : error NU1301: Unable to load the service index for source https://me:***@nuget.pkg.github.com/org/index.json.",
        }, cause);
        CollectionAssert.AreEqual(new[] { "error: NUGET_TOKEN=*** was rejected" }, BuildFailureCause.Select(output.Skip(1)).ToArray());
    }

    [TestMethod]
    public void A_very_long_line_is_shortened()
    {
        string line = "/src/Program.cs(1,1): error CS0103: " + new string('x', 2000);
        string cause = BuildFailureCause.Select(new[] { line }).Single();
        Assert.AreEqual(BuildFailureCause.MaxLineLength, cause.Length);
        StringAssert.EndsWith(cause, "…");
    }

    // ---- the reason

    [TestMethod]
    [DataRow("executor failed running [/bin/sh -c dotnet restore]: exit code: 1", "exit code: 1")]
    [DataRow("executor failed running [dotnet restore --locked-mode]: exit code: 1", "exit code: 1")]
    [DataRow("process \"/bin/sh -c dotnet publish -c Release -o /app\" did not complete successfully: exit code: 137", "exit code: 137")]
    [DataRow("The command '/bin/sh -c dotnet restore' returned a non-zero code: 1", "exit code: 1")]
    [DataRow("The command 'dotnet restore' returned a non-zero code: 2", "exit code: 2")]
    [DataRow("while running runtime: exit status 1", "while running runtime: exit status 1")]
    [DataRow("COPY failed: file not found in build context or excluded by .dockerignore: stat app.csproj: file does not exist", "COPY failed: file not found in build context or excluded by .dockerignore: stat app.csproj: file does not exist")]
    public void The_reason_does_not_repeat_the_command(string builderMessage, string reason) =>
        Assert.AreEqual(reason, BuildFailureCause.ShortReason(builderMessage));
}
