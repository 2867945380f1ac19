using ContainerOpt.Core.DotNet;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// A stage copies the project's global.json and runs the .NET CLI (restore, build, publish, test, pack, run) on an SDK
/// image whose version global.json's roll-forward policy refuses: the .NET host finds the global.json above the working
/// directory, finds no compatible SDK and every <c>dotnet</c> command fails ("A compatible .NET SDK was not found"). An
/// error where no SDK of the image's major.minor can satisfy the pin (a lower version; another minor or major under
/// <c>latestPatch</c>/<c>latestFeature</c>/<c>disable</c>; another major under <c>latestMinor</c>); silent where it
/// depends on the feature band the floating tag holds. Needs the project (its global.json) and the build context.
/// </summary>
public sealed class COPT4017GlobalJsonSdkMismatch : DockerfileRule
{
    private static readonly string[] Verbs = { "restore", "build", "publish", "test", "pack", "run" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.GlobalJsonSdkMismatch;

    public override void Analyze(RuleContext context)
    {
        var facts = context.Facts;
        if (context.Project?.SdkPin is not { } pin || ContextPaths.RelativeToContext(facts.ContextDirectory, pin.Path) is not { } globalJson
            || facts.DockerIgnore?.IsExcluded(globalJson) == true)
        {
            return;
        }
        foreach (var stage in context.Model.Stages)
        {
            if (facts.DotNetBaseImageOf(stage) is not { Kind: DotNetImageKind.Sdk, Version: { } sdk } image
                || pin.AcceptsImageOf(sdk.Major, sdk.Minor) != false)
            {
                continue;
            }
            // The first CLI command of this stage that runs where the copied global.json is found (its folder or below).
            foreach (var command in facts.DotNetCommands.Where(c => c.Stage == stage && Verbs.Contains(c.Verb)))
            {
                string workdir = context.RunSteps.WorkdirOf(command.Instruction);
                if (CopiedAbove(context, stage, command.Instruction, globalJson, workdir) is not { } copy)
                {
                    continue;
                }
                string sdkText = sdk.Major + "." + sdk.Minor;
                string pinned = pin.Version.Major + "." + pin.Version.Minor;
                string why = sdk.Major * 1000 + sdk.Minor < pin.Version.Major * 1000 + pin.Version.Minor
                    ? "never rolls back to an older SDK"
                    : pin.RollForward.StartsWith("latestMinor", StringComparison.OrdinalIgnoreCase) || pin.RollForward.Equals("minor", StringComparison.OrdinalIgnoreCase)
                        ? $"stays on .NET {pin.Version.Major}"
                        : $"stays on .NET {pinned}";
                string fix = $"Use '{image.Repository}:{image.TagFor(new Version(pin.Version.Major, pin.Version.Minor))}' for this stage, or change global.json (rollForward 'latestMajor' accepts newer SDKs)";
                context.Report(image.TagSpan, image.Reference, sdkText, copy.Syntax.StartLine, pin.Version.ToNormalizedString(), pin.RollForward, why,
                    command.Verb, command.Line, fix);
                break;
            }
        }
    }

    /// <summary>The COPY (in the stage or a stage it is built on, before <paramref name="before"/>) that puts global.json in <paramref name="workdir"/> or a folder above it.</summary>
    private static StageInstruction? CopiedAbove(RuleContext context, Stage stage, StageInstruction before, string globalJson, string workdir)
    {
        foreach (var instruction in stage.ChainInstructions)
        {
            if (instruction == before)
            {
                break;
            }
            if (context.Facts.CopyOf(instruction) is not { FromContext: true, IsOnbuild: false } copy)
            {
                continue;
            }
            foreach (var source in context.Facts.ContextSourcesOf(instruction))
            {
                string? landed = Landing(source, globalJson, copy.DestinationValue, copy.DestinationIsDirectory, context.RunSteps.WorkdirOf(instruction));
                if (landed is not null && IsAtOrBelow(workdir, LayerPaths.Parent(landed)))
                {
                    return instruction;
                }
            }
        }
        return null;
    }

    /// <summary>Where the COPY puts the context's global.json, or null when this source does not take it.</summary>
    private static string? Landing(ContextSource source, string globalJson, string destination, bool destinationIsDirectory, string workdir)
    {
        string dest = LayerPaths.Resolve(destination, workdir);
        if (source.IsWholeContext)
        {
            return LayerPaths.Resolve(globalJson, dest);
        }
        if (source.Path == globalJson)
        {
            return destinationIsDirectory ? LayerPaths.Resolve("global.json", dest) : dest;
        }
        if (globalJson.StartsWith(source.Path.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            return LayerPaths.Resolve(globalJson.Substring(source.Path.TrimEnd('/').Length + 1), dest);
        }
        return null;
    }

    private static bool IsAtOrBelow(string path, string folder)
    {
        string p = LayerPaths.Clean(path).TrimEnd('/'), f = LayerPaths.Clean(folder).TrimEnd('/');
        return f.Length == 0 || p == f || p.StartsWith(f + "/", StringComparison.Ordinal);
    }
}
