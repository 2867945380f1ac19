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
/// <remarks>
/// Each set is a bool per stage position (<see cref="Stage.Position"/>): a file has a few stages, and a hash set of them
/// cost ten times the flags. <see cref="Contains"/> reads one.
/// </remarks>
internal static class ShippedStages
{
    /// <summary>True when <paramref name="stage"/> is one of the model's stages and in the set.</summary>
    public static bool Contains(bool[] set, DockerfileModel model, Stage stage)
    {
        int at = stage.Position;
        return (uint)at < (uint)set.Length && set[at] && ReferenceEquals(model.Stages[at], stage);
    }

    /// <summary>Stages whose layers ship: the final stage and its FROM chain.</summary>
    public static bool[] LayerStages(DockerfileModel model)
    {
        var set = new bool[model.Stages.Count];
        if (model.FinalStage is { } final)
        {
            var chain = final.Chain;
            for (int i = 0; i < chain.Count; i++)
            {
                Add(set, model, chain[i]);
            }
        }
        return set;
    }

    /// <summary>Stages another stage's FROM builds on.</summary>
    public static bool[] BaseStages(DockerfileModel model)
    {
        var stages = model.Stages;
        var set = new bool[stages.Count];
        for (int i = 0; i < stages.Count; i++)
        {
            if (stages[i].BaseStage is { } baseStage)
            {
                Add(set, model, baseStage);
            }
        }
        return set;
    }

    /// <summary>Stages whose files ship: the layer stages plus stages they copy wholesale (<c>COPY --from=x /</c>).</summary>
    public static bool[] FileStages(DockerfileModel model)
    {
        var set = LayerStages(model);
        // The layer stages first, then the stages they pull in (a queue only once one does: most files copy no stage wholesale).
        // The set is a closure, the same in any order: a stage already in it came with its whole chain.
        Queue<Stage>? pulledIn = null;
        var stages = model.Stages;
        for (int i = 0; i < stages.Count; i++)
        {
            if (Contains(set, model, stages[i]))
            {
                AddCopiedWholesale(stages[i], set, model, ref pulledIn);
            }
        }
        while (pulledIn is { Count: > 0 })
        {
            AddCopiedWholesale(pulledIn.Dequeue(), set, model, ref pulledIn);
        }
        return set;
    }

    /// <summary>Puts a stage of the model in the set; false when it was in already (or is no stage of the model).</summary>
    private static bool Add(bool[] set, DockerfileModel model, Stage stage)
    {
        int at = stage.Position;
        if ((uint)at >= (uint)set.Length || set[at] || !ReferenceEquals(model.Stages[at], stage))
        {
            return false;
        }
        set[at] = true;
        return true;
    }

    /// <summary>Adds the chain of every stage that <paramref name="stage"/> copies wholesale (<c>COPY --from=x / /</c>), queueing what is new.</summary>
    private static void AddCopiedWholesale(Stage stage, bool[] set, DockerfileModel model, ref Queue<Stage>? pulledIn)
    {
        var references = stage.References;
        for (int r = 0; r < references.Count; r++)
        {
            var reference = references[r];
            if (reference.Target is not { } target || Contains(set, model, target) || reference.Instruction.Syntax.Kind != InstructionKind.Copy)
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
                var chain = target.Chain;
                for (int i = 0; i < chain.Count; i++)
                {
                    if (Add(set, model, chain[i]))
                    {
                        (pulledIn ??= new Queue<Stage>()).Enqueue(chain[i]);
                    }
                }
            }
        }
    }
}
