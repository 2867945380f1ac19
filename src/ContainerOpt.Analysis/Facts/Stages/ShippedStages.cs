using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// Which stages end up in the image. The final stage ships its own layers and the layers of every
/// stage it is built on (its FROM chain): those are the <em>layer</em> stages, where bytes that a
/// later layer deletes are still shipped. A stage that a shipped stage copies wholesale
/// (<c>COPY --from=x / /</c>) ships its files but not its layers: with the layer stages these are the
/// <em>file</em> stages, where a cache left on disk ends up in the image. Any other stage only feeds
/// the build. (A build with <c>--target</c> ships another stage; the analysis assumes the last one.)
/// </summary>
internal static class ShippedStages
{
    /// <summary>Stages whose layers ship: the final stage and its FROM chain.</summary>
    public static HashSet<Stage> LayerStages(DockerfileModel model)
    {
        var set = new HashSet<Stage>();
        if (model.FinalStage is { } final)
        {
            set.UnionWith(final.Chain);
        }
        return set;
    }

    /// <summary>Stages whose files ship: the layer stages plus stages they copy wholesale (<c>COPY --from=x /</c>).</summary>
    public static HashSet<Stage> FileStages(DockerfileModel model)
    {
        var set = LayerStages(model);
        var queue = new Queue<Stage>(set);
        while (queue.Count > 0)
        {
            var stage = queue.Dequeue();
            foreach (var reference in stage.References)
            {
                if (reference.Target is not { } target || set.Contains(target) || reference.Instruction.Syntax.Kind != InstructionKind.Copy)
                {
                    continue;
                }
                var args = reference.Instruction.Syntax.Arguments;
                bool wholesale = false;
                for (int i = 0; i + 1 < args.Count; i++)
                {
                    if (LayerPaths.Clean(LayerPaths.Unquote(args[i].Value)) == "/")
                    {
                        wholesale = true;
                    }
                }
                if (wholesale)
                {
                    foreach (var s in target.Chain)
                    {
                        if (set.Add(s)) queue.Enqueue(s);
                    }
                }
            }
        }
        return set;
    }

}
