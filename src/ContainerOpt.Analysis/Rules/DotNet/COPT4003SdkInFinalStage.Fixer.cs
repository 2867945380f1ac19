using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// Splits a final stage built on the SDK into the build stage it is and a final stage on the runtime image the rule names
/// (aspnet or runtime, the project's version): the SDK stage is named (<c>AS build</c>), and after its
/// <c>dotnet publish -o DIR</c> comes <c>FROM runtime</c>, <c>WORKDIR /app</c>, <c>COPY --from=build DIR .</c>, the stage's
/// ENV, EXPOSE and LABEL lines (copied: they configure the image), and what followed the publish (moved: USER, ENTRYPOINT,
/// CMD ...), the ENTRYPOINT's dll now under /app. Only for a framework-dependent app whose stage stands on the SDK image
/// itself, publishes to a known folder and starts <c>["dotnet", "DIR/App.dll"]</c> in exec form, with nothing after the
/// publish that changes files (a RUN, COPY or WORKDIR would be lost).
/// </summary>
public sealed class COPT4003SdkInFinalStageFixer : DockerfileFixer
{
    private const string AppFolder = "/app";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SdkInFinalStage;

    public override CodeFix? Fix(FixContext context)
    {
        var facts = context.Facts;
        var final = context.Model.FinalStage;
        string? runtime = context.Property(FixProperties.Replacement);
        if (final is null || final.IsImplicit || final.BaseStage is not null || runtime is null || runtime.Contains("runtime-deps")
            || final.BaseToken is not { } baseToken || facts.Project is null)
        {
            return null;
        }
        var publish = facts.DotNetCommands.LastOrDefault(c => c.Is("publish") && ReferenceEquals(c.Stage, final));
        if (publish is null || publish.Run.IsOnbuild || publish.Option("o", "output")?.Value is not { } output || !RestoreInputsFix.IsPlain(output)
            || facts.RunSteps.Find(publish.Instruction) is not { } step || step.Commands.Any(c => ReferenceEquals(c.Command, publish.Command) && c.AfterCd))
        {
            return null;
        }
        int publishAt = RestoreInputsFix.IndexIn(final, publish.Instruction);
        var before = final.Instructions.Take(publishAt).ToList();
        var after = final.Instructions.Skip(publishAt + 1).ToList();
        // The publish folder must be a known absolute path: written so, or under an absolute WORKDIR of the stage.
        bool workdirKnown = before.Any(i => i.Kind == InstructionKind.Workdir && i.Syntax.Arguments.Count == 1 && i.Syntax.Arguments[0].Value.StartsWith("/", StringComparison.Ordinal));
        if (!output.StartsWith("/", StringComparison.Ordinal) && !workdirKnown)
        {
            return null;
        }
        string outputFolder = LayerPaths.Resolve(output, step.Workdir);
        if (before.Any(i => i.Kind == InstructionKind.User)
            || after.Any(i => i.Kind is not (InstructionKind.Entrypoint or InstructionKind.Cmd or InstructionKind.Expose or InstructionKind.Env
                or InstructionKind.Label or InstructionKind.User or InstructionKind.StopSignal or InstructionKind.Healthcheck)))
        {
            return null;
        }
        // What starts the app: the last ENTRYPOINT, else the last CMD; exec form, ["dotnet", "<dll in the publish folder>"].
        var start = after.LastOrDefault(i => i.Kind == InstructionKind.Entrypoint) ?? after.LastOrDefault(i => i.Kind == InstructionKind.Cmd);
        if (start is null || !start.Syntax.IsJsonForm || start.Syntax.Arguments.Count < 2 || start.Syntax.Arguments[0].Value != "dotnet")
        {
            return null;
        }
        var dll = start.Syntax.Arguments[1];
        string dllPath = LayerPaths.Resolve(dll.Value, facts.RunSteps.WorkdirOf(start));
        if (!dll.Value.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || !LayerPaths.IsAtOrUnder(dllPath, outputFolder) || dllPath == outputFolder
            || context.Source.GetText(dll.Span) != ExecFormFix.JsonString(dll.Value))
        {
            return null;
        }
        string inApp = dllPath.Substring(outputFolder.TrimEnd('/').Length + 1);

        // The SDK stage's name: its own, else "build" (or the first free "build-N").
        string? name = final.Name;
        string keyword = final.From.Syntax.Keyword.Value;
        bool lower = keyword == keyword.ToLowerInvariant();
        string Word(string upper) => lower ? upper.ToLowerInvariant() : upper;
        var edits = new List<FixEdit?>();
        if (name is null)
        {
            name = "build";
            for (int n = 2; context.Model.Stages.Any(s => s.Name == name); n++)
            {
                name = "build-" + n;
            }
            edits.Add(context.Insert(baseToken.Span.End, " " + Word("AS") + " " + name));
        }

        // The moved region: from the line after the publish's RUN to the end of the file (the final stage's end).
        int firstMoved = publish.Instruction.Syntax.EndLine + 1;
        string lineBreak = context.LineBreakOf(publish.Instruction.Syntax.EndLine);
        var region = firstMoved <= context.Source.LineCount
            ? TextSpan.FromBounds(context.Source.GetLineStart(firstMoved), context.Text.Length)
            : new TextSpan(context.Text.Length, 0);
        string moved = context.Text.Substring(region.Start, region.Length);
        int dllInRegion = dll.Span.Start - region.Start;
        moved = moved.Substring(0, dllInRegion) + ExecFormFix.JsonString(inApp) + moved.Substring(dllInRegion + dll.Span.Length);
        var header = new List<string>
        {
            Word("FROM") + " " + runtime,
            Word("WORKDIR") + " " + AppFolder,
            Word("COPY") + " --from=" + name + " " + outputFolder + " .",
        };
        foreach (var config in before.Where(i => i.Kind is InstructionKind.Env or InstructionKind.Expose or InstructionKind.Label))
        {
            if (config.Syntax.EndLine != config.Syntax.StartLine)
            {
                return null;
            }
            header.Add(context.Source.GetText(config.Syntax.Span));
        }
        string prefix = region.Start == context.Text.Length && context.Text.Length > 0 && context.Text[context.Text.Length - 1] != '\n' ? lineBreak : "";
        edits.Add(context.Replace(region, prefix + string.Concat(header.Select(h => h + lineBreak)) + moved));
        return context.Offer($"Run the app on {runtime}, the SDK stage only building it", edits);
    }
}
