using ContainerOpt.Images.Registry;

namespace ContainerOpt.Images.Tests.Registry;

/// <summary>Which registries may be read over plain HTTP or with an unverified certificate: docker's loopback rule plus those named.</summary>
[TestClass]
public sealed class InsecureRegistryListTests
{
    private static InsecureRegistryList List(string? variable, params string[] named) =>
        InsecureRegistryList.Create(named, name => name == RegistryOptions.InsecureRegistriesVariable ? variable : null);

    [TestMethod]
    [DataRow("localhost", true)]
    [DataRow("localhost:5000", true)]
    [DataRow("LOCALHOST:5000", true)]
    [DataRow("registry.localhost:80", true)]
    [DataRow("127.0.0.1:5000", true)]
    [DataRow("127.1.2.3", true)]
    [DataRow("[::1]:5000", true)]
    [DataRow("::1", true)]
    [DataRow("0.0.0.0:5000", false)]
    [DataRow("10.0.0.5:5000", false)]
    [DataRow("localhost.example.com", false)]
    [DataRow("ghcr.io", false)]
    public void Loopback_registries_are_always_allowed(string registry, bool allowed) =>
        Assert.AreEqual(allowed, List(null).AllowsInsecure(registry));

    [TestMethod]
    [DataRow("10.0.0.5:5000", "10.0.0.5:5000", true)]
    [DataRow("10.0.0.5:5000", "10.0.0.5:5001", false)]
    [DataRow("10.0.0.5", "10.0.0.5:5001", true)]
    [DataRow("http://Registry.Example.com:5000/", "registry.example.com:5000", true)]
    [DataRow("registry.example.com:5000", "registry.example.com", false)]
    public void A_named_host_allows_all_its_ports_and_a_host_with_port_only_that_one(string named, string registry, bool allowed) =>
        Assert.AreEqual(allowed, List(null, named).AllowsInsecure(registry));

    [TestMethod]
    public void The_SDKs_variable_adds_entries_separated_by_commas_or_semicolons()
    {
        InsecureRegistryList list = List(" a.example:1, b.example ;c.example:3;;", "d.example");
        CollectionAssert.AreEquivalent(new[] { "d.example", "a.example:1", "b.example", "c.example:3" }, list.Named.ToArray());
        Assert.IsTrue(list.AllowsInsecure("b.example:443"));
        Assert.IsFalse(list.AllowsInsecure("a.example:2"));
    }
}
