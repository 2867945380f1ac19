using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Tests.Shell;

[TestClass]
public sealed class ShellCommandOrderTests
{
    [TestMethod]
    public void Commands_inside_sh_c_keep_their_order()
    {
        var names = Enumerable.Range(1, 40).Select(i => "c" + i).ToArray();
        var script = ShellScript.Parse("sh -c \"" + string.Join(" && ", names) + "\" && after");
        CollectionAssert.AreEqual(new[] { "sh" }.Concat(names).Concat(new[] { "after" }).ToArray(), script.Commands.Select(c => c.Name).ToArray());
    }
}
