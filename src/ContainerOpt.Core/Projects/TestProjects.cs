namespace ContainerOpt.Core.Projects;

/// <summary>
/// Tells a test project from an app. Both are Exe (Microsoft.NET.Test.Sdk and the testing platform make a
/// test project an executable), so the OutputType does not say it. What MSBuild exposes reliably, in order:
/// <c>IsTestProject=true</c> (set by Microsoft.NET.Test.Sdk's props, so every VSTest project of MSTest, xUnit
/// or NUnit has it), <c>IsTestingPlatformApplication=true</c> (Microsoft.Testing.Platform apps: MSTest's
/// runner, xUnit v3 and TUnit on the testing platform), and, for test apps that set neither, a reference to a
/// test framework's runner package. The CLI (from an evaluation) and the MSBuild task (from properties and
/// items) both decide here.
/// </summary>
public static class TestProjects
{
    /// <summary>Packages only a test project references: test SDKs, adapters and self-running test frameworks.</summary>
    private static readonly string[] TestPackages =
    {
        "Microsoft.NET.Test.Sdk", "MSTest", "MSTest.TestAdapter", "xunit", "xunit.v3", "xunit.runner.visualstudio",
        "NUnit3TestAdapter", "NUnitLite", "TUnit",
    };

    /// <summary>
    /// What makes the project a test project, or null when nothing does. <c>IsTestProject</c> set to false in the
    /// project (after the test SDK's props set it true) is the project's own word: not a test project.
    /// </summary>
    public static string? Evidence(string? isTestProject, string? isTestingPlatformApplication, IEnumerable<string> packageReferences)
    {
        if (IsTrue(isTestProject))
        {
            return "IsTestProject=true";
        }
        if (string.Equals(isTestProject?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (IsTrue(isTestingPlatformApplication))
        {
            return "IsTestingPlatformApplication=true";
        }
        var referenced = new HashSet<string>(packageReferences.Select(p => p.Trim()), StringComparer.OrdinalIgnoreCase);
        var package = TestPackages.FirstOrDefault(referenced.Contains);
        return package is null ? null : "a reference to " + package;
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
