using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Builders;

[TestClass]
public sealed class BuildCommandFactoryTests
{
    private static BuilderInfo Builder(BuilderKind kind) =>
        new(kind, kind == BuilderKind.Podman ? "/usr/bin/podman" : "/usr/bin/docker", "20.10.24", "linux/amd64")
        {
            Environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///run/x.sock" },
        };

    private static ImageBuildRequest FullRequest() => new("/src/app", "/src/app/Dockerfile")
    {
        Tags = new[] { "app:1.0", "app:latest" },
        BuildArgs = new[] { new BuildArgument("VERSION", "1.0"), new BuildArgument("NUGET_TOKEN", "tok-123"), new BuildArgument("FEED", "x y", isSecret: true) },
        Target = "final",
        Platforms = new[] { "linux/arm64" },
        Labels = new[] { new KeyValuePair<string, string>("org.opencontainers.image.version", "1.0") },
        Network = "none",
    };

    [TestMethod]
    public void DockerLegacy_ExactArguments()
    {
        BuildCommand command = BuildCommandFactory.Create(FullRequest(), Builder(BuilderKind.DockerLegacy), "/tmp/iid");
        Assert.AreEqual("/usr/bin/docker", command.FileName);
        CollectionAssert.AreEqual(new[]
        {
            "build", "-f", "/src/app/Dockerfile", "-t", "app:1.0", "-t", "app:latest",
            "--build-arg", "VERSION=1.0", "--build-arg", "NUGET_TOKEN", "--build-arg", "FEED",
            "--target", "final", "--platform", "linux/arm64", "--label", "org.opencontainers.image.version=1.0",
            "--network", "none", "--iidfile", "/tmp/iid", "--force-rm", "/src/app",
        }, command.Arguments.ToArray());
        Assert.AreEqual("0", command.Environment["DOCKER_BUILDKIT"]);
        Assert.AreEqual("unix:///run/x.sock", command.Environment["DOCKER_HOST"]);
        // Secret values travel in the child's environment, never in the argument list.
        Assert.AreEqual("tok-123", command.Environment["NUGET_TOKEN"]);
        Assert.AreEqual("x y", command.Environment["FEED"]);
        Assert.IsFalse(command.DisplayText.Contains("tok-123", StringComparison.Ordinal));
    }

    [TestMethod]
    public void DockerBuildKit_ExactArguments()
    {
        var request = new ImageBuildRequest("ctx", "ctx/Dockerfile")
        {
            Tags = new[] { "t" },
            NoCache = true,
            Pull = true,
            CacheFrom = new[] { "registry.example/app:cache" },
            Secrets = new[] { SecretMount.FromFile("nuget", "/home/me/nuget.txt") },
        };
        BuildCommand command = BuildCommandFactory.Create(request, Builder(BuilderKind.DockerBuildKit), "iid");
        CollectionAssert.AreEqual(new[]
        {
            "build", "--progress=plain", "-f", "ctx/Dockerfile", "-t", "t", "--no-cache", "--pull",
            "--cache-from", "registry.example/app:cache", "--secret", "id=nuget,src=/home/me/nuget.txt", "--iidfile", "iid", "ctx",
        }, command.Arguments.ToArray());
        Assert.AreEqual("1", command.Environment["DOCKER_BUILDKIT"]);
        Assert.AreEqual("/usr/bin/docker build --progress=plain -f ctx/Dockerfile -t t --no-cache --pull --cache-from registry.example/app:cache --secret id=nuget,src=/home/me/nuget.txt --iidfile iid ctx", command.DisplayText);
    }

    [TestMethod]
    public void Buildx_ExactArguments()
    {
        var request = new ImageBuildRequest("ctx", "ctx/Dockerfile")
        {
            Tags = new[] { "t" },
            BuilderName = "remote-kit",
            CacheFrom = new[] { "type=local,src=/cache" },
            CacheTo = new[] { "type=local,dest=/cache,mode=max" },
            Secrets = new[] { SecretMount.FromEnvironment("gh", "GH_TOKEN") },
            Platforms = new[] { "linux/amd64" },
        };
        BuildCommand command = BuildCommandFactory.Create(request, Builder(BuilderKind.Buildx), "iid");
        CollectionAssert.AreEqual(new[]
        {
            "buildx", "build", "--builder", "remote-kit", "--load", "--progress=plain", "-f", "ctx/Dockerfile", "-t", "t",
            "--platform", "linux/amd64", "--cache-from", "type=local,src=/cache", "--cache-to", "type=local,dest=/cache,mode=max",
            "--secret", "id=gh,env=GH_TOKEN", "--iidfile", "iid", "ctx",
        }, command.Arguments.ToArray());
        Assert.IsFalse(command.Environment.ContainsKey("DOCKER_BUILDKIT"));
    }

    [TestMethod]
    public void Buildx_PushesSeveralPlatforms()
    {
        var request = new ImageBuildRequest("ctx", "Dockerfile") { Push = true, Platforms = new[] { "linux/amd64", "linux/arm64" } };
        BuildCommand command = BuildCommandFactory.Create(request, Builder(BuilderKind.Buildx), "iid");
        CollectionAssert.AreEqual(new[]
        {
            "buildx", "build", "--push", "--progress=plain", "-f", "Dockerfile", "--platform", "linux/amd64,linux/arm64", "--iidfile", "iid", "ctx",
        }, command.Arguments.ToArray());
    }

    [TestMethod]
    public void Podman_ExactArguments()
    {
        var request = FullRequest();
        request = new ImageBuildRequest(request.ContextDirectory, request.DockerfilePath)
        {
            Tags = request.Tags,
            BuildArgs = request.BuildArgs,
            Target = request.Target,
            Labels = request.Labels,
            Network = "none",
            Pull = true,
            CacheFrom = new[] { "quay.io/me/cache" },
        };
        BuildCommand command = BuildCommandFactory.Create(request, Builder(BuilderKind.Podman), "/tmp/iid");
        Assert.AreEqual("/usr/bin/podman", command.FileName);
        CollectionAssert.AreEqual(new[]
        {
            "build", "--layers", "-f", "/src/app/Dockerfile", "-t", "app:1.0", "-t", "app:latest",
            "--build-arg", "VERSION=1.0", "--build-arg", "NUGET_TOKEN=tok-123", "--build-arg", "FEED=x y",
            "--target", "final", "--label", "org.opencontainers.image.version=1.0", "--network", "none", "--pull=always",
            "--cache-from", "quay.io/me/cache", "--iidfile", "/tmp/iid", "/src/app",
        }, command.Arguments.ToArray());
        Assert.IsFalse(command.Environment.ContainsKey("DOCKER_BUILDKIT"));
        Assert.AreEqual("/usr/bin/podman build --layers -f /src/app/Dockerfile -t app:1.0 -t app:latest --build-arg VERSION=1.0 --build-arg NUGET_TOKEN=*** --build-arg FEED=*** --target final --label org.opencontainers.image.version=1.0 --network none --pull=always --cache-from quay.io/me/cache --iidfile /tmp/iid /src/app",
            command.DisplayText);
    }

    [TestMethod]
    [DataRow(BuilderKind.DockerBuildKit, "cacheTo", "--cache-to (type=local,dest=/c) needs docker buildx: docker build can only read a cache. Set ContainerOptBuilder=buildx")]
    [DataRow(BuilderKind.DockerLegacy, "cacheTo", "--cache-to (type=local,dest=/c) needs docker buildx: docker build can only read a cache. Set ContainerOptBuilder=buildx")]
    [DataRow(BuilderKind.DockerBuildKit, "typedCacheFrom", "cache 'type=local,src=/c': docker build takes image references only; typed caches (type=local, type=registry, type=gha) need docker buildx (ContainerOptBuilder=buildx)")]
    [DataRow(BuilderKind.DockerBuildKit, "builderName", "a builder instance ('kit') is a buildx option; docker build has none. Set ContainerOptBuilder=buildx (CLI: --builder buildx)")]
    [DataRow(BuilderKind.Podman, "push", "podman cannot push while building; push with buildx (ContainerOptBuilder=buildx) or push the tag afterwards")]
    [DataRow(BuilderKind.Buildx, "twoPlatforms", "2 platforms (linux/amd64,linux/arm64): only buildx pushing to a registry builds several at once (the engine's image store holds one); give one platform")]
    [DataRow(BuilderKind.DockerLegacy, "secret", "build secrets (nuget) need BuildKit; the legacy builder was chosen (DOCKER_BUILDKIT=0?). Unset DOCKER_BUILDKIT or set it to 1")]
    [DataRow(BuilderKind.DockerBuildKit, "envSecret", "secret 'gh' from the variable GH_TOKEN: docker build reads secrets from files (src=); use a file or docker buildx")]
    public void UnsupportedCombinations_AreRefusedWithTheReason(BuilderKind kind, string option, string reason)
    {
        var request = option switch
        {
            "cacheTo" => new ImageBuildRequest("c", "D") { CacheTo = new[] { "type=local,dest=/c" } },
            "typedCacheFrom" => new ImageBuildRequest("c", "D") { CacheFrom = new[] { "type=local,src=/c" } },
            "builderName" => new ImageBuildRequest("c", "D") { BuilderName = "kit" },
            "push" => new ImageBuildRequest("c", "D") { Push = true },
            "twoPlatforms" => new ImageBuildRequest("c", "D") { Platforms = new[] { "linux/amd64", "linux/arm64" } },
            "secret" => new ImageBuildRequest("c", "D") { Secrets = new[] { SecretMount.FromFile("nuget", "/n") } },
            _ => new ImageBuildRequest("c", "D") { Secrets = new[] { SecretMount.FromEnvironment("gh", "GH_TOKEN") } },
        };
        var e = Assert.ThrowsExactly<ImageBuilderException>(() => BuildCommandFactory.Create(request, Builder(kind), "iid"));
        Assert.AreEqual("COPT0014", e.Code);
        Assert.AreEqual("The image build failed at 'the build options': " + reason, e.Message);
    }

    [TestMethod]
    public void BuildArgument_RejectsBadNames()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new BuildArgument("A=B", "x"));
        Assert.ThrowsExactly<ArgumentException>(() => new BuildArgument("", "x"));
        Assert.IsTrue(new BuildArgument("NUGET_PAT", "x").IsSecret);
        Assert.IsFalse(new BuildArgument("PATH_BASE", "x").IsSecret);
        Assert.AreEqual("NUGET_PAT=***", new BuildArgument("NUGET_PAT", "x").ToString());
    }
}
