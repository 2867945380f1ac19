using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4012ExposePortMismatchTests
{
    [TestMethod]
    public void Port_80_on_a_net8_image_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE [|80|] 8080\n", project: ProjectModels.Web());
        Assert.AreEqual("EXPOSE 80, but the app listens on 8080 (ASPNETCORE_HTTP_PORTS=8080, set by the .NET 8+ images): expose 8080, or make the app listen on 80 with ENV ASPNETCORE_HTTP_PORTS=80.", findings[0].Message);
    }

    [TestMethod]
    public void Port_8080_on_an_older_image_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nEXPOSE [|8080/tcp|]\n", project: ProjectModels.Web("net6.0"));
        StringAssert.Contains(findings[0].Message, "listens on 80 (ASPNETCORE_URLS=http://+:80, set by the .NET 6.0 images)");
        StringAssert.EndsWith(findings[0].Message, "with ENV ASPNETCORE_URLS=http://+:8080.");
    }

    [TestMethod]
    public void Env_in_the_dockerfile_decides()
    {
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=5000\nEXPOSE 5000 [|8080|]\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=\"http://+:5000;https://+:5001\"\nEXPOSE 5000 5001 [|8080|]\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTPS_PORTS=8443\nEXPOSE 8080 8443\n", project: ProjectModels.Web());
    }

    [TestMethod]
    public void The_https_port_that_the_image_leaves_to_run_time_is_no_mismatch()
    {
        // Visual Studio's template: EXPOSE 8080 and 8081, ASPNETCORE_HTTPS_PORTS=8081 set when it runs the container.
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nUSER $APP_UID\nWORKDIR /app\nEXPOSE 8080\nEXPOSE 8081\nFROM base AS final\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nEXPOSE 80\nEXPOSE 443\n", project: ProjectModels.Web("net6.0"));
        // Once the image fixes where it listens, 8081 is a port like any other.
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=http://+:8080\nEXPOSE 8080 [|8081|]\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTPS_PORTS=8443\nEXPOSE 8080 8443 [|8081|]\n", project: ProjectModels.Web());
        // 443 on a .NET 8+ image is not its HTTPS convention.
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080 [|443|]\n", project: ProjectModels.Web());
    }

    [TestMethod]
    public void Urls_on_the_command_line_win() =>
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=8080\nEXPOSE [|8080|] 5001\nENTRYPOINT [\"dotnet\", \"Api.dll\", \"--urls\", \"http://0.0.0.0:5001\"]\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Container_port_items_count_as_listening() =>
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080 9090 [|80|]\n",
            project: ProjectModels.Web(configure: p => p.ContainerPorts = new[] { "9090/tcp" }));

    [TestMethod]
    public void Variables_ranges_udp_and_stage_chains_are_handled() =>
        RuleVerifier.Verify<COPT4012ExposePortMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nARG PORT=8080\nEXPOSE $PORT 8000-8100 443/udp\nFROM base\nEXPOSE [|${OTHER:-81}|]\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Console_apps_and_unknown_bases_are_silent()
    {
        RuleVerifier.Verify<COPT4012ExposePortMismatch>("FROM mcr.microsoft.com/dotnet/runtime:10.0\nEXPOSE 80\n", project: ProjectModels.Console());
        RuleVerifier.Verify<COPT4012ExposePortMismatch>("FROM ubuntu:24.04\nEXPOSE 80\n", project: ProjectModels.Web());
    }

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4012ExposePortMismatch>("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 80\n");
}
