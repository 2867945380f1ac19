using ContainerOpt.Core.DotNet;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

/// <summary>The .NET version and variant of a tag: plain versions are read in place, anything else by NuGet's parser.</summary>
[TestClass]
public sealed class DotNetImageTagTests
{
    [TestMethod]
    [DataRow("mcr.microsoft.com/dotnet/sdk:8.0.404", "Sdk 8.0 [] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/sdk:10.0.100-rc.2-noble", "Sdk 10.0 [noble] preview=True")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:10.0-preview-alpine3.22-amd64", "Aspnet 10.0 [alpine3.22] preview=True")]
    [DataRow("mcr.microsoft.com/dotnet/runtime:8.0.11.2", "Runtime 8.0 [] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/runtime:8.0.1.2.3", "Runtime  [8.0.1.2.3] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/runtime:8..0", "Runtime  [8..0] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/runtime:9", "Runtime  [9] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/runtime:latest", "Runtime  [latest] preview=False")]
    [DataRow("MCR.MICROSOFT.COM/dotnet/runtime-deps:6.0-jammy-chiseled", "RuntimeDeps 6.0 [jammy-chiseled] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/sdk:3.1.426-bullseye", "Sdk 3.1 [bullseye] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0--alpine-", "Aspnet 8.0 [alpine] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0-", "Aspnet 8.0 [] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:-8.0", "Aspnet  [8.0] preview=False")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0.1-rc1", "Aspnet 8.0 [] preview=True")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0-ARM64-Noble-Chiseled", "Aspnet 8.0 [Noble-Chiseled] preview=False")]
    public void The_version_and_variant_of_a_tag(string reference, string expected)
    {
        var image = DotNetImage.Parse(reference)!;
        Assert.AreEqual(expected, $"{image.Kind} {image.Version?.ToString(2)} [{image.Variant}] preview={image.IsPreview}");
    }
}
