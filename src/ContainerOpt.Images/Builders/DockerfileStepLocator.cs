using System.Globalization;
using System.Text.RegularExpressions;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// Finds the Dockerfile instruction a builder's step ran, by the builder's own numbering:
/// BuildKit numbers within a stage and counts only FROM (of an image) and ADD/COPY/RUN/WORKDIR; the legacy
/// builder numbers every instruction of the file; podman numbers every instruction of the stage. The
/// printed instruction's keyword must agree, else its text is matched within the stage.
/// </summary>
public static class DockerfileStepLocator
{
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.CultureInvariant);

    public static InstructionSyntax? Locate(DockerfileModel model, BuildStep step, BuilderKind kind, string? target = null)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        if (step is null) throw new ArgumentNullException(nameof(step));

        Stage? stage = null;
        IReadOnlyList<InstructionSyntax> numbered;
        switch (kind)
        {
            case BuilderKind.DockerLegacy:
                numbered = model.Syntax.Instructions;
                stage = step.StageNumber > 0 && step.StageNumber <= model.Stages.Count ? model.Stages[step.StageNumber - 1] : null;
                break;
            case BuilderKind.Podman:
                stage = step.StageNumber > 0 && step.StageNumber <= model.Stages.Count ? model.Stages[step.StageNumber - 1] : model.FinalStage;
                numbered = stage is null ? Array.Empty<InstructionSyntax>() : new[] { stage.From.Syntax }.Concat(stage.Instructions.Select(i => i.Syntax)).ToArray();
                break;
            default:
                stage = FindBuildKitStage(model, step.StageName, target);
                numbered = stage is null ? Array.Empty<InstructionSyntax>() : BuildKitNumbered(stage);
                break;
        }

        int position = step.Index - 1;
        if (position >= 0 && position < numbered.Count && KeywordOf(numbered[position]) == step.Keyword)
        {
            return numbered[position];
        }
        return MatchText(stage, step) ?? MatchText(model, step);
    }

    /// <summary>The instruction a reported line falls in ("Dockerfile:12" names an instruction's first line).</summary>
    public static InstructionSyntax? AtLine(DockerfileModel model, int line) =>
        model.Syntax.Instructions.FirstOrDefault(i => i.StartLine <= line && line <= i.EndLine);

    /// <summary>BuildKit's stage for "[build 3/7]", "[stage-1 2/3]" or "[3/4]" (a single-stage build).</summary>
    private static Stage? FindBuildKitStage(DockerfileModel model, string? name, string? target)
    {
        if (model.Stages.Count == 0) return null;
        if (name is null)
        {
            if (model.Stages.Count == 1) return model.Stages[0];
            return (target is null ? null : model.FindStage(target, model.Stages.Count)) ?? model.FinalStage;
        }
        Stage? named = model.FindStage(name, model.Stages.Count);
        if (named is not null) return named;
        if (name.StartsWith("stage-", StringComparison.Ordinal)
            && int.TryParse(name.Substring("stage-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && index < model.Stages.Count)
        {
            return model.Stages[index];
        }
        return null;
    }

    private static IReadOnlyList<InstructionSyntax> BuildKitNumbered(Stage stage)
    {
        var numbered = new List<InstructionSyntax>();
        if (stage.BaseStage is null && !stage.IsScratch) numbered.Add(stage.From.Syntax);
        foreach (StageInstruction instruction in stage.Instructions)
        {
            if (instruction.Kind is InstructionKind.Add or InstructionKind.Copy or InstructionKind.Run or InstructionKind.Workdir)
            {
                numbered.Add(instruction.Syntax);
            }
        }
        return numbered;
    }

    private static InstructionSyntax? MatchText(Stage? stage, BuildStep step)
    {
        if (stage is null) return null;
        var candidates = new[] { stage.From.Syntax }.Concat(stage.Instructions.Select(i => i.Syntax)).ToList();
        return MatchText(candidates, step);
    }

    private static InstructionSyntax? MatchText(DockerfileModel model, BuildStep step) => MatchText(model.Syntax.Instructions, step);

    /// <summary>The same text (whitespace-insensitive), else the only instruction with the step's keyword.</summary>
    private static InstructionSyntax? MatchText(IReadOnlyList<InstructionSyntax> candidates, BuildStep step)
    {
        string wanted = Normalize(step.Instruction);
        InstructionSyntax? exact = candidates.FirstOrDefault(i => Normalize(i.Original) == wanted);
        if (exact is not null) return exact;
        var sameKeyword = candidates.Where(i => KeywordOf(i) == step.Keyword).ToList();
        return sameKeyword.Count == 1 ? sameKeyword[0] : null;
    }

    private static string KeywordOf(InstructionSyntax instruction) => instruction.Keyword.Value.ToUpperInvariant();

    private static string Normalize(string text)
    {
        string collapsed = Whitespace.Replace(text.Trim(), " ");
        int space = collapsed.IndexOf(' ');
        return space < 0 ? collapsed.ToUpperInvariant() : collapsed.Substring(0, space).ToUpperInvariant() + collapsed.Substring(space);
    }
}
