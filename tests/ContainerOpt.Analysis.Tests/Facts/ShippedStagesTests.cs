using ContainerOpt.Analysis.Facts;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

/// <summary>Which stages ship their layers or files, and which reach an image, kept as a flag per stage position.</summary>
[TestClass]
public sealed class ShippedStagesTests
{
    private static DockerfileFacts Facts(string text) =>
        new(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(text, "Dockerfile"))));

    private const string File =
        "FROM alpine:3.20 AS base\nRUN a\n" +
        "FROM base AS app\nRUN b\n" +
        "FROM alpine:3.20 AS tools\nRUN c\n" +
        "FROM tools AS toolchain\nRUN d\n" +
        "FROM alpine:3.20 AS unused\nRUN e\n" +
        "FROM app\nCOPY --from=toolchain / /\nCOPY --from=unused /x /x\n";

    [TestMethod]
    public void Layer_and_file_stages_are_the_final_chain_and_what_it_copies_wholesale()
    {
        var facts = Facts(File);
        var stages = facts.Model.Stages;
        Assert.AreEqual("base app - - - final", string.Join(" ", stages.Select(s => facts.ShipsLayersOf(s) ? s.Name ?? "final" : "-")));
        Assert.AreEqual("base app tools toolchain - final", string.Join(" ", stages.Select(s => facts.ShipsFilesOf(s) ? s.Name ?? "final" : "-")));
        Assert.AreEqual("base,app,final", string.Join(",", facts.LayerStages.Select(s => s.Name ?? "final")));
        Assert.IsFalse(facts.ShipsLayersOf(null));
        Assert.IsFalse(facts.ShipsFilesOf(null));
    }

    [TestMethod]
    public void An_instruction_reaches_an_image_in_the_last_stage_and_in_a_stage_another_builds_on()
    {
        var facts = Facts(File);
        var reaching = facts.Instructions.Where(i => i.Kind == InstructionKind.Run).Select(i => facts.ReachesAnImage(i) ? "y" : "n");
        Assert.AreEqual("y y y n n", string.Join(" ", reaching));
    }

    [TestMethod]
    public void A_stage_of_another_file_is_in_no_set()
    {
        var facts = Facts(File);
        var other = Facts(File);
        foreach (var stage in other.Model.Stages)
        {
            Assert.IsFalse(facts.ShipsLayersOf(stage));
            Assert.IsFalse(facts.ShipsFilesOf(stage));
        }
        Assert.IsFalse(facts.ReachesAnImage(other.Instructions[3]), "RUN b of the other file's stage app");
    }
}
