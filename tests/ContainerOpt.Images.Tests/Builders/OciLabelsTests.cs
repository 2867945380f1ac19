using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Builders;

[TestClass]
public sealed class OciLabelsTests
{
    [TestMethod]
    public void From_WritesEveryGivenAnnotationInOrder()
    {
        var labels = OciLabels.From(new OciProjectMetadata
        {
            Version = "1.4.0-beta.2",
            SourceUrl = "https://ci-user:ghp_secret@github.com/contoso/shop.git",
            Revision = "0123456789abcdef0123456789abcdef01234567",
            Title = "Shop.Api",
            Description = "  The shop's API  ",
            Authors = "Contoso",
            Created = new DateTimeOffset(2024, 5, 6, 9, 8, 7, TimeSpan.FromHours(2)),
        });
        CollectionAssert.AreEqual(new[]
        {
            "org.opencontainers.image.created=2024-05-06T07:08:07Z",
            "org.opencontainers.image.version=1.4.0-beta.2",
            "org.opencontainers.image.source=https://github.com/contoso/shop",
            "org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567",
            "org.opencontainers.image.title=Shop.Api",
            "org.opencontainers.image.description=The shop's API",
            "org.opencontainers.image.authors=Contoso",
        }, labels.Select(l => l.Key + "=" + l.Value).ToArray());
    }

    [TestMethod]
    public void From_LeavesOutEmptyValues()
    {
        var labels = OciLabels.From(new OciProjectMetadata { Version = "2.0.0", Title = " ", SourceUrl = "git@github.com:contoso/shop.git" });
        CollectionAssert.AreEqual(new[]
        {
            "org.opencontainers.image.version=2.0.0",
            "org.opencontainers.image.source=git@github.com:contoso/shop",
        }, labels.Select(l => l.Key + "=" + l.Value).ToArray());
    }
}
