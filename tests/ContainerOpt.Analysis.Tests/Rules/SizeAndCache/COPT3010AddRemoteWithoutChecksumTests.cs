using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3010AddRemoteWithoutChecksumTests
{
    [TestMethod]
    public void A_remote_ADD_without_checksum_is_reported_at_the_url()
    {
        var findings = RuleVerifier.Verify<COPT3010AddRemoteWithoutChecksum>(
            "FROM debian:12-slim\nADD [|https://example.com/tool-1.2.tgz|] /opt/\n");
        Assert.AreEqual(
            "ADD of 'https://example.com/tool-1.2.tgz' has no --checksum: the build takes whatever the server sends, and the cache cannot know it is unchanged without fetching it again. Add --checksum=sha256:<digest of the file>, or download it with curl in a RUN and verify it (sha256sum -c).",
            findings[0].Message);
    }

    [TestMethod]
    public void Checksums_local_sources_and_COPY_are_fine() =>
        RuleVerifier.Verify<COPT3010AddRemoteWithoutChecksum>(
            "FROM debian:12-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /opt/\n" +
            "ADD app.tar.gz /opt/app/\nCOPY https-notes.txt /doc/\nADD [\"config/\", \"/etc/app/\"]\n");

    [TestMethod]
    public void Git_sources_need_a_pinned_commit()
    {
        var findings = RuleVerifier.Verify<COPT3010AddRemoteWithoutChecksum>(
            "FROM debian:12-slim\nADD [|https://github.com/moby/buildkit.git#v0.14.1|] /src/buildkit\nADD [|git@github.com:example/private.git|] /src/private\n" +
            "ADD https://github.com/moby/buildkit.git#8c1f1e6a3b2d4c5e6f708192a3b4c5d6e7f80912 /src/pinned\n");
        StringAssert.EndsWith(findings[0].Message, "Pin the commit: ADD --checksum=<commit sha> (Dockerfile syntax 1.10+) or end the URL with #<commit sha>.");
    }

    [TestMethod]
    public void Every_url_of_every_stage_and_onbuild_add_is_checked()
    {
        RuleVerifier.Verify<COPT3010AddRemoteWithoutChecksum>(
            "ARG BASE=https://example.com\nFROM debian:12-slim AS build\nARG BASE\nADD [|${BASE}/a.tgz|] [|http://example.com/b.tgz|] /opt/\nFROM debian:12-slim\nONBUILD ADD [|https://example.com/c.tgz|] /opt/\nADD [[|\"https://example.com/d.tgz\"|], \"/opt/\"]\n");
        // A global ARG not declared again in the stage is empty there: the source is no URL.
        RuleVerifier.Verify<COPT3010AddRemoteWithoutChecksum>("ARG BASE=https://example.com\nFROM debian:12-slim\nADD ${BASE}/a.tgz /opt/\n");
    }
}
