using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Dockerfile.Tests.Semantics;

[TestClass]
public sealed class ImageReferenceTests
{
    [TestMethod]
    public void Docker_defaults_are_the_same_image()
    {
        Assert.IsTrue(ImageReference.SameImage("myapp", "docker.io/library/myapp:latest"));
        Assert.IsTrue(ImageReference.SameImage("team/api:1.2", "index.docker.io/team/api:1.2"));
        Assert.IsFalse(ImageReference.SameImage("myapp:1", "myapp:2"));
        Assert.IsFalse(ImageReference.SameImage("team/api", "other/api"));
    }

    [TestMethod]
    public void Podman_local_names_carry_localhost()
    {
        Assert.IsTrue(ImageReference.SameImage("containeropt-test/podman:abc", "localhost/containeropt-test/podman:abc"));
        Assert.IsTrue(ImageReference.SameImage("localhost/myapp:latest", "myapp"));
        Assert.IsFalse(ImageReference.SameImage("localhost/myapp:1", "myapp:2"));
        Assert.IsFalse(ImageReference.SameImage("registry.example.com/myapp", "localhost/myapp"));
    }

    [TestMethod]
    [DataRow("python", "docker.io", null, "python", "python", null, null)]
    [DataRow("python:3.12-slim", "docker.io", null, "python", "python", "3.12-slim", null)]
    [DataRow("docker.io/library/python:3", "docker.io", "docker.io", "library/python", "python", "3", null)]
    [DataRow("index.docker.io/Team/API:1", "docker.io", "index.docker.io", "Team/API", "team/api", "1", null)]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com", "mcr.microsoft.com", "dotnet/aspnet", "dotnet/aspnet", "10.0", null)]
    [DataRow("localhost:5000/app@sha256:abc", "localhost:5000", "localhost:5000", "app", "app", null, "sha256:abc")]
    [DataRow("localhost/app:1", "localhost", "localhost", "app", "app", "1", null)]
    [DataRow("team/app:1", "docker.io", null, "team/app", "team/app", "1", null)]
    public void References_split_as_docker_splits_them(string text, string registry, string? written, string path, string repository, string? tag, string? digest)
    {
        var image = ImageReference.Parse(text)!;
        Assert.AreEqual(registry, image.Registry);
        Assert.AreEqual(written, image.WrittenRegistry);
        Assert.AreEqual(path, image.Path);
        Assert.AreEqual(repository, image.Repository);
        Assert.AreEqual(tag, image.Tag);
        Assert.AreEqual(digest, image.Digest);
        Assert.AreEqual(tag is null ? -1 : text.LastIndexOf(':') + 1, image.TagStart);
    }

    [TestMethod]
    public void Familiar_names_and_rewrites()
    {
        Assert.AreEqual("python:latest", ImageReference.Parse("docker.io/library/python")!.FamiliarName);
        Assert.AreEqual("ghcr.io/org/app:1", ImageReference.Parse("GHCR.io/org/app:1")!.FamiliarName);
        Assert.AreEqual("python:3.12-slim", ImageReference.Parse("python:3.12@sha256:0")!.WithTag("3.12-slim"));
        Assert.AreEqual("eclipse-temurin:21-jre", ImageReference.Parse("openjdk:21")!.WithRepository("eclipse-temurin", "21-jre"));
        Assert.AreEqual("ghcr.io/x/jre:21", ImageReference.Parse("ghcr.io/x/jdk:21")!.WithRepository("x/jre", "21"));
        Assert.IsTrue(ImageReference.Parse("library/node:20")!.IsOfficial("node"));
        Assert.IsTrue(ImageReference.Parse("mcr.microsoft.com/dotnet/sdk:10.0")!.IsMicrosoft("dotnet/sdk"));
        Assert.IsTrue(ImageReference.Parse("${BASE}:1")!.HasVariables);
    }

    [TestMethod]
    public void Empty_and_multi_word_text_is_not_a_reference()
    {
        Assert.IsNull(ImageReference.Parse(""));
        Assert.IsNull(ImageReference.Parse("  "));
        Assert.IsNull(ImageReference.Parse("a b"));
        Assert.IsNull(ImageReference.Parse(null));
    }

    [TestMethod]
    [DataRow("alpine", true)]
    [DataRow("alpine:3.20", true)]
    [DataRow("Registry.Example.com:5000/org/app:v1", true)]
    [DataRow("org/App", false)]
    [DataRow("Org/app", true)] // a first component with capitals is a registry: the name after it is lower case
    [DataRow("Org/App", false)]
    [DataRow("localhost/App", false)]
    [DataRow("org/app:Tag", true)] // only the name must be lower case, not the tag
    [DataRow("org/app@sha256:0123456789abcdef0123456789abcdef", true)]
    [DataRow("org/App@sha256:0123456789abcdef0123456789abcdef", false)]
    [DataRow("org/\u00e4pp", false)]
    [DataRow(":3.20", false)]
    [DataRow("alpine:", false)]
    [DataRow("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    public void Validity_follows_the_reference_grammar(string text, bool valid) =>
        Assert.AreEqual(valid, ImageReference.IsValid(text));
}
