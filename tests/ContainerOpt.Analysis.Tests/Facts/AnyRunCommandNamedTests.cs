using ContainerOpt.Analysis.Facts;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

[TestClass]
public sealed class AnyRunCommandNamedTests
{
    private static DockerfileFacts FactsOf(string text) =>
        new(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(text, "Dockerfile"))));

    [TestMethod]
    public void Finds_a_program_in_any_RUN_of_the_file_ONBUILD_triggers_and_heredocs_too()
    {
        var facts = FactsOf("FROM alpine AS build\nRUN apk add x && cd /app\nONBUILD RUN yum install -y y\nRUN <<EOF\nset -e\nwget http://example.org/x\nEOF\n"
            + "FROM build\nRUN echo done | tee /log\n");
        Assert.IsTrue(facts.AnyRunCommandNamed("apk"));
        Assert.IsTrue(facts.AnyRunCommandNamed("cd"), "a command after &&");
        Assert.IsTrue(facts.AnyRunCommandNamed("yum"), "an ONBUILD trigger's RUN");
        Assert.IsTrue(facts.AnyRunCommandNamed("wget"), "a heredoc body");
        Assert.IsTrue(facts.AnyRunCommandNamed("tee"), "a command of a pipeline, in another stage");
        Assert.IsFalse(facts.AnyRunCommandNamed("ap"), "the whole name, not a prefix");
        Assert.IsFalse(facts.AnyRunCommandNamed("APK"), "ordinal");
        Assert.IsFalse(facts.AnyRunCommandNamed("add"), "an argument is no command");
        Assert.IsFalse(facts.AnyRunCommandNamed("alpine"));
        Assert.IsFalse(FactsOf("FROM alpine\nCOPY apk /apk\n").AnyRunCommandNamed("apk"), "a file without RUN");
    }

    [TestMethod]
    public void Says_what_asking_every_RUN_step_says()
    {
        // The rules skip a file on it before asking each step (RunStep.Named): it must never miss a command a step names.
        var facts = FactsOf("FROM alpine\nRUN apk add x && cd /app || (ln -s a b)\nONBUILD RUN yum install -y y\nRUN [\"useradd\", \"-u\", \"1000\", \"app\"]\n"
            + "RUN <<EOF\nset -e\nwget http://example.org/x\nEOF\nSHELL [\"pwsh\", \"-Command\"]\nRUN Write-Host hi\n");
        foreach (var name in new[] { "apk", "cd", "ln", "yum", "useradd", "set", "wget", "Write-Host", "curl", "add" })
        {
            bool anyStep = facts.RunSteps.All.Any(step => step.Named(name).Count > 0);
            Assert.AreEqual(anyStep, facts.AnyRunCommandNamed(name), name);
        }
    }
}
