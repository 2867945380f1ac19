using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

/// <summary>RunStep's searches over its commands: Named and FirstUncleanedIndex, and what they skip.</summary>
[TestClass]
public sealed class RunStepTests
{
    private static RunStep StepOf(string run) =>
        new DockerfileFacts(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From("FROM fedora:40\nRUN " + run + "\n", "Dockerfile"))))
            .RunSteps.All.Single();

    private static bool IsInstall(ShellCommand command) => command.Is("yum") && command.HasAnyArgument("install");

    private static bool IsCleanup(ShellCommand command) => command.Is("yum") && command.HasAnyArgument("clean");

    [TestMethod]
    public void First_uncleaned_install_is_the_first_after_the_last_cleanup()
    {
        Assert.AreEqual(2, StepOf("yum install -y a && yum clean all && yum install -y b && yum install -y c").FirstUncleanedIndex(IsInstall, IsCleanup));
        Assert.AreEqual(-1, StepOf("yum install -y a && yum install -y b && yum clean all").FirstUncleanedIndex(IsInstall, IsCleanup));
        Assert.AreEqual(1, StepOf("yum clean all && yum install -y a").FirstUncleanedIndex(IsInstall, IsCleanup));
    }

    [TestMethod]
    public void A_step_without_an_install_asks_no_command_whether_it_cleans_up()
    {
        int asked = 0;
        int index = StepOf("echo hi && yum clean all").FirstUncleanedIndex(IsInstall, c =>
        {
            asked++;
            return IsCleanup(c);
        });
        Assert.AreEqual(-1, index);
        Assert.AreEqual(0, asked);
    }

    [TestMethod]
    public void Named_gives_every_command_of_the_names_in_order()
    {
        var step = StepOf("ps aux && echo x && top -b && ps; kill 1");
        CollectionAssert.AreEqual(new[] { 0, 2, 3, 4 }, step.Named("ps", "top", "kill", "free").Select(c => c.Index).ToArray());
        CollectionAssert.AreEqual(new[] { 2 }, step.Named("top").Select(c => c.Index).ToArray());
        Assert.AreEqual(0, step.Named("vim").Count);
        Assert.AreEqual(0, step.Named("vim", "ifconfig", "mount", "service").Count);
    }
}
