using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

/// <summary>
/// The findings about the final image's bytes and layers (COPT3001, COPT3003, COPT3004, COPT3006) keep their rule's
/// severity for an application image and are suggestions for a development, build, test or base image
/// (<see cref="RuleContext.SeverityForImageSize"/>): hand-labelled real Dockerfiles found them low-value there.
/// </summary>
[TestClass]
public sealed class ImageSizeSeverityTests
{
    private const string Steps =
        "RUN apt-get update && apt-get install -y curl\n" +
        "RUN curl -o /tmp/tool.tgz https://example.com/tool.tgz && tar xzf /tmp/tool.tgz -C /opt\n" +
        "RUN rm /tmp/tool.tgz\n" +
        "RUN rm -rf /var/lib/apt/lists/*\n" +
        "RUN echo one > /one\n" +
        "RUN echo two > /two\n" +
        "RUN echo three > /three\n";

    private static string[] Severities<TRule>(string text, string path = "Dockerfile") where TRule : DockerfileRule, new() =>
        RuleVerifier.Run<TRule>(text, path: path).Select(f => $"{f.Code}@{f.Location.Start.Line}:{f.Severity}").ToArray();

    [TestMethod]
    public void An_application_image_gets_the_rules_own_severity()
    {
        const string app = "FROM debian:12\n" + Steps + "CMD [\"/opt/tool/run\"]\n";
        CollectionAssert.AreEqual(new[] { "COPT3001@5:Warning" }, Severities<COPT3001CleanupInLaterLayer>(app));
        CollectionAssert.AreEqual(new[] { "COPT3003@4:Warning" }, Severities<COPT3003AddedThenDeleted>(app));
        CollectionAssert.AreEqual(new[] { "COPT3004@2:Warning" }, Severities<COPT3004PackageCacheLeft>(app));
        CollectionAssert.AreEqual(new[] { "COPT3006@4:" + new COPT3006ConsecutiveRunSameKind().Descriptor.DefaultSeverity }, Severities<COPT3006ConsecutiveRunSameKind>(app));
    }

    [TestMethod]
    [DataRow("Dockerfile.dev", "CMD [\"/opt/tool/run\"]")]
    [DataRow("Dockerfile", "CMD [\"dotnet\", \"watch\", \"run\"]")]
    [DataRow("Dockerfile", "CMD [\"make\", \"test\"]")]
    public void A_development_or_test_image_gets_suggestions(string path, string command)
    {
        string text = "FROM debian:12\n" + Steps + command + "\n";
        CollectionAssert.AreEqual(new[] { "COPT3001@5:Style" }, Severities<COPT3001CleanupInLaterLayer>(text, path));
        CollectionAssert.AreEqual(new[] { "COPT3003@4:Style" }, Severities<COPT3003AddedThenDeleted>(text, path));
        CollectionAssert.AreEqual(new[] { "COPT3004@2:Style" }, Severities<COPT3004PackageCacheLeft>(text, path));
        CollectionAssert.AreEqual(new[] { "COPT3006@4:Style" }, Severities<COPT3006ConsecutiveRunSameKind>(text, path));
    }
}
