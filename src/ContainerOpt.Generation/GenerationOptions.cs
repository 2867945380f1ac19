namespace ContainerOpt.Generation;

/// <summary>What the user asked for beyond what the project says.</summary>
public sealed class GenerationOptions
{
    /// <summary>Mount the NuGet package cache (shared id) during restore: faster rebuilds, nothing left in layers.</summary>
    public bool NuGetCacheMount { get; set; }

    /// <summary>Full path of a test project to run in a `test` stage (docker build --target test).</summary>
    public string? TestProject { get; set; }

    /// <summary>The image family for the final stage when the project sets none (alpine, noble-chiseled, full ...); default: chiseled on .NET 8+.</summary>
    public string? Family { get; set; }

    /// <summary>Registry/repository prefix of the .NET images.</summary>
    public string ImageRegistry { get; set; } = "mcr.microsoft.com/dotnet";
}
