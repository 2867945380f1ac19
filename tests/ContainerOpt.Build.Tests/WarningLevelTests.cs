using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// ContainerOpt's findings are ordinary MSBuild warnings: every switch a .NET developer uses on
/// warnings (NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors, -warnaserror,
/// MSBuildTreatWarningsAsErrors) works on them as on a compiler warning.
/// </summary>
[TestClass]
public sealed class WarningLevelTests : BuildTestBase
{
    private static readonly SharedProject Project = SharedProject.Library("levels");

    [TestMethod]
    [DataRow("", "", "warning", 0, DisplayName = "no setting: a warning, the build succeeds")]
    [DataRow("<NoWarn>$(NoWarn);COPT1100</NoWarn>", "", "", 0, DisplayName = "NoWarn=COPT1100 hides it")]
    [DataRow("<NoWarn>$(NoWarn),COPT1100</NoWarn>", "", "", 0, DisplayName = "NoWarn with a comma-separated list hides it")]
    [DataRow("<WarningsAsErrors>$(WarningsAsErrors);COPT1100</WarningsAsErrors>", "", "error", 1, DisplayName = "WarningsAsErrors=COPT1100 makes it an error and fails the build")]
    [DataRow("<WarningsNotAsErrors>$(WarningsNotAsErrors);COPT1100</WarningsNotAsErrors>", "-warnaserror", "warning", 0, DisplayName = "WarningsNotAsErrors=COPT1100 keeps it a warning under -warnaserror")]
    [DataRow("", "-warnaserror", "error", 1, DisplayName = "-warnaserror fails the build")]
    [DataRow("", "-warnaserror:COPT1100", "error", 1, DisplayName = "-warnaserror:COPT1100 fails the build")]
    [DataRow("", "-p:MSBuildTreatWarningsAsErrors=true", "error", 1, DisplayName = "-p:MSBuildTreatWarningsAsErrors=true fails the build")]
    [DataRow("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", "", "error", 1, DisplayName = "TreatWarningsAsErrors=true fails the build (as for compiler and NuGet warnings)")]
    [DataRow("<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>COPT1100</WarningsNotAsErrors>", "", "warning", 0, DisplayName = "TreatWarningsAsErrors with WarningsNotAsErrors=COPT1100 keeps it a warning")]
    [DataRow("<NoWarn>COPT1100</NoWarn><WarningsAsErrors>COPT1100</WarningsAsErrors>", "", "", 0, DisplayName = "NoWarn wins over WarningsAsErrors")]
    public void WarningSwitches_ApplyToContainerOptFindings(string properties, string argument, string expectedKind, int expectedExit)
    {
        var result = Project.Use(properties, (scratch, project) =>
        {
            scratch.Write("levels/Dockerfile", Dockerfiles.FinalStage);
            var args = new List<string> { "--no-restore" };
            if (argument.Length > 0)
            {
                args.Add(argument);
            }
            return (Result: scratch.Build(project, args.ToArray()), Dockerfile: scratch.PathOf("levels/Dockerfile"));
        });

        if (expectedExit == 0)
        {
            BuildAssert.Succeeded(result.Result);
        }
        else
        {
            BuildAssert.Failed(result.Result);
        }
        if (expectedKind.Length == 0)
        {
            BuildAssert.Findings(result.Result);
        }
        else
        {
            BuildAssert.Findings(result.Result, new Expected(expectedKind, "COPT1100", result.Dockerfile, 1, 21, 1, 26));
        }
    }
}
