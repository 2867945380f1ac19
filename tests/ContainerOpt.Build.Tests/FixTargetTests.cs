using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// Issue 14 through real builds of <c>dotnet build -t:ContainerOptFix</c>: the project's Dockerfile is fixed in place with
/// the project's facts (its framework, its assembly name, its restore inputs), every fix and every finding left is a
/// message at its line, and <c>ContainerOptFixRules</c> limits the fix to the rules it names.
/// </summary>
[TestClass]
public sealed class FixTargetTests : BuildTestBase
{
    private const string Naive =
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
        "WORKDIR /src\n" +
        "COPY . .\n" +
        "RUN dotnet restore\n" +
        "RUN dotnet publish -c Release -o /app\n" +
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" +
        "WORKDIR /app\n" +
        "COPY --from=build /app .\n" +
        "ENTRYPOINT dotnet Wrong.dll\n";

    [TestMethod]
    public void The_target_fixes_the_project_s_dockerfile_with_the_project_s_facts()
    {
        var scratch = new Scratch("fix-target");
        scratch.OwnRepository(optIn: false);
        var project = scratch.WebApp("Api", dockerfile: Naive);
        string dockerfile = scratch.PathOf("Api/Dockerfile");

        var result = scratch.Build(project, "-t:ContainerOptFix");

        BuildAssert.Succeeded(result);
        Assert.AreEqual(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
            "WORKDIR /src\n" +
            "COPY Api.csproj ./\n" +
            "RUN dotnet restore\n" +
            "COPY . .\n" +
            "RUN dotnet publish --no-restore -c Release -o /app\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" +
            "WORKDIR /app\n" +
            "COPY --from=build /app .\n" +
            "USER $APP_UID\n" +
            "ENTRYPOINT [\"dotnet\", \"Api.dll\"]\n",
            File.ReadAllText(dockerfile), result.Describe());
        var messages = Lines(result.Stdout).Where(l => l.Contains(": message COPT", StringComparison.Ordinal))
            .Select(l => l.Substring(l.IndexOf(dockerfile, StringComparison.Ordinal))).Select(l => l.Split(" [")[0]).ToList();
        CollectionAssert.IsSubsetOf(new[]
        {
            $"{dockerfile}(1): message COPT4001: fixed dotnet-version-mismatch: Use mcr.microsoft.com/dotnet/sdk:10.0",
            $"{dockerfile}(6): message COPT4001: fixed dotnet-version-mismatch: Use mcr.microsoft.com/dotnet/aspnet:10.0",
            $"{dockerfile}(3): message COPT4005: fixed copy-source-before-restore: Copy the restore inputs first and the rest after the restore",
            $"{dockerfile}(5): message COPT4009: fixed publish-without-no-restore: Add --no-restore to 'dotnet publish'",
            $"{dockerfile}(9): message COPT1106: fixed json-args-recommended: Write ENTRYPOINT in exec form",
            $"{dockerfile}(9): message COPT4011: fixed entrypoint-wrong-assembly: Start 'Api.dll'",
            $"{dockerfile}(6): message COPT4013: fixed non-root-user-missing: Run the app as the non-root user app",
        }, messages, result.Describe());
        StringAssert.Contains(result.Stdout, $"ContainerOpt: fixed 7 finding(s) in {dockerfile}; ");

        // Fixed, the build has nothing left to fix: a second run changes nothing.
        string fixedText = File.ReadAllText(dockerfile);
        var again = scratch.Build(project, "-t:ContainerOptFix");
        BuildAssert.Succeeded(again);
        Assert.AreEqual(fixedText, File.ReadAllText(dockerfile));
        StringAssert.Contains(again.Stdout, $"ContainerOpt: fixed 0 finding(s) in {dockerfile}; ");
    }

    [TestMethod]
    public void ContainerOptFixRules_limits_the_fix_and_an_unknown_rule_is_an_error()
    {
        var scratch = new Scratch("fix-rules");
        scratch.OwnRepository(optIn: false);
        var project = scratch.WebApp("Api", dockerfile: Naive);
        string dockerfile = scratch.PathOf("Api/Dockerfile");

        var bogus = scratch.Build(project, "-t:ContainerOptFix", "-p:ContainerOptFixRules=NoSuchRule");
        BuildAssert.Failed(bogus);
        StringAssert.Contains(bogus.Stdout, "error COPT0005: Invalid configuration in 'ContainerOptFixRules': 'NoSuchRule' names no rule;");
        Assert.AreEqual(Naive, File.ReadAllText(dockerfile));

        var result = scratch.Build(project, "-t:ContainerOptFix", "-p:ContainerOptFixRules=\"entrypoint-wrong-assembly;DL3025\"");
        BuildAssert.Succeeded(result);
        Assert.AreEqual(Naive.Replace("ENTRYPOINT dotnet Wrong.dll", "ENTRYPOINT [\"dotnet\", \"Api.dll\"]"), File.ReadAllText(dockerfile), result.Describe());
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));
}
