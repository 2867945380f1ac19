using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Tests.Rules.DotNet;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>
/// The .NET SDK's container properties (PublishContainer, no Dockerfile) checked by the Dockerfile rules that have the
/// same thing to check: COPT3009 (base image), COPT2002 (ContainerUser), COPT4012 (ContainerPort), COPT4001-4003
/// (a ContainerBaseImage of the wrong version or kind, or the SDK). Each finding at its property's value.
/// </summary>
[TestClass]
public sealed class ContainerPropertiesAnalyzerTests
{
    private const string Mcr = "mcr.microsoft.com/dotnet";

    /// <summary>Api.csproj with these lines in its PropertyGroup and ItemGroup.</summary>
    private static SourceText ProjectFile(string properties, string items = "") =>
        SourceText.From("<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n"
            + string.Concat(properties.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l + "\n"))
            + "  </PropertyGroup>\n  <ItemGroup>\n"
            + string.Concat(items.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l + "\n"))
            + "  </ItemGroup>\n</Project>\n", ProjectModels.Web().ProjectPath);

    /// <summary>
    /// The analysis of a project whose files say <paramref name="file"/>, as the MSBuild task makes it: the properties'
    /// values from the project model, their places from the file. <paramref name="baseImage"/> is the SDK's computed one.
    /// </summary>
    private static IReadOnlyList<Finding> Analyze(ProjectModel project, string baseImage, SourceText file, AnalysisOptions? options = null)
    {
        var files = new[] { file };
        var properties = new Dictionary<string, ProjectFileLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in new[] { ("ContainerBaseImage", project.ContainerBaseImage), ("ContainerFamily", project.ContainerFamily), ("ContainerUser", project.ContainerUser) })
        {
            if (value is not null && ProjectFileLocator.Property(files, name, value) is { } location) properties[name] = location;
        }
        return new ContainerPropertiesAnalyzer().Analyze(new ContainerPropertiesInput(project, baseImage)
        {
            Properties = properties,
            PortItems = ProjectFileLocator.Items(files, "ContainerPort"),
            Options = options ?? new AnalysisOptions(),
        });
    }

    private static string Describe(Finding f) =>
        $"{f.Severity.ToText()} {f.Code} ({f.Location.Start.Line},{f.Location.Start.Column},{f.Location.End.Line},{f.Location.End.Column})";

    private static ProjectModel Web(Action<ProjectModel>? configure = null) => ProjectModels.Web("net10.0", configure);

    [TestMethod]
    public void A_full_aspnet_ContainerBaseImage_warns_with_the_chiseled_tag_that_fits_the_app()
    {
        string image = $"{Mcr}/aspnet:10.0";
        var findings = Analyze(Web(p => p.ContainerBaseImage = image), image, ProjectFile($"<ContainerBaseImage>{image}</ContainerBaseImage>"));
        Assert.AreEqual("warning COPT3009 (4,25,4,61)", Describe(findings.Single()));
        Assert.AreEqual(ProjectModels.Web().ProjectPath, findings[0].FilePath);
        Assert.AreEqual($"The .NET SDK builds the image on '{image}' (ContainerBaseImage), a full image: set ContainerBaseImage to '{image}-noble-chiseled-extra' if the app runs there "
            + "(the same .NET runtime on Ubuntu Chiseled, without shell or package manager and with a non-root user, about half the size; -extra keeps ICU and tzdata, which the app uses while InvariantGlobalization is not set).",
            findings[0].Message);

        var invariant = Analyze(Web(p => { p.ContainerBaseImage = image; p.InvariantGlobalization = true; }), image, ProjectFile($"<ContainerBaseImage>{image}</ContainerBaseImage>"));
        StringAssert.Contains(invariant.Single().Message, $"set ContainerBaseImage to '{image}-noble-chiseled' if the app runs there");
        StringAssert.Contains(invariant.Single().Message, "the app sets InvariantGlobalization, so it needs no ICU");
    }

    [TestMethod]
    public void The_SDKs_own_full_default_warns_at_the_project_file_or_at_ContainerFamily()
    {
        var findings = Analyze(Web(), $"{Mcr}/aspnet:10.0", ProjectFile(""));
        Assert.AreEqual("warning COPT3009 (0,0,0,0)", Describe(findings.Single()));
        Assert.AreEqual($"The .NET SDK builds the image on '{Mcr}/aspnet:10.0' (the SDK's default for this app), a full image: set <ContainerFamily>noble-chiseled</ContainerFamily> "
            + $"if the app runs on '{Mcr}/aspnet:10.0-noble-chiseled-extra', which the SDK then builds on (the same .NET runtime on Ubuntu Chiseled, without shell or package manager "
            + "and with a non-root user, about half the size; -extra keeps ICU and tzdata, which the app uses while InvariantGlobalization is not set).", findings[0].Message);

        var family = Analyze(Web(p => p.ContainerFamily = "noble"), $"{Mcr}/aspnet:10.0-noble", ProjectFile("<ContainerFamily>noble</ContainerFamily>"));
        Assert.AreEqual("warning COPT3009 (4,22,4,27)", Describe(family.Single()));
        StringAssert.StartsWith(family[0].Message, $"The .NET SDK builds the image on '{Mcr}/aspnet:10.0-noble' (ContainerFamily 'noble'), a full image: set <ContainerFamily>noble-chiseled</ContainerFamily>");
    }

    [TestMethod]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:10.0-alpine")]
    [DataRow("localhost:5000/dotnet/aspnet:10.0")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022")]
    [DataRow("debian:12")]
    public void Small_windows_and_unknown_base_images_are_not_reported(string image) =>
        Assert.AreEqual(0, Analyze(Web(p => p.ContainerBaseImage = image), image, ProjectFile($"<ContainerBaseImage>{image}</ContainerBaseImage>")).Count);

    [TestMethod]
    public void A_mirrors_path_to_mcr_is_a_dotnet_image()
    {
        string image = $"registry.example.com/mcr.microsoft.com/dotnet/runtime-deps:10.0";
        var findings = Analyze(Web(p => { p.ContainerBaseImage = image; p.SelfContained = true; p.InvariantGlobalization = true; }), image,
            ProjectFile($"<ContainerBaseImage>{image}</ContainerBaseImage>"));
        StringAssert.Contains(findings.Single().Message, $"set ContainerBaseImage to '{image}-noble-chiseled' if the app runs there");
    }

    [TestMethod]
    [DataRow("root")]
    [DataRow("0")]
    [DataRow("0:0")]
    [DataRow("root:app")]
    public void ContainerUser_root_warns_at_its_value(string user)
    {
        string image = $"{Mcr}/aspnet:10.0-noble-chiseled";
        var findings = Analyze(Web(p => { p.ContainerBaseImage = image; p.ContainerUser = user; p.InvariantGlobalization = true; }), image,
            ProjectFile($"<ContainerBaseImage>{image}</ContainerBaseImage>\n<ContainerUser>{user}</ContainerUser>"));
        Assert.AreEqual($"warning COPT2002 (5,20,5,{20 + user.Length})", Describe(findings.Single()));
        Assert.AreEqual($"ContainerUser is '{user}', so the app runs as root in the image the .NET SDK builds although '{image}' provides the non-root user 'app', "
            + "which the SDK uses when ContainerUser is empty: remove ContainerUser, or set it to a non-root user.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3002" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void ContainerUser_root_on_an_image_without_app_says_only_root_and_a_non_root_user_is_fine()
    {
        var findings = Analyze(Web(p => p.ContainerUser = "root"), "registry.example.com/base:1", ProjectFile("<ContainerUser>root</ContainerUser>"));
        Assert.AreEqual("ContainerUser is 'root', so the app runs as root in the image the .NET SDK builds: remove ContainerUser, or set it to a non-root user.", findings.Single().Message);
        Assert.AreEqual(0, Analyze(Web(p => p.ContainerUser = "app"), "registry.example.com/base:1", ProjectFile("<ContainerUser>app</ContainerUser>")).Count);
        Assert.AreEqual(0, Analyze(Web(p => p.ContainerUser = "rooted"), "registry.example.com/base:1", ProjectFile("<ContainerUser>rooted</ContainerUser>")).Count);
    }

    [TestMethod]
    public void A_ContainerPort_the_app_does_not_listen_on_warns_at_its_Include()
    {
        string image = $"{Mcr}/aspnet:10.0-noble-chiseled-extra";
        var project = Web(p => { p.ContainerBaseImage = image; p.ContainerPorts = new[] { "80/tcp", "8080/tcp", "8081/tcp", "5353/udp" }; });
        var findings = Analyze(project, image, ProjectFile($"<ContainerBaseImage>{image}</ContainerBaseImage>",
            "<ContainerPort Include=\"80\" Type=\"tcp\" />\n<ContainerPort Include=\"8080\" />\n<ContainerPort Include=\"8081\" />\n<ContainerPort Include=\"5353\" Type=\"udp\" />"));
        Assert.AreEqual("warning COPT4012 (7,29,7,31)", Describe(findings.Single()));
        Assert.AreEqual($"ContainerPort 80, but the app listens on 8080 (ASPNETCORE_HTTP_PORTS=8080, set by '{image}'): expose 8080, or make the app listen on 80 with "
            + "<ContainerEnvironmentVariable Include=\"ASPNETCORE_HTTP_PORTS\" Value=\"80\" />.", findings[0].Message);
    }

    [TestMethod]
    public void Where_the_app_listens_comes_from_the_ContainerEnvironmentVariable_items_first()
    {
        string image = $"{Mcr}/aspnet:10.0-noble-chiseled-extra";
        var listensOn80 = Web(p =>
        {
            p.ContainerBaseImage = image;
            p.ContainerPorts = new[] { "80/tcp" };
            p.ContainerEnvironment = new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = "80" };
        });
        Assert.AreEqual(0, Analyze(listensOn80, image, ProjectFile($"<ContainerBaseImage>{image}</ContainerBaseImage>", "<ContainerPort Include=\"80\" />")).Count);
        var urls = Web(p =>
        {
            p.ContainerBaseImage = image;
            p.ContainerPorts = new[] { "5000/tcp", "8081/tcp" };
            p.ContainerEnvironment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://+:5000" };
        });
        var findings = Analyze(urls, image, ProjectFile($"<ContainerBaseImage>{image}</ContainerBaseImage>", "<ContainerPort Include=\"5000\" />\n<ContainerPort Include=\"8081\" />"));
        Assert.AreEqual("warning COPT4012 (8,29,8,33)", Describe(findings.Single()));
        StringAssert.Contains(findings[0].Message, "ContainerPort 8081, but the app listens on 5000 (ContainerEnvironmentVariable ASPNETCORE_URLS=http://+:5000)");
        // A console app listens nowhere ContainerOpt knows of.
        var console = ProjectModels.Console("net10.0", p => { p.ContainerBaseImage = $"{Mcr}/runtime:10.0-noble-chiseled"; p.ContainerPorts = new[] { "80/tcp" }; });
        Assert.AreEqual(0, Analyze(console, $"{Mcr}/runtime:10.0-noble-chiseled", ProjectFile("", "<ContainerPort Include=\"80\" />")).Count);
    }

    [TestMethod]
    public void A_ContainerBaseImage_of_the_wrong_version_kind_or_the_SDK_is_reported_as_in_a_Dockerfile()
    {
        string old = $"{Mcr}/aspnet:8.0-noble-chiseled-extra";
        var version = Analyze(Web(p => p.ContainerBaseImage = old), old, ProjectFile($"<ContainerBaseImage>{old}</ContainerBaseImage>"));
        Assert.AreEqual($"error COPT4001 (4,25,4,{25 + old.Length})", Describe(version.Single()));
        Assert.AreEqual($"ContainerBaseImage '{old}' is .NET 8.0 but the project targets net10.0: the app needs the .NET 10.0 runtime and fails at start on an older one. Use '{Mcr}/aspnet:10.0-noble-chiseled-extra'.",
            version[0].Message);

        string runtime = $"{Mcr}/runtime:10.0-noble-chiseled-extra";
        var kind = Analyze(Web(p => p.ContainerBaseImage = runtime), runtime, ProjectFile($"<ContainerBaseImage>{runtime}</ContainerBaseImage>"));
        Assert.AreEqual($"error COPT4002 (4,25,4,{25 + runtime.Length})", Describe(kind.Single()));
        Assert.AreEqual($"ContainerBaseImage '{runtime}' is the wrong image for this app: it has no ASP.NET Core runtime and the web app fails at start. Use '{Mcr}/aspnet:10.0-noble-chiseled-extra'.",
            kind[0].Message);

        string sdk = $"{Mcr}/sdk:10.0";
        var onSdk = Analyze(Web(p => p.ContainerBaseImage = sdk), sdk, ProjectFile($"<ContainerBaseImage>{sdk}</ContainerBaseImage>"));
        Assert.AreEqual("warning COPT4003 (4,25,4,58)", Describe(onSdk.Single()));
        Assert.AreEqual($"ContainerBaseImage '{sdk}' is the .NET SDK, which ships the compilers and NuGet with the app: build on '{Mcr}/aspnet:10.0'.", onSdk[0].Message);

        // The SDK's own choice is always the right version and kind: only COPT3009 speaks of it.
        Assert.AreEqual("COPT3009", Analyze(Web(), $"{Mcr}/aspnet:10.0", ProjectFile("")).Single().Code);
    }

    [TestMethod]
    public void Modes_and_configuration_decide_as_for_a_Dockerfile()
    {
        string image = $"{Mcr}/aspnet:10.0";
        var project = Web(p => { p.ContainerBaseImage = image; p.ContainerUser = "root"; });
        var file = ProjectFile($"<ContainerBaseImage>{image}</ContainerBaseImage>\n<ContainerUser>root</ContainerUser>");
        string Run(AnalysisOptions options) => string.Join(", ", Analyze(project, image, file, options).Select(Describe));

        Assert.AreEqual("warning COPT3009 (4,25,4,61), warning COPT2002 (5,20,5,24)", Run(new AnalysisOptions()));
        Assert.AreEqual("style COPT3009 (4,25,4,61), style COPT2002 (5,20,5,24)", Run(new AnalysisOptions { Mode = AnalysisMode.Minimum }));
        Assert.AreEqual("warning COPT2002 (5,20,5,24)", Run(new AnalysisOptions { Mode = AnalysisMode.Hadolint }));
        var configured = new AnalysisOptions();
        configured.Severities["slim-variant-available"] = DiagnosticSeverity.None;
        configured.Severities["DL3002"] = DiagnosticSeverity.Error;
        Assert.AreEqual("error COPT2002 (5,20,5,24)", Run(configured));
        var ignored = new AnalysisOptions();
        ignored.Ignored.Add("DL3002");
        Assert.AreEqual("warning COPT3009 (4,25,4,61)", Run(ignored));
    }
}
