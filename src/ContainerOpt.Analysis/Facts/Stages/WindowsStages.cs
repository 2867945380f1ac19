using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// Which stages build Windows containers: the base image is a Windows one (servercore, nanoserver, the
/// .NET Framework images, a Windows tag, the retired Docker Hub <c>microsoft/…</c> Windows repositories),
/// <c>--platform=windows/…</c>, or the file uses the Windows escape character; and, when the base cannot be
/// read (an ARG without a value), the stage's own Windows-only commands. Windows containers are built by the
/// classic builder (BuildKit builds Linux containers only), have no numeric user ids, take <c>C:\</c> paths
/// and often a PowerShell or cmd SHELL.
/// </summary>
internal static class WindowsStages
{
    private static readonly string[] WindowsTagWords = { "nanoserver", "windowsservercore", "servercore", "ltsc2016", "ltsc2019", "ltsc2022", "ltsc2025", "1809", "20h2" };

    /// <summary>The Windows-only repositories Microsoft published on Docker Hub before moving to mcr.microsoft.com (retired, still in old files).</summary>
    private static readonly string[] RetiredDockerHubRepositories = { "microsoft/nanoserver", "microsoft/windowsservercore", "microsoft/aspnet", "microsoft/iis" };

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
        if (root.IsScratch || root.IsImplicit)
        {
            return false;
        }
        if (rootImage is { } image && IsWindowsImage(image))
        {
            return true;
        }
        // A base an ARG gives may be anything (often a Windows one the build passes in): the stage's own commands can tell.
        bool baseUnknown = rootImage is null || rootImage.HasVariables || root.BaseToken is { } written && written.Value.IndexOf('$') >= 0;
        return baseUnknown && RunsWindowsCommands(stage);
    }

    private static bool IsWindowsImage(ImageReference image)
    {
        string repository = image.Repository;
        if (image.Registry == "mcr.microsoft.com"
            && (repository.StartsWith("windows", StringComparison.Ordinal) || repository.StartsWith("dotnet/framework", StringComparison.Ordinal)
                || repository.StartsWith("powershell", StringComparison.Ordinal) && (image.Tag ?? "").Contains("nanoserver")))
        {
            return true;
        }
        if (image.IsDockerHub
            && (Array.IndexOf(RetiredDockerHubRepositories, repository) >= 0 || repository.StartsWith("microsoft/dotnet-framework", StringComparison.Ordinal)
                || repository.StartsWith("microsoft/mssql-server-windows", StringComparison.Ordinal)))
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

    /// <summary>
    /// True when a SHELL, RUN, CMD or ENTRYPOINT of the stage's chain starts a program only Windows has. Each sign is one a
    /// Linux image does not give: <c>cmd</c> and <c>powershell</c> (Windows PowerShell; PowerShell on Linux is <c>pwsh</c>,
    /// which is why <c>pwsh</c> is no sign) exist only on Windows; a program named by a drive path (<c>C:\…</c>) or a
    /// <c>.\</c> path, or ending in <c>.exe</c> or <c>.ps1</c>, is one a Linux shell cannot start (<c>mono app.exe</c> or
    /// <c>pwsh ./x.ps1</c> start mono and pwsh, not the file). Only the program word counts: a <c>C:\</c> elsewhere may be data.
    /// </summary>
    private static bool RunsWindowsCommands(Stage stage)
    {
        foreach (var instruction in stage.ChainInstructions)
        {
            var syntax = instruction.Syntax;
            if (syntax.Kind is not (InstructionKind.Shell or InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint))
            {
                continue;
            }
            string program = syntax.IsJsonForm
                ? syntax.Arguments.Count > 0 ? syntax.Arguments[0].Value : ""
                : FirstWord(syntax.ArgumentText.Value);
            if (IsWindowsProgram(program))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsWindowsProgram(string program)
    {
        if (program.Length == 0 || program.IndexOf('/') >= 0)
        {
            return false; // a POSIX path is never a Windows program
        }
        if (program.Length >= 3 && (program[0] | 0x20) is >= 'a' and <= 'z' && program[1] == ':' && program[2] == '\\' || program.StartsWith(".\\", StringComparison.Ordinal))
        {
            return true;
        }
        string name = program.ToLowerInvariant();
        return name is "cmd" or "cmd.exe" or "powershell" or "powershell.exe" || name.EndsWith(".exe", StringComparison.Ordinal) || name.EndsWith(".ps1", StringComparison.Ordinal);
    }

    /// <summary>The first blank-separated word of a shell-form command line, without the quotes around it.</summary>
    private static string FirstWord(string commandLine)
    {
        string text = commandLine.TrimStart();
        int end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }
        return text.Substring(0, end).Trim('"', '\'');
    }
}
