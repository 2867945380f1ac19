using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// Adds <c>--no-restore</c> after <c>dotnet publish</c>. Only when the restore before it asked for the same runtime
/// (<c>-r</c>, <c>--arch</c>, <c>--os</c>, <c>--self-contained</c>, <c>--use-current-runtime</c>, and the RuntimeIdentifier,
/// SelfContained, PublishReadyToRun, PublishAot and PublishTrimmed properties given on the command line), and the same
/// project (<see cref="RestoredWhatIsPublished"/>): a publish for a runtime or a project the restore did not restore for
/// fails without its own restore (NETSDK1047, NETSDK1004).
/// </summary>
public sealed class COPT4009PublishWithoutNoRestoreFixer : DockerfileFixer
{
    private static readonly string[] RuntimeOptions = { "r", "runtime", "a", "arch", "os", "sc", "self-contained", "ucr", "use-current-runtime" };
    private static readonly string[] RuntimeProperties = { "RuntimeIdentifier", "SelfContained", "PublishReadyToRun", "PublishAot", "PublishTrimmed" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PublishWithoutNoRestore;

    public override CodeFix? Fix(FixContext context)
    {
        var commands = context.Facts.DotNetCommands;
        var publish = commands.FirstOrDefault(c => c.Is("publish") && c.VerbSpan == context.Finding.Span);
        if (publish?.Stage is not { } stage || publish.Run.Run.IsJsonForm || publish.VerbWord is null
            || COPT4009PublishWithoutNoRestore.RestoreBefore(commands, publish, stage) is not { } restore
            || RuntimeOf(restore) != RuntimeOf(publish) || !RestoredWhatIsPublished(context, restore, publish))
        {
            return null;
        }
        return context.Offer("Add --no-restore to 'dotnet publish'", RunEdits.InsertAfter(context, publish.Run, publish.VerbWord, "--no-restore"));
    }

    /// <summary>
    /// True when the restore restored the project the publish builds: both name the same path (or none) in the same folder,
    /// or the publish names a project file where the restore named none or a solution. A restore of one project before a
    /// publish of a solution (or a folder, or after a <c>cd</c>) may have restored less than the publish needs.
    /// </summary>
    private static bool RestoredWhatIsPublished(FixContext context, DotNetCommand restore, DotNetCommand publish)
    {
        bool AfterCd(DotNetCommand command) =>
            context.Facts.RunSteps.Find(command.Instruction)?.Commands.FirstOrDefault(c => ReferenceEquals(c.Command, command.Command)).AfterCd != false;
        if (AfterCd(restore) || AfterCd(publish)
            || context.Facts.RunSteps.WorkdirOf(restore.Instruction) != context.Facts.RunSteps.WorkdirOf(publish.Instruction))
        {
            return false;
        }
        string? restored = restore.Positionals.FirstOrDefault()?.Value, published = publish.Positionals.FirstOrDefault()?.Value;
        if (restored == published)
        {
            return true;
        }
        bool projectFile = published is not null && (published.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || published.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || published.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase));
        return projectFile && (restored is null || restored.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || restored.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What the command says about the runtime it restores for, as one comparable text.</summary>
    private static string RuntimeOf(DotNetCommand command)
    {
        var parts = new List<string>();
        foreach (var option in command.Options)
        {
            if (RuntimeOptions.Contains(option.Name, StringComparer.OrdinalIgnoreCase))
            {
                parts.Add(Canonical(option.Name) + "=" + (option.Value ?? "true"));
            }
        }
        foreach (var name in RuntimeProperties)
        {
            if (command.Property(name) is { } property)
            {
                parts.Add(name.ToLowerInvariant() + "=" + property.Value.ToLowerInvariant());
            }
        }
        parts.Sort(StringComparer.Ordinal);
        return string.Join(";", parts);
    }

    private static string Canonical(string option) => option.ToLowerInvariant() switch
    {
        "r" => "runtime",
        "a" => "arch",
        "sc" => "self-contained",
        "ucr" => "use-current-runtime",
        var other => other,
    };
}
