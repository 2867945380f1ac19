using ContainerOpt.Images.Archives;

namespace ContainerOpt.Images.Tests.Archives;

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
}
