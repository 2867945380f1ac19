namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>The single web app of issue #4's first scenario, built once with a binary log and read by several tests.</summary>
internal sealed class WebAppBuild
{
    public WebAppBuild(Scratch scratch, string project, string dockerfile, string binlog, DotnetResult result)
    {
        Scratch = scratch;
        Project = project;
        Dockerfile = dockerfile;
        Binlog = binlog;
        Result = result;
    }

    public Scratch Scratch { get; }
    public string Project { get; }
    public string Dockerfile { get; }
    public string Binlog { get; }
    public DotnetResult Result { get; }
}

/// <summary>Builds that several tests only read: made once, on first use, never changed afterwards.</summary>
internal static class SharedBuilds
{
    private static readonly Lazy<WebAppBuild> Web = new(BuildSingleWebApp, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// A Microsoft.NET.Sdk.Web net10.0 app with the ContainerOpt.Build PackageReference and a Dockerfile
    /// whose only finding is COPT1100 at (1,21)-(1,26); `dotnet build -bl:…` (restore included).
    /// </summary>
    public static WebAppBuild SingleWebApp => Web.Value;

    private static WebAppBuild BuildSingleWebApp()
    {
        var scratch = new Scratch("single-web");
        var project = scratch.WebApp("web");
        var binlog = scratch.PathOf("build.binlog");
        var result = scratch.Build(project, "-bl:" + binlog);
        return new WebAppBuild(scratch, project, scratch.PathOf("web/Dockerfile"), binlog, result);
    }
}
