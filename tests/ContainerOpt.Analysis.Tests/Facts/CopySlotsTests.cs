using ContainerOpt.Analysis.Facts;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

/// <summary>CopyOf and ContextSourcesOf keep one answer per COPY/ADD, found by line among the file's copies.</summary>
[TestClass]
public sealed class CopySlotsTests
{
    private static DockerfileFacts Facts(string text) =>
        new(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(text, "Dockerfile"))));

    [TestMethod]
    public void Each_copy_is_read_once_and_other_instructions_are_none()
    {
        var facts = Facts("FROM alpine:3.20 AS build\nWORKDIR /src\nCOPY a.txt ./\nRUN true\nADD b.tar /opt/\nFROM alpine:3.20\nONBUILD COPY c.txt /c/\nCOPY --from=build /src/a.txt /a.txt\n");
        var read = new List<string>();
        foreach (var instruction in facts.Instructions)
        {
            var copy = facts.CopyOf(instruction);
            Assert.AreSame(copy, facts.CopyOf(instruction), instruction.ToString());
            Assert.AreSame(facts.ContextSourcesOf(instruction), facts.ContextSourcesOf(instruction), instruction.ToString());
            if (copy is null)
            {
                Assert.AreEqual(0, facts.ContextSourcesOf(instruction).Count, instruction.ToString());
                continue;
            }
            read.Add($"{instruction.Syntax.StartLine}: {string.Join(",", copy.Sources.Select(s => s.Value))} -> {copy.DestinationValue} [{string.Join(",", facts.ContextSourcesOf(instruction).Select(s => s.Path))}]");
        }
        Assert.AreEqual(string.Join("\n",
            "3: a.txt -> ./ [a.txt]",
            "5: b.tar -> /opt/ [b.tar]",
            "7: c.txt -> /c/ []", // a trigger copies from the context of the build that uses the image
            "8: /src/a.txt -> /a.txt []"), string.Join("\n", read));
    }

    [TestMethod]
    public void An_instruction_of_another_file_is_read_but_not_taken_for_this_files_copy_on_its_line()
    {
        const string text = "FROM alpine:3.20\nCOPY a.txt /a/\n";
        var facts = Facts(text);
        var other = Facts(text.Replace("a.txt", "b.txt"));
        var copy = facts.CopyOf(other.Instructions[1]);
        Assert.IsNotNull(copy);
        Assert.AreEqual("b.txt", copy.Sources.Single().Value);
        Assert.AreEqual("a.txt", facts.CopyOf(facts.Instructions[1])!.Sources.Single().Value);
        Assert.AreEqual("b.txt", facts.ContextSourcesOf(other.Instructions[1]).Single().Path);
    }

    [TestMethod]
    public void A_file_without_copies_answers_none()
    {
        var facts = Facts("FROM alpine:3.20\nRUN true\n");
        foreach (var instruction in facts.Instructions)
        {
            Assert.IsNull(facts.CopyOf(instruction));
            Assert.AreEqual(0, facts.ContextSourcesOf(instruction).Count);
        }
    }

    [TestMethod]
    public void Workdirs_are_kept_per_stage_and_a_stage_on_a_stage_starts_in_its_last_one()
    {
        var facts = Facts("ARG X=1\nFROM alpine:3.20 AS base\nRUN a\nWORKDIR /app\nRUN b\nWORKDIR sub\nRUN c\nFROM base AS next\nRUN d\nWORKDIR /\"q\"\nRUN e\nFROM alpine:3.20\nRUN f\nWORKDIR $NOPE\nRUN g\n");
        var steps = facts.RunSteps;
        Assert.AreEqual("/ /app /app/sub /app/sub /q / /", string.Join(" ", steps.All.Select(s => s.Workdir)));
        Assert.AreEqual("/", steps.WorkdirOf(facts.Instructions[0]), "a global ARG");
        var otherFacts = Facts("FROM alpine:3.20\nWORKDIR /elsewhere\nRUN x\n");
        Assert.AreEqual("/", steps.WorkdirOf(otherFacts.Instructions[2]), "a stage of another file");
    }
}
