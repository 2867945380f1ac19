using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2010AddLocalArchiveTests
{
    [TestMethod]
    public void Copy_of_an_archive_then_tar_extract_is_reported_at_the_archive()
    {
        var findings = RuleVerifier.Verify<COPT2010AddLocalArchive>(
            "FROM debian:12\nCOPY [|packaged-app.tar|] /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n");
        Assert.AreEqual("Archive 'packaged-app.tar' is copied and then extracted on line 3, which keeps the archive in a layer: use ADD packaged-app.tar <dir>/ to extract it in one step.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3010" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Extraction_later_in_a_command_list_is_found() =>
        RuleVerifier.Verify<COPT2010AddLocalArchive>(
            "FROM debian:12\nCOPY [|packaged-app.tar|] /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar\n");

    [TestMethod]
    public void An_archive_named_by_the_destination_is_matched() =>
        RuleVerifier.Verify<COPT2010AddLocalArchive>("FROM debian:12\nCOPY foo/bar/packaged-app.tar [|/foo.tar|]\nRUN tar -xf /foo.tar\n");

    [TestMethod]
    public void Windows_paths_are_matched_by_file_name()
    {
        RuleVerifier.Verify<COPT2010AddLocalArchive>(
            "FROM debian:12\nCOPY [|build\\foo\\bar.tar.gz|] \"C:\\Program Files\\Foo\"\nRUN tar -xf \"C:\\Program Files\\Foo\\bar.tar.gz\"\n");
        RuleVerifier.Verify<COPT2010AddLocalArchive>(
            "FROM debian:12\nCOPY build\\foo\\bar.tar.gz \"C:\\Program [|Files\\foo.tar.gz\"|]\nRUN tar -xf foo.tar.gz\n");
    }

    [TestMethod]
    public void Archive_copied_but_not_extracted_in_that_stage_is_fine() =>
        RuleVerifier.Verify<COPT2010AddLocalArchive>(
            "FROM debian:12\nCOPY packaged-app.tar /usr/src/app\nFROM debian:11 as newstage\nRUN tar -xf /usr/src/app/packaged-app.tar\n");

    [TestMethod]
    public void Plain_files_copy_from_and_extraction_before_the_copy_are_fine()
    {
        RuleVerifier.Verify<COPT2010AddLocalArchive>("FROM debian:12\nCOPY package.json /usr/src/app\nRUN tar -xf package.json\n");
        RuleVerifier.Verify<COPT2010AddLocalArchive>(
            "FROM debian:12 AS builder\nFROM debian:12\nCOPY --from=builder /usr/local/share/some.tar /opt/some.tar\nRUN tar -xf /opt/some.tar\n");
        RuleVerifier.Verify<COPT2010AddLocalArchive>("FROM debian:12\nRUN tar -xf app.tar\nCOPY app.tar /tmp/\n");
    }

    [TestMethod]
    public void Tar_without_extraction_is_fine() =>
        RuleVerifier.Verify<COPT2010AddLocalArchive>("FROM debian:12\nCOPY app.tar /tmp/\nRUN tar -tf /tmp/app.tar && tar --list -f /tmp/app.tar\n");

    [TestMethod]
    public void Old_style_tar_decompressors_and_heredoc_bodies_count()
    {
        RuleVerifier.Verify<COPT2010AddLocalArchive>("FROM debian:12\nCOPY [|app.tgz|] /tmp/\nRUN cd /opt && tar xzf /tmp/app.tgz\n");
        RuleVerifier.Verify<COPT2010AddLocalArchive>("FROM debian:12\nCOPY [|data.xz|] /tmp/\nRUN unxz /tmp/data.xz\n");
        RuleVerifier.Verify<COPT2010AddLocalArchive>("FROM debian:12\nCOPY [|app.tar.gz|] /tmp/\nRUN <<EOF\nset -e\ntar --extract -f /tmp/app.tar.gz -C /opt\nEOF\n");
    }

    [TestMethod]
    public void Each_extracted_archive_is_reported_once() =>
        RuleVerifier.Verify<COPT2010AddLocalArchive>(
            "FROM debian:12\nCOPY [|a.tar|] b.txt [|c.tar.gz|] /tmp/\nRUN tar -xf /tmp/a.tar && tar -xzf /tmp/c.tar.gz\nRUN tar -xf /tmp/a.tar\n");
}
