using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// What the two packages hold, file by file: MSBuild logic and task assemblies only (no lib/, no
/// dependencies, a development dependency), the task for Visual Studio's .NET Framework MSBuild and
/// for the dotnet CLI, and beside it every third-party assembly the analysis needs at run time; and
/// what every package shows a user at a glance: its readme, icon, licence and repository (issue 13 item 6).
/// </summary>
[TestClass]
public sealed class PackageContentTests : BuildTestBase
{
    private static readonly string[] OurAssemblies = { "ContainerOpt.Analysis.dll", "ContainerOpt.Core.dll", "ContainerOpt.Dockerfile.dll", "ContainerOpt.Generation.dll", "ContainerOpt.Images.dll", "ContainerOpt.Tasks.dll" };

    [TestMethod]
    public void BuildPackage_HoldsExactlyItsPropsTargetsAndTaskAssemblies()
    {
        var expected = new List<string>
        {
            "ContainerOpt.Build.nuspec",
            "LICENSE",
            "README.md",
            "icon.png",
            "build/ContainerOpt.Build.props",
            "build/ContainerOpt.Build.targets",
            "buildMultiTargeting/ContainerOpt.Build.props",
            "buildMultiTargeting/ContainerOpt.Build.targets",
            "buildTransitive/ContainerOpt.Build.props",
            "buildTransitive/ContainerOpt.Build.targets",
        };
        expected.AddRange(TaskFiles());

        CollectionAssert.AreEqual(Sorted(expected), Sorted(Entries(RunFixture.BuildPackagePath)),
            $"expected:\n  {string.Join("\n  ", Sorted(expected))}\nactual:\n  {string.Join("\n  ", Sorted(Entries(RunFixture.BuildPackagePath)))}");
        var metadata = Nuspec(RunFixture.BuildPackagePath);
        Assert.AreEqual("ContainerOpt.Build", Child(metadata, "id"));
        Assert.AreEqual(RunFixture.PackageVersion, Child(metadata, "version"));
        Assert.AreEqual("true", Child(metadata, "developmentDependency"));
        AssertNoDependencies(metadata);
        Assert.IsFalse(metadata.Elements().Any(e => e.Name.LocalName == "packageTypes"), "ContainerOpt.Build is an ordinary (Dependency) package");
    }

    [TestMethod]
    public void SdkPackage_HoldsExactlyItsSdkFilesAndTaskAssemblies_AsAnMSBuildSdk()
    {
        var expected = new List<string>
        {
            "ContainerOpt.Sdk.nuspec",
            "LICENSE",
            "README.md",
            "icon.png",
            "Sdk/Sdk.props",
            "Sdk/Sdk.targets",
            "Sdk/ContainerOpt.Build.props",
            "Sdk/ContainerOpt.Build.targets",
        };
        expected.AddRange(TaskFiles());

        CollectionAssert.AreEqual(Sorted(expected), Sorted(Entries(RunFixture.SdkPackagePath)),
            $"expected:\n  {string.Join("\n  ", Sorted(expected))}\nactual:\n  {string.Join("\n  ", Sorted(Entries(RunFixture.SdkPackagePath)))}");
        var metadata = Nuspec(RunFixture.SdkPackagePath);
        Assert.AreEqual("ContainerOpt.Sdk", Child(metadata, "id"));
        Assert.AreEqual(RunFixture.PackageVersion, Child(metadata, "version"));
        Assert.AreEqual("true", Child(metadata, "developmentDependency"));
        AssertNoDependencies(metadata);
        var types = metadata.Elements().Where(e => e.Name.LocalName == "packageTypes").Elements().Select(e => (string?)e.Attribute("name")).ToList();
        CollectionAssert.AreEqual(new[] { "MSBuildSdk" }, types);
    }

    [TestMethod]
    public void BothPackages_ShipTheSameTaskAssemblies()
    {
        using var build = ZipFile.OpenRead(RunFixture.BuildPackagePath);
        using var sdk = ZipFile.OpenRead(RunFixture.SdkPackagePath);
        foreach (var file in TaskFiles())
        {
            CollectionAssert.AreEqual(Bytes(build, file), Bytes(sdk, file), file + " differs between the two packages");
        }
    }

    /// <summary>
    /// Issue 13 item 6: each package carries its own short readme (docs/packages/&lt;id&gt;.md, its $version$ the packed
    /// version, so the opt-in line can be copied as it is), the icon, the licence file and expression, the project and
    /// repository URLs (from Directory.Build.props), the commit it was built from, a description and tags.
    /// </summary>
    [TestMethod]
    [DataRow("ContainerOpt.Build", "<PackageReference Include=\"ContainerOpt.Build\" Version=\"{0}\" PrivateAssets=\"all\" />")]
    [DataRow("ContainerOpt.Sdk", "<Sdk Name=\"ContainerOpt.Sdk\" Version=\"{0}\" />")]
    [DataRow("ContainerOpt.Cli", "dotnet tool install --global ContainerOpt.Cli --version {0}")]
    public void EveryPackage_ShowsItsReadmeIconLicenceAndRepository(string id, string optIn)
    {
        string package = Path.Combine(RunFixture.FeedDirectory, $"{id}.{RunFixture.PackageVersion}.nupkg");
        var metadata = Nuspec(package);
        string repository = RepositoryUrl();

        Assert.AreEqual("README.md", Child(metadata, "readme"));
        Assert.AreEqual("icon.png", Child(metadata, "icon"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.AreEqual(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.AreEqual(repository, Child(metadata, "projectUrl"));
        var source = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.AreEqual("git", (string?)source.Attribute("type"));
        Assert.AreEqual(repository, (string?)source.Attribute("url"));
        if (Directory.Exists(Path.Combine(RunFixture.RepoRoot, ".git")) || File.Exists(Path.Combine(RunFixture.RepoRoot, ".git")))
        {
            string head = GitHead();
            Assert.AreEqual(head, (string?)source.Attribute("commit"), "the commit the package was built from");
        }
        Assert.AreEqual("ContainerOpt contributors", Child(metadata, "authors"));
        Assert.IsFalse(string.IsNullOrWhiteSpace(Child(metadata, "description")));
        StringAssert.Contains(Child(metadata, "tags"), "dockerfile");

        using var zip = ZipFile.OpenRead(package);
        string readme = Encoding.UTF8.GetString(Bytes(zip, "README.md"));
        string written = File.ReadAllText(Path.Combine(RunFixture.RepoRoot, "docs", "packages", id + ".md"))
            .Replace("$version$", RunFixture.PackageVersion, StringComparison.Ordinal)
            .Replace("$repositoryUrl$", repository, StringComparison.Ordinal);
        Assert.AreEqual(Lines(written), Lines(readme), "the package's readme is docs/packages/" + id + ".md with its version");
        StringAssert.StartsWith(readme, "# " + id + "\n");
        StringAssert.Contains(readme, string.Format(CultureInfo.InvariantCulture, optIn, RunFixture.PackageVersion));
        Assert.IsFalse(readme.Contains('$', StringComparison.Ordinal), "no placeholder left: " + readme);

        byte[] icon = Bytes(zip, "icon.png");
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(RunFixture.RepoRoot, "docs", "packages", "icon.png")), icon);
        Assert.AreEqual((128, 128), PngSize(icon), "NuGet's recommended icon size");
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(RunFixture.RepoRoot, "LICENSE")), Bytes(zip, "LICENSE"));
    }

    /// <summary>
    /// `dotnet pack` says nothing to fix: no warning, no missing-readme note. Package validation runs on the two MSBuild
    /// packages and passes (APICompat's own line; with no lib/ it has nothing to compare). A tool package it never
    /// validates: the SDK's PackTool.targets turns EnablePackageValidation off ("not library/API-providing packages").
    /// </summary>
    [TestMethod]
    [DataRow("ContainerOpt.Build", "src/ContainerOpt.Tasks/ContainerOpt.Tasks.csproj", true)]
    [DataRow("ContainerOpt.Sdk", "sdk/ContainerOpt.Sdk.csproj", true)]
    [DataRow("ContainerOpt.Cli", "src/ContainerOpt.Cli/ContainerOpt.Cli.csproj", false)]
    public void Pack_WarnsNothing_AndValidatesTheMSBuildPackages(string id, string project, bool validated)
    {
        var pack = RunFixture.PackResults[id];
        Assert.AreEqual(0, pack.Diagnostics.Count, pack.Describe());
        Assert.IsFalse(pack.Output.Contains("missing a readme", StringComparison.Ordinal), pack.Describe());
        Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(pack.Output, @"\bwarning\b"), pack.Describe());
        StringAssert.Contains(pack.Stdout, $"Successfully created package '{Path.Combine(RunFixture.FeedDirectory, $"{id}.{RunFixture.PackageVersion}.nupkg")}'.");

        Assert.AreEqual(validated, pack.Stdout.Contains("APICompat ran successfully without finding any breaking changes.", StringComparison.Ordinal), pack.Describe());
        var property = DotnetRunner.Run(RunFixture.RepoRoot, new[] { "msbuild", project, "-nologo", "-getProperty:EnablePackageValidation" });
        Assert.AreEqual(validated ? "true" : "false", property.Stdout.Trim(), property.Describe());
    }

    private static string RepositoryUrl()
    {
        var props = XDocument.Load(Path.Combine(RunFixture.RepoRoot, "Directory.Build.props"));
        return props.Descendants().Single(e => e.Name.LocalName == "RepositoryUrl").Value;
    }

    private static string GitHead()
    {
        var git = ContainerOpt.TestSupport.ProcessResult.Run("git", new[] { "-C", RunFixture.RepoRoot, "rev-parse", "HEAD" }, TimeSpan.FromMinutes(1));
        Assert.AreEqual(0, git.ExitCode, git.StandardError);
        return git.StandardOutput.Trim();
    }

    private static string Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";

    /// <summary>A PNG's width and height: the IHDR chunk right after the 8-byte signature.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8).ToArray(), "a PNG");
        Assert.AreEqual("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Visual Studio's MSBuild.exe runs on .NET Framework: the net472 task must be a real .NET Framework 4.7.2 assembly.</summary>
    [TestMethod]
    public void Net472TaskAssembly_IsCompiledForNetFramework472_AgainstMSBuild15Assemblies()
    {
        using var zip = ZipFile.OpenRead(RunFixture.BuildPackagePath);
        var (framework, references) = ReadAssembly(Bytes(zip, "tasks/net472/ContainerOpt.Tasks.dll"));

        Assert.AreEqual(".NETFramework,Version=v4.7.2", framework);
        // MSBuild's assemblies keep version 15.1.0.0 in every Visual Studio since 2017: binding to it loads everywhere.
        Assert.AreEqual(new Version(15, 1, 0, 0), references["Microsoft.Build.Framework"]);
        Assert.AreEqual(new Version(15, 1, 0, 0), references["Microsoft.Build.Utilities.Core"]);
        Assert.IsTrue(references.ContainsKey("mscorlib"), "a .NET Framework assembly references mscorlib");
        Assert.IsFalse(references.ContainsKey("System.Runtime"), "a .NET Framework assembly must not reference System.Runtime");

        var (coreFramework, _) = ReadAssembly(Bytes(zip, "tasks/net8.0/ContainerOpt.Tasks.dll"));
        Assert.AreEqual(".NETCoreApp,Version=v8.0", coreFramework);
    }

    /// <summary>
    /// MSBuild loads a task with its dependencies from the task's folder: every assembly an assembly in
    /// tasks/net472/ or tasks/net8.0/ references is either beside it or the host's (the framework's or
    /// MSBuild's own). A package that a library starts to use for one flavour only (ZstdSharp, net8.0) has to
    /// land in that flavour's folder.
    /// </summary>
    [TestMethod]
    public void TaskFolders_HoldEveryAssemblyTheirAssembliesReference_BesideThem()
    {
        using var zip = ZipFile.OpenRead(RunFixture.BuildPackagePath);
        foreach (var tfm in new[] { "net472", "net8.0" })
        {
            string folder = $"tasks/{tfm}/";
            var present = zip.Entries.Where(e => e.FullName.StartsWith(folder, StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal))
                .ToDictionary(e => Path.GetFileNameWithoutExtension(e.Name), e => e.FullName, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, path) in present)
            {
                var (_, references) = ReadAssembly(Bytes(zip, path));
                foreach (string reference in references.Keys.Where(r => !IsHostAssembly(r)))
                {
                    Assert.IsTrue(present.ContainsKey(reference), $"{path} references {reference}, which is not in {folder}");
                }
            }
        }
    }

    /// <summary>Assemblies the host supplies: the framework (.NET Framework 4.7.2 or .NET 8) and MSBuild itself.</summary>
    private static bool IsHostAssembly(string name) =>
        name is "mscorlib" or "netstandard" or "System" or "Microsoft.NET.StringTools" or "Microsoft.Win32.Primitives" or "Microsoft.Win32.Registry"
        || name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Build", StringComparison.Ordinal);

    /// <summary>
    /// tasks/net472/ and tasks/net8.0/: our assemblies, every run-time third-party assembly of the libraries
    /// for that task flavour (read from their project files, so adding e.g. YamlDotNet to
    /// ContainerOpt.Analysis makes YamlDotNet.dll expected in both folders, and ZstdSharp, referenced by
    /// ContainerOpt.Images for net8.0 only, in tasks/net8.0/ only), and the net8.0 deps.json.
    /// </summary>
    private static IEnumerable<string> TaskFiles()
    {
        foreach (var tfm in new[] { "net472", "net8.0" })
        {
            foreach (var dll in OurAssemblies.Concat(ThirdPartyAssemblies(tfm)))
            {
                yield return $"tasks/{tfm}/{dll}";
            }
        }
        yield return "tasks/net8.0/ContainerOpt.Tasks.deps.json";
    }

    /// <summary>
    /// The PackageReferences of the libraries the task uses that flow to run time in the task folder
    /// <paramref name="taskFramework"/>, as assembly names. The libraries build as netstandard2.0 for the
    /// net472 task and as net8.0 (when they target it) for the net8.0 task; an ItemGroup conditioned on
    /// <c>'$(TargetFramework)' == 'netstandard2.0'</c> or <c>!= 'netstandard2.0'</c> counts for that
    /// flavour only, and any other condition fails the test (teach it here first).
    /// </summary>
    internal static IReadOnlyList<string> ThirdPartyAssemblies(string taskFramework)
    {
        bool netStandardBuild = taskFramework == "net472";
        var list = new List<string>();
        foreach (var project in new[] { "src/ContainerOpt.Analysis/ContainerOpt.Analysis.csproj", "src/ContainerOpt.Core/ContainerOpt.Core.csproj", "src/ContainerOpt.Dockerfile/ContainerOpt.Dockerfile.csproj", "src/ContainerOpt.Generation/ContainerOpt.Generation.csproj", "src/ContainerOpt.Images/ContainerOpt.Images.csproj" })
        {
            var xml = XDocument.Load(Path.Combine(RunFixture.RepoRoot, project));
            foreach (var reference in xml.Descendants().Where(e => e.Name.LocalName == "PackageReference"))
            {
                string condition = ((string?)reference.Parent?.Attribute("Condition") ?? "").Replace(" ", "", StringComparison.Ordinal);
                if (condition.Length > 0)
                {
                    bool applies = condition switch
                    {
                        "'$(TargetFramework)'=='netstandard2.0'" => netStandardBuild,
                        "'$(TargetFramework)'!='netstandard2.0'" => !netStandardBuild,
                        _ => throw new AssertFailedException($"{project}: PackageReference condition {condition} is not understood by PackageContentTests"),
                    };
                    if (!applies) continue;
                }
                string? id = (string?)reference.Attribute("Include");
                string privateAssets = ((string?)reference.Attribute("PrivateAssets") ?? (string?)reference.Elements().FirstOrDefault(e => e.Name.LocalName == "PrivateAssets") ?? "").Trim();
                string excludeAssets = ((string?)reference.Attribute("ExcludeAssets") ?? (string?)reference.Elements().FirstOrDefault(e => e.Name.LocalName == "ExcludeAssets") ?? "").Trim();
                string includeAssets = ((string?)reference.Attribute("IncludeAssets") ?? (string?)reference.Elements().FirstOrDefault(e => e.Name.LocalName == "IncludeAssets") ?? "").Trim();
                bool buildOnly = privateAssets.Equals("all", StringComparison.OrdinalIgnoreCase)
                    || excludeAssets.Contains("runtime", StringComparison.OrdinalIgnoreCase)
                    || excludeAssets.Equals("all", StringComparison.OrdinalIgnoreCase)
                    || (includeAssets.Length > 0 && !includeAssets.Contains("runtime", StringComparison.OrdinalIgnoreCase) && !includeAssets.Equals("all", StringComparison.OrdinalIgnoreCase));
                if (!string.IsNullOrEmpty(id) && !buildOnly)
                {
                    // ZstdSharp.Port's assembly is ZstdSharp.dll.
                    list.Add((id == "ZstdSharp.Port" ? "ZstdSharp" : id) + ".dll");
                }
            }
        }
        return list.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static List<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        // NuGet's own OPC packaging parts are not content.
        return zip.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .ToList();
    }

    private static List<string> Sorted(IEnumerable<string> names) => names.OrderBy(n => n, StringComparer.Ordinal).ToList();

    private static XElement Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Child(XElement metadata, string name) => (string?)metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    private static void AssertNoDependencies(XElement metadata)
    {
        var dependencies = metadata.Elements().Where(e => e.Name.LocalName == "dependencies").ToList();
        Assert.IsTrue(dependencies.Count == 0 || !dependencies.Descendants().Any(e => e.Name.LocalName == "dependency"),
            "the package must have no dependencies: " + string.Join("\n", dependencies));
    }

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new AssertFailedException($"{name} is not in the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The TargetFrameworkAttribute and the assembly references of an assembly, read without loading it.</summary>
    private static (string? Framework, Dictionary<string, Version> References) ReadAssembly(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var md = pe.GetMetadataReader();
        string? framework = null;
        foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            if (AttributeTypeName(md, attribute) == "System.Runtime.Versioning.TargetFrameworkAttribute")
            {
                var blob = md.GetBlobReader(attribute.Value);
                Assert.AreEqual(1, blob.ReadUInt16(), "custom attribute prolog");
                framework = blob.ReadSerializedString();
            }
        }
        var references = md.AssemblyReferences
            .Select(h => md.GetAssemblyReference(h))
            .ToDictionary(r => md.GetString(r.Name), r => r.Version, StringComparer.Ordinal);
        return (framework, references);
    }

    private static string AttributeTypeName(MetadataReader md, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)type).Namespace) + "." + md.GetString(md.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)type).Namespace) + "." + md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => "",
        };
    }
}
