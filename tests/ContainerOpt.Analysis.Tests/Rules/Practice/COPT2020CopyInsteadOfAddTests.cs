using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2020CopyInsteadOfAddTests
{
    [TestMethod]
    public void Add_of_a_plain_file_is_reported_at_the_keyword()
    {
        var findings = RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\n[|ADD|] file /usr/src/app/\n");
        Assert.AreEqual("Use COPY instead of ADD for 'file': ADD is only needed to fetch a URL or extract a local archive, and its extra behaviour surprises readers.", findings[0].Message);
        CollectionAssert.AreEqual(new[] { "DL3020" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Archives_and_urls_need_add() =>
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>(
            "FROM scratch\nADD file.tar /usr/src/app/\nADD file.gz /usr/src/app/\nADD file.bz2 /usr/src/app/\nADD file.xz /usr/src/app/\n" +
            "ADD file.tgz /usr/src/app/\nADD http://file.com /usr/src/app/\nADD \"file.tgz\" /usr/src/app/\nADD \"http://file.com\" /usr/src/app/\n" +
            "ADD git@github.com:moby/buildkit.git /src\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n");

    [TestMethod]
    public void Zip_is_not_extracted_by_add()
    {
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\n[|ADD|] file.zip /usr/src/app/\n");
        var findings = RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\n[|ADD|] \"file.zip\" /usr/src/app/\n");
        StringAssert.StartsWith(findings[0].Message, "Use COPY instead of ADD for 'file.zip'");
    }

    [TestMethod]
    public void One_plain_source_among_archives_is_reported_once() =>
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\n[|ADD|] a.tar b.txt c.txt /opt/\n");

    [TestMethod]
    public void Variables_are_judged_by_their_value()
    {
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\nADD $URL /x\n");
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\nARG SRC=https://example.com/a.bin\nADD ${SRC} /x\n");
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\nARG SRC=app.conf\n[|ADD|] ${SRC} /etc/\n");
    }

    [TestMethod]
    public void Json_form_heredoc_and_onbuild_are_checked()
    {
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\n[|ADD|] [\"app.conf\", \"/etc/\"]\n");
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\n[|ADD|] <<EOF /etc/motd\nhello\nEOF\n");
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\nONBUILD [|ADD|] . /app/src\n");
    }

    [TestMethod]
    public void Copy_is_not_add() =>
        RuleVerifier.Verify<COPT2020CopyInsteadOfAdd>("FROM scratch\nCOPY file /usr/src/app/\n");
}
