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
        // Over the chain's instruction arrays by index, the program word read where it stands: asked of every stage whose
        // base an ARG gives (many files), and a substring and a lower-cased copy per instruction cost more than the test.
        var chain = stage.Chain;
        for (int c = 0; c < chain.Count; c++)
        {
            var instructions = chain[c].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var syntax = instructions[i].Syntax;
                if (syntax.Kind is not (InstructionKind.Shell or InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint))
                {
                    continue;
                }
                bool windows;
                if (syntax.IsJsonForm)
                {
                    string program = syntax.Arguments.Count > 0 ? syntax.Arguments[0].Value : "";
                    windows = IsWindowsProgram(program, 0, program.Length);
                }
                else
                {
                    string line = syntax.ArgumentText.Value;
                    FirstWord(line, out int start, out int length);
                    windows = IsWindowsProgram(line, start, length);
                }
                if (windows)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>True when text[start..start+length) names a program only Windows has.</summary>
    private static bool IsWindowsProgram(string text, int start, int length)
    {
        if (length == 0 || text.IndexOf('/', start, length) >= 0)
        {
            return false; // a POSIX path is never a Windows program
        }
        if (length >= 3 && (text[start] | 0x20) is >= 'a' and <= 'z' && text[start + 1] == ':' && text[start + 2] == '\\'
            || length >= 2 && text[start] == '.' && text[start + 1] == '\\')
        {
            return true;
        }
        return length == 3 && IsLowerCased(text, start, "cmd") || length == 7 && IsLowerCased(text, start, "cmd.exe")
            || length == 10 && IsLowerCased(text, start, "powershell") || length == 14 && IsLowerCased(text, start, "powershell.exe")
            || length >= 4 && (IsLowerCased(text, start + length - 4, ".exe") || IsLowerCased(text, start + length - 4, ".ps1"));
    }

    /// <summary>
    /// True when the characters at <paramref name="start"/>, lower-cased, are <paramref name="lower"/> (ASCII lower case):
    /// what comparing the word's <see cref="string.ToLowerInvariant()"/> would say, without the copy. Only ASCII letters
    /// lower to these names' letters ('K' and 'İ', which lower to ASCII, to none of them).
    /// </summary>
    private static bool IsLowerCased(string text, int start, string lower)
    {
        for (int i = 0; i < lower.Length; i++)
        {
            char c = text[start + i];
            if ((c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) != lower[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Where the first blank-separated word of a shell-form command line is, without the quotes around it.</summary>
    private static void FirstWord(string commandLine, out int start, out int length)
    {
        // As TrimStart, a cut at the next white space, then Trim('"', '\''): the same characters, found in place.
        int first = 0;
        while (first < commandLine.Length && char.IsWhiteSpace(commandLine[first]))
        {
            first++;
        }
        int end = first;
        while (end < commandLine.Length && !char.IsWhiteSpace(commandLine[end]))
        {
            end++;
        }
        while (first < end && commandLine[first] is '"' or '\'')
        {
            first++;
        }
        while (end > first && commandLine[end - 1] is '"' or '\'')
        {
            end--;
        }
        start = first;
        length = end - first;
    }
}
