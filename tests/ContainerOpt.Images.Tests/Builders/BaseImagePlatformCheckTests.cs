using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Builders;

[TestClass]
public sealed class BaseImagePlatformCheckTests
{
    private static readonly Dictionary<string, string> Images = new()
    {
        ["arm-image:1"] = "linux/arm64",
        ["amd-image:1"] = "linux/amd64",
        ["armv7-image:1"] = "linux/arm/v7",
        ["arm64v8-image:1"] = "linux/arm64/v8",
    };

    private static IReadOnlyList<Finding> Check(string dockerfile, string? requested = null, string? target = null, string engine = "linux/amd64")
    {
        DockerfileModel model = DockerfileModel.Build(DockerfileParser.Parse(dockerfile, "Dockerfile"));
        return BaseImagePlatformCheck.Run(model, "Dockerfile", engine, requested, target, image => Images.TryGetValue(image, out string? p) ? p : null);
    }

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"{f.Location} {f.Code} {f.Message}"));

    [TestMethod]
    public void ImageOfAnotherArchitecture_IsReportedAtTheImageName()
    {
        var findings = Check("FROM amd-image:1 AS ok\nFROM arm-image:1\nCOPY --from=ok / /\n");
        Assert.AreEqual("(2,6,2,17) COPT1121 Base image arm-image:1 was pulled with platform \"linux/arm64\", expected \"linux/amd64\" for current build. " +
            "Pull it for linux/amd64 ('docker pull --platform=linux/amd64 arm-image:1'), or build for linux/arm64 (--platform=linux/arm64).",
            Describe(findings));
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
        Assert.AreEqual("InvalidBaseImagePlatform", findings[0].Equivalents.Single());
    }

    [TestMethod]
    public void The_dockerfiles_pragmas_apply_as_to_any_rule()
    {
        IReadOnlyList<Finding> Filtered(string dockerfile) =>
            Analysis.Engine.InlineSuppressions.Apply(DockerfileParser.Parse(dockerfile, "Dockerfile"), Check(dockerfile));

        Assert.AreEqual(1, Filtered("FROM arm-image:1\n").Count);
        Assert.AreEqual(0, Filtered("# check=skip=InvalidBaseImagePlatform\nFROM arm-image:1\n").Count);
        Assert.AreEqual(0, Filtered("# containeropt ignore=COPT1121\nFROM arm-image:1\n").Count);
        Assert.AreEqual(0, Filtered("# containeropt global ignore=invalid-base-image-platform\nFROM amd-image:1\nFROM arm-image:1\n").Count);
        var error = Filtered("# check=error=true\nFROM arm-image:1\n").Single();
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity, "check=error=true makes BuildKit's checks errors");
    }

    [TestMethod]
    public void MatchingPlatforms_AreQuiet()
    {
        Assert.AreEqual("", Describe(Check("FROM amd-image:1\n")));
        Assert.AreEqual("", Describe(Check("FROM --platform=linux/arm64 arm-image:1\n")));
        Assert.AreEqual("", Describe(Check("FROM arm-image:1\n", requested: "linux/arm64")));
        Assert.AreEqual("", Describe(Check("FROM --platform=$TARGETPLATFORM arm-image:1\n", requested: "linux/arm64/v8")));
        // As BuildKit: os and architecture are compared, not the variant.
        Assert.AreEqual("", Describe(Check("FROM armv7-image:1\n", requested: "linux/arm/v6")));
        Assert.AreEqual("", Describe(Check("FROM arm64v8-image:1\n", engine: "linux/aarch64")));
    }

    [TestMethod]
    public void PlatformArgs_AreResolvedFromTheBuild()
    {
        Assert.AreEqual("(1,32,1,43) COPT1121 Base image arm-image:1 was pulled with platform \"linux/arm64\", expected \"linux/amd64\" for current build. " +
            "Pull it for linux/amd64 ('docker pull --platform=linux/amd64 arm-image:1'), or build for linux/arm64 (--platform=linux/arm64).",
            Describe(Check("FROM --platform=$BUILDPLATFORM arm-image:1\n", requested: "linux/arm64")));
        Assert.AreEqual("", Describe(Check("ARG P=linux/arm64\nFROM --platform=${P} arm-image:1\n")));
        Assert.AreEqual("(1,6,1,17) COPT1121 Base image amd-image:1 was pulled with platform \"linux/amd64\", expected \"linux/arm64\" for current build. " +
            "Pull it for linux/arm64 ('docker pull --platform=linux/arm64 amd-image:1'), or build for linux/amd64 (--platform=linux/amd64).",
            Describe(Check("FROM amd-image:1\n", requested: "linux/arm64")));
    }

    [TestMethod]
    public void StagesScratchMissingAndUnreachable_AreSkipped()
    {
        Assert.AreEqual("", Describe(Check("FROM scratch\n")));
        Assert.AreEqual("", Describe(Check("FROM not-local:1\n")));
        Assert.AreEqual("", Describe(Check("FROM amd-image:1 AS a\nFROM a\n")));
        // The arm stage is not needed for the target.
        Assert.AreEqual("", Describe(Check("FROM arm-image:1 AS unused\nFROM amd-image:1 AS final\n")));
        Assert.AreEqual("(1,6,1,17)", Check("FROM arm-image:1 AS unused\nFROM amd-image:1 AS final\n", target: "unused").Single().Location.ToString());
    }
}
