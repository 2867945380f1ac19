using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2062GoInstallPinVersionsTests
{
    [TestMethod]
    public void Go_install_without_a_version_or_at_latest_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT2062GoInstallPinVersions>(
            "FROM golang:1.23\nRUN go install [|example.com/pkg|]\nRUN go install [|example.com/pkg@latest|]\nRUN go install example.com/pkg@v1.2.3\n"
            + "ONBUILD RUN go install [|example.com/pkg|]\nONBUILD RUN go install [|example.com/pkg@latest|]\nONBUILD RUN go install example.com/pkg@v1.2.3\n");
        Assert.AreEqual(
            "Pin the version of 'example.com/pkg' in go install (go install example.com/pkg@<version>; @latest and @none are not versions) so rebuilds build the same code.",
            findings[0].Message);
        StringAssert.Contains(findings[1].Message, "(go install example.com/pkg@<version>;");
    }

    [TestMethod]
    public void Local_paths_are_fine() =>
        RuleVerifier.Verify<COPT2062GoInstallPinVersions>(
            "FROM golang:1.23\nRUN go install /go/app/foobar && go install ./app/foobar && go install . && go install ./...\n"
            + "RUN go run /go/app/foobar && go run ./app/foobar && go run . && go run main.go\nRUN go install\n");

    [TestMethod]
    public void Go_install_tool_checks_the_tool() =>
        RuleVerifier.Verify<COPT2062GoInstallPinVersions>(
            "FROM golang:1.24\nRUN go install tool [|foobar|]\nRUN go install tool [|foobar@latest|]\nRUN go install tool foobar@v1.2.3\n");

    [TestMethod]
    public void Go_get_is_checked_with_and_without_tool() =>
        RuleVerifier.Verify<COPT2062GoInstallPinVersions>(
            "FROM golang:1.24\nRUN go get [|example.com/pkg|]\nRUN go get [|example.com/pkg@latest|]\nRUN go get example.com/pkg@v1.2.3\n"
            + "RUN go get -tool [|foobar|]\nRUN go get -tool [|foobar@latest|]\nRUN go get -tool foobar@v1.2.3\nRUN go get [|example.com/old@none|]\n");

    [TestMethod]
    public void Go_run_checks_only_the_package_not_its_arguments() =>
        RuleVerifier.Verify<COPT2062GoInstallPinVersions>(
            "FROM golang:1.23\nRUN go run [|example.com/pkg|]\nRUN go run [|example.com/pkg@latest|]\nRUN go run example.com/pkg@v1.2.3\n"
            + "RUN go run example.com/pkg@v1.2.3 -f && go run example.com/pkg@v1.2.3 -foobar && go run example.com/pkg@v1.2.3 --foobar\n"
            + "RUN go run example.com/pkg@v1.2.3 foobar && go run example.com/pkg@v1.2.3 --foo bar\n"
            + "ONBUILD RUN go run [|example.com/pkg|]\n");

    [TestMethod]
    public void Build_flag_values_are_not_packages() =>
        RuleVerifier.Verify<COPT2062GoInstallPinVersions>(
            "FROM golang:1.23\nRUN go install -tags netgo -ldflags \"-s -w\" github.com/a/b/cmd/x@v1.0.0 && go install -mod=mod [|github.com/c/d|]\n"
            + "RUN go run -exec wrapper example.com/pkg@v1.2.3 arg\n");

    [TestMethod]
    public void Every_go_command_of_a_run_is_checked_and_others_ignored() =>
        RuleVerifier.Verify<COPT2062GoInstallPinVersions>(
            "FROM golang:1.23\nRUN go run example.com/gen@v1.0.0 && go install [|example.com/tool|] && go build -o /app ./cmd && go mod download\n"
            + "RUN <<EOF\nenv CGO_ENABLED=0 go install [|golang.org/x/tools/gopls|]\nEOF\n");
}
