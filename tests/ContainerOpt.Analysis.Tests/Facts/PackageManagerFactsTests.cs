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

    [TestMethod]
    [DataRow("curl=7.88", "curl")]
    [DataRow("flask==3.0", "flask")]
    [DataRow("flask>=3", "flask")]
    [DataRow("express@4", "express")]
    [DataRow("@scope/pkg@1", "@scope/pkg")]
    [DataRow("@scope/pkg", "@scope/pkg")]
    [DataRow("requests[socks]~=2.0", "requests")]
    [DataRow("=1.0", "=1.0")]
    [DataRow("jq", "jq")]
    public void StripVersion_gives_the_bare_name(string package, string name) =>
        Assert.AreEqual(name, PackageManagers.StripVersion(package));

    [TestMethod]
    [DataRow("libssl-dev", true)]
    [DataRow("openssl-devel", true)]
    [DataRow("x-dev", true)]
    [DataRow("-dev", false)]
    [DataRow("-devel", false)]
    [DataRow("x-devel", true)]
    [DataRow("libdev-tools", false)]
    [DataRow("openjdk-17-jdk-headless", true)]
    [DataRow("openjdk17", true)]
    [DataRow("openjdk-17-jre", false)]
    [DataRow("java-17-openjdk-devel", true)]
    [DataRow("dotnet-sdk-8.0", true)]
    [DataRow("gcc-12", true)]
    [DataRow("gcc-", false)]
    [DataRow("g++-13", true)]
    [DataRow("clang-18", true)]
    [DataRow("curl", false)]
    [DataRow("make", true)]
    public void Build_packages_are_the_named_tools_and_the_tool_pattern(string name, bool isBuild) =>
        Assert.AreEqual(isBuild, ToolchainPackages.IsBuildPackage(name));

    [TestMethod]
    [DataRow("pip install flask", "pip")]
    [DataRow("pip3 install flask", "pip")]
    [DataRow("pip3.12 install flask", "pip")]
    [DataRow("python3.12 -m pip install flask", "pip")]
    [DataRow("pip3. install flask", null)]
    [DataRow("pip3.12.1 install flask", null)]
    [DataRow("pipx install flask", null)]
    [DataRow("python3x -m pip install flask", null)]
    public void Pip_and_python_are_known_with_a_version_or_none(string run, string? manager)
    {
        var calls = FactsOf("FROM python:3.12\nRUN " + run + "\n").RunSteps.All.Single().PackageCalls;
        Assert.AreEqual(manager, calls.Count == 0 ? null : calls[0].Call.Manager);
    }

    [TestMethod]
    [DataRow("cargo", "cargo build --release", "cargo build")]
    [DataRow("go", "go mod download", "go mod download")]
    [DataRow("maven", "./mvnw -B package", "mvnw package")]
    [DataRow("gradle", "gradle build", "gradle build")]
    [DataRow("composer", "composer install", "composer install")]
    [DataRow("nuget", "dotnet restore", "dotnet restore")]
    [DataRow("nuget", "nuget restore", "nuget restore")]
    [DataRow("pnpm", "pnpm install", "pnpm install")]
    [DataRow("mix", "mix deps.get", "mix deps.get")]
    [DataRow("gem", "sudo bundle install", "bundle install")]
    public void Each_dependency_cache_is_filled_by_its_programs(string tool, string run, string use)
    {
        var cache = new[]
        {
            DependencyCaches.Cargo, DependencyCaches.GoModules, DependencyCaches.MavenRepository, DependencyCaches.GradleHome,
            DependencyCaches.ComposerCache, DependencyCaches.NuGetPackages, DependencyCaches.PnpmStore, DependencyCaches.HexPackages,
            DependencyCaches.GemCache,
        }.Single(c => c.Tool == tool);
        var step = FactsOf("FROM debian:12\nRUN echo start && " + run + "\n").RunSteps.All.Single();
        var found = cache.FirstUnmountedUse(step);
        Assert.IsNotNull(found);
        Assert.AreEqual(use, found.Value.Use);
        Assert.AreEqual(1, found.Value.At.Index);
        Assert.IsNull(cache.FirstUnmountedUse(FactsOf("FROM debian:12\nRUN echo " + run + "\n").RunSteps.All.Single()));
    }
}
