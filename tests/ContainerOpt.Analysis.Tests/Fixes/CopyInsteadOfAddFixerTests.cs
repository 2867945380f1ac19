using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Fixes;

/// <summary>COPT2020 (hadolint DL3020): ADD of plain local files becomes COPY, and only when COPY does the same.</summary>
[TestClass]
public sealed class CopyInsteadOfAddFixerTests
{
    [TestMethod]
    public void Add_of_local_files_becomes_copy_with_its_flags() =>
        FixVerifier.Verify<COPT2020CopyInsteadOfAdd>(
            "FROM alpine:3.20\nADD --chown=app:app --chmod=644 app.conf site/ /etc/app/\nadd ./bin /usr/local/bin\n",
            "FROM alpine:3.20\nCOPY --chown=app:app --chmod=644 app.conf site/ /etc/app/\ncopy ./bin /usr/local/bin\n");

    [TestMethod]
    public void A_source_through_a_known_variable_is_local_too() =>
        FixVerifier.Verify<COPT2020CopyInsteadOfAdd>(
            "FROM alpine:3.20\nARG CONF=app.conf\nADD ${CONF} /etc/app/\n",
            "FROM alpine:3.20\nARG CONF=app.conf\nCOPY ${CONF} /etc/app/\n");

    [TestMethod]
    [DataRow("ADD app.conf https://example.com/tool.tgz /opt/")]
    [DataRow("ADD app.conf rootfs.tar.gz /")]
    [DataRow("ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d app.conf /etc/")]
    [DataRow("ADD --keep-git-dir=true app.conf /etc/")]
    [DataRow("ADD --unpack=false app.conf /etc/")]
    public void Add_that_does_more_than_copy_stays(string add) =>
        FixVerifier.Unchanged<COPT2020CopyInsteadOfAdd>("FROM alpine:3.20\n" + add + "\n");
}
