using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// Which stages build Windows containers: the base image is a Windows one (servercore, nanoserver, the
/// .NET Framework images, a Windows tag), <c>--platform=windows/…</c>, or the file uses the Windows
/// escape character. Windows containers are built by the classic builder (BuildKit builds Linux
/// containers only), have no numeric user ids, take <c>C:\</c> paths and often a PowerShell or cmd SHELL.
/// </summary>
internal static class WindowsStages
{
    private static readonly string[] WindowsTagWords = { "nanoserver", "windowsservercore", "servercore", "ltsc2016", "ltsc2019", "ltsc2022", "ltsc2025", "1809", "20h2" };

    /// <summary>Whether the stage builds a Windows container; <paramref name="rootImage"/> is its root's base read as an image reference (<see cref="StageSlots.ImageOf"/>).</summary>
    public static bool IsWindows(Stage stage, DockerfileModel model, ImageReference? rootImage)
    {
        var root = stage.Root;
        if (root.Platform is { } platform && platform.StartsWith("windows", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (model.Syntax.EscapeToken == '`')
        {
            return true;
        }
        if (root.IsScratch || root.IsImplicit || rootImage is not { } image)
        {
            return false;
        }
        string repository = image.Repository;
        if (image.Registry == "mcr.microsoft.com"
            && (repository.StartsWith("windows", StringComparison.Ordinal) || repository.StartsWith("dotnet/framework", StringComparison.Ordinal)
                || repository.StartsWith("powershell", StringComparison.Ordinal) && (image.Tag ?? "").Contains("nanoserver")))
        {
            return true;
        }
        string tag = (image.Tag ?? "").ToLowerInvariant();
        if (tag.Length == 0)
        {
            return false;
        }
        foreach (string word in WindowsTagWords)
        {
            if (tag.Contains(word))
            {
                return true;
            }
        }
        return false;
    }
}
