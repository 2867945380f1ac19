using ContainerOpt.Analysis.Facts;

namespace ContainerOpt.Analysis.Tests.Facts;

[TestClass]
public sealed class InstructionFactsTests
{
    [TestMethod]
    [DataRow("app.tar", true)]
    [DataRow("app.tar.gz", true)]
    [DataRow("\"app.tgz\"", true)]
    [DataRow("'lib.xz'", true)]
    [DataRow("dir/file.Z", true)]
    [DataRow(".tar", true)]
    [DataRow("'.gz", true)]
    [DataRow("x.tar.gz.bak", false)]
    [DataRow("app.TAR", false)]
    [DataRow("app.z", false)]
    [DataRow("app.tarx", false)]
    [DataRow("tar", false)]
    [DataRow("some.dir/tar", false)]
    [DataRow("app.gz\"x", false)]
    [DataRow("\"\"", false)]
    [DataRow("", false)]
    [DataRow(".", false)]
    public void An_archive_is_a_path_that_ends_with_one_of_hadolints_extensions(string path, bool archive) =>
        Assert.AreEqual(archive, InstructionFacts.IsArchive(path));
}
