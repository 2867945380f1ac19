using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>
/// A copy of one of samples/generate/* as a stand-alone repository outside this one (so no
/// Directory.*.props of ours applies), with a NuGet.config whose only source is a local feed folder
/// packages/ inside it: the packed ContainerOpt.Build plus every package the sample restores, vendored
/// from a host restore. Image builds run with --network=none, so restore inside the image can read
/// only that folder — which the generated Dockerfile copies because NuGet.config names it.
/// </summary>
internal sealed class ImageSample
{
    private ImageSample(string name, string root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }

    public string Root { get; }

    /// <summary>A tag no other test or run uses.</summary>
    public string Tag(string suffix = "generated") => $"containeropt-test/{Name}:{suffix}-{RunFixture.RunId.ToLowerInvariant()}";

    public static ImageSample Copy(string sample)
    {
        string root = Path.Combine(RunFixture.ImageSamplesDirectory, sample);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        SampleCopy.To("generate/" + sample, root);
        // The samples name a released version by default; restore inside the image sees no -p:, so pin it in the file.
        foreach (var props in new[] { "Directory.Build.props", "Directory.Packages.props" }.Select(f => Path.Combine(root, f)).Where(File.Exists))
        {
            File.WriteAllText(props, File.ReadAllText(props).Replace("0.1.0-alpha", RunFixture.PackageVersion, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(Path.Combine(root, "packages"));
        File.Copy(RunFixture.BuildPackagePath, Path.Combine(root, "packages", Path.GetFileName(RunFixture.BuildPackagePath)));
        File.WriteAllText(Path.Combine(root, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="packages" />
              </packageSources>
            </configuration>

            """.Replace("\r\n", "\n"));
        return new ImageSample(sample, root);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public DotnetResult Dotnet(params string[] arguments) => DotnetRunner.Run(Root, arguments, RunFixture.Environment, TimeSpan.FromMinutes(5));

    /// <summary>
    /// Restores <paramref name="project"/> on the host from nuget.org (for <paramref name="runtimeIdentifier"/>
    /// when given, so runtime packs come too) and copies every package it used into packages/.
    /// </summary>
    public void VendorPackages(string project, string? runtimeIdentifier = null)
    {
        var args = new List<string> { "restore", project, "--source", "https://api.nuget.org/v3/index.json", "--source", PathOf("packages") };
        if (runtimeIdentifier is not null)
        {
            args.AddRange(new[] { "-r", runtimeIdentifier });
        }
        var restore = Dotnet(args.ToArray());
        Assert.AreEqual(0, restore.ExitCode, restore.Describe());
        foreach (var assets in Directory.EnumerateFiles(Root, "project.assets.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(assets));
            var packages = new List<(string Id, string Version)>();
            foreach (var library in document.RootElement.GetProperty("libraries").EnumerateObject())
            {
                if (library.Value.GetProperty("type").GetString() == "package")
                {
                    string[] idVersion = library.Name.Split('/');
                    packages.Add((idVersion[0], idVersion[1]));
                }
            }
            foreach (var framework in document.RootElement.GetProperty("project").GetProperty("frameworks").EnumerateObject())
            {
                if (framework.Value.TryGetProperty("downloadDependencies", out var downloads))
                {
                    foreach (var download in downloads.EnumerateArray())
                    {
                        packages.Add((download.GetProperty("name").GetString()!, download.GetProperty("version").GetString()!.Trim('[', ']').Split(',')[0].Trim()));
                    }
                }
            }
            foreach (var (id, version) in packages)
            {
                if (id.StartsWith("ContainerOpt.", StringComparison.Ordinal))
                {
                    continue;
                }
                string lower = id.ToLowerInvariant();
                string nupkg = Path.Combine(RunFixture.PackagesDirectory, lower, version.ToLowerInvariant(), $"{lower}.{version.ToLowerInvariant()}.nupkg");
                Assert.IsTrue(File.Exists(nupkg), $"restore of {project} used {id} {version}, but {nupkg} is missing");
                string target = Path.Combine(Root, "packages", Path.GetFileName(nupkg));
                if (!File.Exists(target))
                {
                    File.Copy(nupkg, target);
                }
            }
        }
    }

    /// <summary><c>dotnet build -t:ContainerOptGenerate</c>: the user's way to get the Dockerfile and .dockerignore.</summary>
    public DotnetResult Generate(string project)
    {
        var result = Dotnet("build", project, "-t:ContainerOptGenerate", "-nologo", "-tl:off");
        Assert.AreEqual(0, result.ExitCode, result.Describe());
        return result;
    }

    /// <summary>Builds an image with BuildKit (--network=none, plain progress) and returns what the builder printed.</summary>
    public ProcessResult BuildImage(string dockerfile, string tag, string? target = null)
    {
        var args = new List<string> { "build", "--progress=plain", "--network=none", "-f", PathOf(dockerfile), "-t", tag };
        if (target is not null)
        {
            args.AddRange(new[] { "--target", target });
        }
        args.Add(Root);
        var result = DockerEngine.Run(args, TimeSpan.FromMinutes(10), Root, new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
        Assert.AreEqual(0, result.ExitCode, $"docker {string.Join(" ", args)}\n{result.Output}");
        return result;
    }

    /// <summary>True when BuildKit's plain output shows the step whose text contains <paramref name="instruction"/> as CACHED.</summary>
    public static bool StepWasCached(ProcessResult build, string instruction)
    {
        var lines = build.Output.Split('\n');
        var step = lines.Select(l => Regex.Match(l, @"^(#\d+) \[[^\]]*\] (.*)$")).FirstOrDefault(m => m.Success && m.Groups[2].Value.Contains(instruction, StringComparison.Ordinal));
        Assert.IsNotNull(step, $"no step '{instruction}' in the build output:\n{build.Output}");
        string id = step!.Groups[1].Value;
        return lines.Any(l => l.TrimEnd() == id + " CACHED");
    }

    /// <summary>Every path of the image's file system (docker create + export, read as a tar).</summary>
    public static IReadOnlyList<string> FileSystemPaths(string image)
    {
        string container = DockerEngine.RunChecked("create", image).StandardOutput.Trim();
        string export = Path.Combine(Path.GetTempPath(), "containeropt-images", $"export-{Guid.NewGuid():N}.tar");
        try
        {
            DockerEngine.RunChecked("export", "-o", export, container);
            var paths = new List<string>();
            using var stream = File.OpenRead(export);
            using var reader = new System.Formats.Tar.TarReader(stream);
            while (reader.GetNextEntry() is { } entry)
            {
                paths.Add(entry.Name.TrimStart('.', '/'));
            }
            return paths;
        }
        finally
        {
            DockerEngine.Run("rm", "-f", container);
            File.Delete(export);
        }
    }

    public static long ImageSize(string image) =>
        long.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{.Size}}", image).StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The FROM image of the Dockerfile's last stage.</summary>
    public string FinalBaseImage(string dockerfile) =>
        File.ReadAllLines(PathOf(dockerfile)).Last(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Split(' ')[1];
}
