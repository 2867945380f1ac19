using System.Text;

namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>Dockerfiles whose findings (by the rules that exist today) the tests know exactly.</summary>
internal static class Dockerfiles
{
    /// <summary>COPT1100 at (1,21)-(1,26): the stage name 'Final' is not lowercase. Nothing else.</summary>
    public const string FinalStage = "FROM alpine:3.20 AS Final\n";

    public const string FinalStageMessage = "Stage name 'Final' should be lowercase: name it 'final'.";

    /// <summary>No finding at all.</summary>
    public const string Clean = "FROM alpine:3.20 AS final\n";

    /// <summary>A Dockerfile whose only finding is COPT1100 on a stage named <paramref name="stage"/> (column 21 on).</summary>
    public static string Stage(string stage) => $"FROM alpine:3.20 AS {stage}\n";
}

/// <summary>
/// One test's folder of scratch projects under the run's folder (which has the nuget.config of the
/// local feed), with builders for the usual project shapes and a <c>dotnet</c> that runs there with
/// the run's isolated NUGET_PACKAGES.
/// </summary>
internal sealed class Scratch
{
    public Scratch(string name)
    {
        Root = RunFixture.NewScratchDirectory(name);
    }

    public string Root { get; }

    public static string PackageReference => $"<PackageReference Include=\"ContainerOpt.Build\" Version=\"{RunFixture.PackageVersion}\" PrivateAssets=\"all\" />";

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string relative, byte[] content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>
    /// A Microsoft.NET.Sdk.Web net10.0 app in folder <paramref name="name"/> (project name.csproj),
    /// referencing ContainerOpt.Build unless told otherwise, with the Dockerfile given (none when null).
    /// Returns the project's full path.
    /// </summary>
    public string WebApp(string name, string? dockerfile = Dockerfiles.FinalStage, string properties = "", string items = "", bool reference = true, string? projectSdk = null, string framework = "net10.0")
    {
        Write($"{name}/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/\", () => \"ok\");\napp.Run();\n");
        if (dockerfile is not null)
        {
            Write($"{name}/Dockerfile", dockerfile);
        }
        return Write($"{name}/{Leaf(name)}.csproj", ProjectXml(projectSdk ?? "Microsoft.NET.Sdk.Web", framework, "Exe", properties, reference ? PackageReference + "\n" + items : items));
    }

    /// <summary>A console app (Microsoft.NET.Sdk, Exe); <paramref name="frameworks"/> may list several (TargetFrameworks).</summary>
    public string ConsoleApp(string name, string? dockerfile, string frameworks = "net10.0", string properties = "", string items = "", bool reference = true)
    {
        Write($"{name}/Program.cs", "System.Console.WriteLine(\"ok\");\n");
        if (dockerfile is not null)
        {
            Write($"{name}/Dockerfile", dockerfile);
        }
        return Write($"{name}/{Leaf(name)}.csproj", ProjectXml("Microsoft.NET.Sdk", frameworks, "Exe", properties, reference ? PackageReference + "\n" + items : items));
    }

    /// <summary>A class library (the cheapest project to build).</summary>
    public string Library(string name, string? dockerfile, string frameworks = "net10.0", string properties = "", string items = "", bool reference = true)
    {
        Write($"{name}/Class1.cs", $"namespace {System.Text.RegularExpressions.Regex.Replace(Leaf(name), @"[^\p{L}\p{Nd}_]", "_")};\n\npublic static class Class1\n{{\n    public static int Value => 1;\n}}\n");
        if (dockerfile is not null)
        {
            Write($"{name}/Dockerfile", dockerfile);
        }
        return Write($"{name}/{Leaf(name)}.csproj", ProjectXml("Microsoft.NET.Sdk", frameworks, "Library", properties, reference ? PackageReference + "\n" + items : items));
    }

    /// <summary>
    /// An MSTest project as <c>dotnet new mstest</c> makes one (Microsoft.NET.Test.Sdk, MSTest.TestAdapter and
    /// MSTest.TestFramework, at the versions this repository's own tests use, so they restore from the machine's
    /// package folder); <c>OutputType</c> is left to the test SDK, which makes it an Exe with IsTestProject=true.
    /// </summary>
    public string MSTestProject(string name, bool reference = true)
    {
        Write($"{name}/Test1.cs", "namespace Tests;\n\n[TestClass]\npublic sealed class Test1\n{\n    [TestMethod]\n    public void Passes() { }\n}\n");
        string packages = string.Concat(new[] { "Microsoft.NET.Test.Sdk", "MSTest.TestAdapter", "MSTest.TestFramework" }
            .Select(p => $"    <PackageReference Include=\"{p}\" Version=\"{RepositoryPackageVersion(p)}\" />\n"));
        return Write($"{name}/{Leaf(name)}.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n  </PropertyGroup>\n" +
            "  <ItemGroup>\n" + packages + (reference ? "    " + PackageReference + "\n" : "") + "    <Using Include=\"Microsoft.VisualStudio.TestTools.UnitTesting\" />\n  </ItemGroup>\n</Project>\n");
    }

    /// <summary>The version of a package in this repository's Directory.Packages.props.</summary>
    private static string RepositoryPackageVersion(string package)
    {
        string props = File.ReadAllText(Path.Combine(RunFixture.RepoRoot, "Directory.Packages.props"));
        var match = System.Text.RegularExpressions.Regex.Match(props, $"<PackageVersion Include=\"{System.Text.RegularExpressions.Regex.Escape(package)}\" Version=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"Directory.Packages.props has no version of {package}");
    }

    /// <summary>
    /// Makes the scratch folder a repository of its own: a .git folder (where ContainerOpt stops looking for
    /// NuGet.config and global.json) and its own Directory.Build.props/.targets and Directory.Packages.props (so
    /// MSBuild imports none of the run's), the props opting every project in when <paramref name="optIn"/>. The
    /// restore inputs, and so the generated build context, are then inside this folder.
    /// </summary>
    public void OwnRepository(bool optIn)
    {
        Directory.CreateDirectory(PathOf(".git"));
        Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <NuGetAudit>false</NuGetAudit>\n  </PropertyGroup>\n" +
            (optIn ? $"  <ItemGroup>\n    {PackageReference}\n  </ItemGroup>\n" : "") + "</Project>\n");
        Write("Directory.Build.targets", "<Project />\n");
        Write("Directory.Packages.props", "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
    }

    /// <summary>The project's name: the last segment of its folder.</summary>
    private static string Leaf(string folder) => folder.TrimEnd('/').Split('/').Last();

    public static string ProjectXml(string sdk, string frameworks, string outputType, string properties = "", string items = "")
    {
        string tfm = frameworks.Contains(';') ? $"<TargetFrameworks>{frameworks}</TargetFrameworks>" : $"<TargetFramework>{frameworks}</TargetFramework>";
        var sb = new StringBuilder();
        sb.Append($"<Project Sdk=\"{sdk}\">\n  <PropertyGroup>\n    {tfm}\n    <OutputType>{outputType}</OutputType>\n");
        sb.Append("    <ImplicitUsings>enable</ImplicitUsings>\n    <Nullable>enable</Nullable>\n");
        foreach (var line in Lines(properties))
        {
            sb.Append("    ").Append(line).Append('\n');
        }
        sb.Append("  </PropertyGroup>\n");
        var itemLines = Lines(items).ToList();
        if (itemLines.Count > 0)
        {
            sb.Append("  <ItemGroup>\n");
            foreach (var line in itemLines)
            {
                sb.Append("    ").Append(line).Append('\n');
            }
            sb.Append("  </ItemGroup>\n");
        }
        sb.Append("</Project>\n");
        return sb.ToString();
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    /// <summary>A Visual Studio .sln (format 12) holding the given projects (full paths or relative to <see cref="Root"/>).</summary>
    public string Solution(string name, params string[] projects)
    {
        const string csharp = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";
        var sb = new StringBuilder();
        sb.Append("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\nVisualStudioVersion = 17.0.31903.59\nMinimumVisualStudioVersion = 10.0.40219.1\n");
        var guids = new List<string>();
        foreach (var project in projects)
        {
            var relative = Path.GetRelativePath(Root, PathOf(project)).Replace('/', '\\');
            var guid = "{" + Guid.NewGuid().ToString().ToUpperInvariant() + "}";
            guids.Add(guid);
            sb.Append($"Project(\"{csharp}\") = \"{Path.GetFileNameWithoutExtension(project)}\", \"{relative}\", \"{guid}\"\nEndProject\n");
        }
        sb.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\t\tRelease|Any CPU = Release|Any CPU\n\tEndGlobalSection\n");
        sb.Append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        foreach (var guid in guids)
        {
            foreach (var config in new[] { "Debug", "Release" })
            {
                sb.Append($"\t\t{guid}.{config}|Any CPU.ActiveCfg = {config}|Any CPU\n\t\t{guid}.{config}|Any CPU.Build.0 = {config}|Any CPU\n");
            }
        }
        sb.Append("\tEndGlobalSection\nEndGlobal\n");
        return Write(name + ".sln", sb.ToString());
    }

    /// <summary>Runs <c>dotnet</c> in <see cref="Root"/> with the run's environment.</summary>
    public DotnetResult Dotnet(params string[] arguments) => DotnetRunner.Run(Root, arguments, RunFixture.Environment);

    /// <summary><c>dotnet build target</c> with the classic console logger (what CI logs and Visual Studio parse).</summary>
    public DotnetResult Build(string target, params string[] extra) =>
        Dotnet(new[] { "build", target, "-nologo", "-tl:off" }.Concat(extra).ToArray());
}
