using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// Adds <c>--no-restore</c> after <c>dotnet publish</c>. Only when the restore before it asked for the same runtime
/// (<c>-r</c>, <c>--arch</c>, <c>--os</c>, <c>--self-contained</c>, <c>--use-current-runtime</c>, and the RuntimeIdentifier,
/// SelfContained, PublishReadyToRun, PublishAot and PublishTrimmed properties given on the command line): a publish for a
/// runtime the restore did not restore for fails without its own restore (NETSDK1047).
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
            || RuntimeOf(restore) != RuntimeOf(publish))
        {
            return null;
        }
        return context.Offer("Add --no-restore to 'dotnet publish'", RunEdits.InsertAfter(context, publish.Run, publish.VerbWord, "--no-restore"));
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
