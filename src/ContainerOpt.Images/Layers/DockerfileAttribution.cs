using System.Text;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Images.Layers;

/// <summary>
/// Maps each layer to the Dockerfile instruction that made it. The target stage's layer-making
/// instructions (RUN, COPY, ADD, and WORKDIR when it created the directory) — after those of the
/// stages it is built FROM — are the last layers, in order; each pairing is verified against the
/// history text (the RUN command, the COPY/ADD/WORKDIR destination). Layers below them are the base
/// image's and map to the FROM line of the first stage of the chain. Anything that does not verify
/// stays unattributed (null line): a missing line is better than a wrong one.
/// </summary>
public static class DockerfileAttribution
{
    public static ImageReport Attribute(ImageReport report, DockerfileModel model, string dockerfilePath, string? targetStage = null)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        if (model is null) throw new ArgumentNullException(nameof(model));
        Stage target = FindTarget(model, targetStage);

        var chain = target.Chain;
        var steps = chain.SelectMany(s => s.Instructions)
            .Where(i => i.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add or InstructionKind.Workdir)
            .ToList();
        Stage root = chain[0];

        var lines = new int?[report.Layers.Count];
        int next = steps.Count - 1;
        // Known once every layer is paired with a step or with the FROM line: the base image's layers are then the FROM's.
        int? baseLayers = null;
        int layer;
        for (layer = report.Layers.Count - 1; layer >= 0; layer--)
        {
            HistoryStep? step = HistoryStep.Parse(report.Layers[layer].CreatedBy);
            int matched = -1;
            for (int candidate = next; candidate >= 0; candidate--)
            {
                if (step is not null && Matches(model, steps[candidate], step))
                {
                    matched = candidate;
                    break;
                }
                // A WORKDIR whose directory already existed made no layer: look past it. Anything else is a mismatch.
                if (steps[candidate].Kind != InstructionKind.Workdir) break;
            }
            if (matched >= 0)
            {
                lines[layer] = steps[matched].Syntax.StartLine;
                next = matched - 1;
                continue;
            }
            bool allStepsSeen = steps.Take(next + 1).All(s => s.Kind == InstructionKind.Workdir);
            if (allStepsSeen && !root.IsScratch)
            {
                // What is left is the base image (and its ONBUILD triggers): the FROM line brought it.
                for (int below = layer; below >= 0; below--) lines[below] = root.From.Syntax.StartLine;
                baseLayers = layer + 1;
            }
            break;
        }
        // Every layer made by a step: the base image brought none (FROM scratch, or a base without layers).
        if (layer < 0) baseLayers = 0;

        var layers = report.Layers.Select((l, i) => l.WithDockerfile(dockerfilePath, lines[i])).ToArray();
        return report.WithLayers(layers, model.Syntax.Source, baseLayers);
    }

    private static Stage FindTarget(DockerfileModel model, string? targetStage)
    {
        if (model.Stages.Count == 0) throw new ArgumentException("The Dockerfile has no stage (no FROM).", nameof(model));
        if (string.IsNullOrEmpty(targetStage)) return model.FinalStage!;
        return model.FindStage(targetStage!, model.Stages.Count)
            ?? throw new ArgumentException($"The Dockerfile has no stage '{targetStage}'; stages: {string.Join(", ", model.Stages.Select(s => s.DisplayName))}.", nameof(targetStage));
    }

    private static bool Matches(DockerfileModel model, StageInstruction instruction, HistoryStep step)
    {
        InstructionSyntax syntax = instruction.Syntax;
        switch (instruction.Kind)
        {
            case InstructionKind.Run when step.Keyword == "RUN":
                {
                    string command = syntax.IsJsonForm ? string.Join(" ", syntax.Arguments.Select(a => a.Value)) : syntax.ArgumentText.Value;
                    string recorded = Collapse(step.Text), written = Collapse(command);
                    if (written.Length == 0) return false;
                    return recorded.EndsWith(written, StringComparison.Ordinal)
                        || (syntax.Heredocs.Count > 0 && recorded.Contains(written, StringComparison.Ordinal));
                }
            case InstructionKind.Copy when step.Keyword == "COPY":
            case InstructionKind.Add when step.Keyword == "ADD":
                {
                    if (syntax.Arguments.Count == 0) return false;
                    string destination = model.Expand(instruction, syntax.Arguments[syntax.Arguments.Count - 1].Value).Result;
                    return SamePath(step.Destination, destination);
                }
            case InstructionKind.Workdir when step.Keyword == "WORKDIR":
                {
                    if (syntax.Arguments.Count == 0) return false;
                    string path = model.Expand(instruction, syntax.ArgumentText.Value).Result;
                    return SamePath(step.Text, path);
                }
            default:
                return false;
        }
    }

    /// <summary>
    /// Absolute paths must agree (trailing slashes aside); a relative one written in the Dockerfile was
    /// resolved against WORKDIR by the builder, so the recorded path need only end with it.
    /// </summary>
    private static bool SamePath(string recorded, string written)
    {
        string r = recorded.Trim().TrimEnd('/'), w = written.Trim().TrimEnd('/');
        if (w.StartsWith('/')) return r == w || (r.Length == 0 && w.Length == 0);
        if (w.Length == 0 || w == ".") return true;
        if (w.StartsWith("./", StringComparison.Ordinal)) w = w.Substring(2);
        return r == w || r.EndsWith("/" + w, StringComparison.Ordinal);
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
