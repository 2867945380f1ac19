using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

[TestClass]
public sealed class PackageManagerFactsTests
{
    private static DockerfileFacts FactsOf(string text) =>
        new(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(text, "Dockerfile"))));

    private static PackageCall OnlyCall(string run)
    {
        var facts = FactsOf("FROM alpine:3.20\nRUN " + run + "\n");
        return facts.RunSteps.All.Single().PackageCalls.Single().Call;
    }

    [TestMethod]
    public void One_option_table_per_manager_reads_every_value_flag()
    {
        var apk = OnlyCall("apk add --timeout 5 --virtual .build curl");
        Assert.AreEqual("apk", apk.Manager);
        Assert.AreEqual("add", apk.Verb);
        CollectionAssert.AreEqual(new[] { "curl" }, apk.Operands.Select(o => o.Value).ToArray());

        var apt = OnlyCall("apt-get install -y --default-release bookworm-backports -t stable jq");
        Assert.AreEqual("apt-get install", apt.Display);
        CollectionAssert.AreEqual(new[] { "jq" }, apt.Operands.Select(o => o.Value).ToArray());

        var pip = OnlyCall("python3 -m pip install --index-url https://x/simple --cache-dir /c flask==3.0");
        Assert.AreEqual("pip", pip.Manager);
        Assert.AreEqual("python3 -m pip install", pip.Display);
        CollectionAssert.AreEqual(new[] { "flask==3.0" }, pip.Operands.Select(o => o.Value).ToArray());
        CollectionAssert.AreEqual(new[] { "flask" }, pip.PackageNames.ToArray());

        var dnf = OnlyCall("microdnf --setopt=x=1 -c /etc/dnf.conf module install nodejs:18");
        Assert.AreEqual("dnf", dnf.Manager);
        Assert.AreEqual("module install", dnf.Verb);
        Assert.IsNotNull(Rpm.InstallPackages(dnf, out bool isModule));
        Assert.IsTrue(isModule);
    }

    [TestMethod]
    public void Every_rule_reads_the_same_apk_command_the_same_way()
    {
        // apk add --timeout 5 curl: '5' is the timeout, not a package, for the pin rule and the cache rules alike.
        var findings = new DockerfileAnalyzer().Analyze(SourceText.From("FROM alpine:3.20\nRUN apk add --timeout 5 curl\n", "Dockerfile")).Findings;
        var pin = findings.Single(f => f.Code == "COPT2018");
        StringAssert.Contains(pin.Message, "'curl'");
        Assert.AreEqual(new LinePosition(2, 25), pin.Location.Start);
        Assert.IsFalse(findings.Any(f => f.Message.Contains("'5'", StringComparison.Ordinal)));
        // hadolint's DL3019 finding is carried by COPT3004 (the cache rule stands in for it on the same line).
        var cache = findings.Single(f => f.Code == "COPT3004");
        CollectionAssert.AreEqual(new[] { "DL3019" }, cache.Equivalents.ToArray());
    }

    [TestMethod]
    public void Calls_are_classified_once_per_step()
    {
        var step = FactsOf("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n").RunSteps.All.Single();
        var first = step.Calls;
        Assert.AreSame(first, step.Calls, "the calls are a fact of the step, not recomputed per read");
        CollectionAssert.AreEqual(new[] { "apt-get update", "apt-get install", null },
            step.Calls.Select(c => c?.Display).ToArray());
    }
}
