using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2070GoCacheMountTests
{
    [TestMethod]
    public void A_go_build_without_a_cache_mount_is_reported_at_go()
    {
        var findings = RuleVerifier.Verify<COPT2070GoCacheMount>("FROM golang:1.22\nRUN [|go|] build -o /app ./...\n");
        StringAssert.StartsWith(findings[0].Message, "'go build' fills Go's build and module caches");
        CollectionAssert.AreEqual(new[] { "DL3070" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void A_module_download_is_named_with_its_mod_command()
    {
        var findings = RuleVerifier.Verify<COPT2070GoCacheMount>("FROM golang:1.22\nRUN [|go|] mod download\n");
        StringAssert.StartsWith(findings[0].Message, "'go mod download' fills");
    }

    [TestMethod]
    public void Downloads_tests_and_installs_are_reported_once_per_run() =>
        RuleVerifier.Verify<COPT2070GoCacheMount>(
            "FROM golang:1.22\nRUN [|go|] mod download && go build ./...\nRUN [|go|] get example.com/x@v1\nONBUILD RUN [|go|] test ./...\nRUN go version && go env\n");

    [TestMethod]
    public void A_mount_on_either_cache_is_fine() =>
        RuleVerifier.Verify<COPT2070GoCacheMount>(
            "FROM golang:1.22\nRUN --mount=type=cache,target=/root/.cache/go-build go build ./...\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n"
            + "RUN --mount=type=tmpfs,target=/root/.cache/go-build go test ./...\n");

    [TestMethod]
    public void A_mount_elsewhere_does_not_count() =>
        RuleVerifier.Verify<COPT2070GoCacheMount>("FROM golang:1.22\nRUN --mount=type=cache,target=/wrong/path [|go|] build ./...\n");
}
