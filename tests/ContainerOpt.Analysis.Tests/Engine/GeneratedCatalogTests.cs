using System.Reflection;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Analysis.Rules;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>
/// The rule and fixer catalogues are listed at compile time (ContainerOpt.Analysis.Generators): they hold exactly the classes
/// that reflection over the assembly finds, once each, ordered by code.
/// </summary>
[TestClass]
public sealed class GeneratedCatalogTests
{
    [TestMethod]
    public void The_rule_catalogue_holds_every_rule_class_of_the_assembly_once()
    {
        var listed = RuleCatalog.Rules.Select(r => r.GetType().FullName!).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(ConcreteClassesDerivingFrom(typeof(DockerfileRule)), listed);
        Assert.IsTrue(listed.Length >= 130, "the rules are all there: " + listed.Length);
    }

    [TestMethod]
    public void The_fixer_catalogue_holds_every_fixer_class_of_the_assembly_once()
    {
        var listed = FixerCatalog.Fixers.Select(f => f.GetType().FullName!).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(ConcreteClassesDerivingFrom(typeof(DockerfileFixer)), listed);
        Assert.IsTrue(listed.Length >= 30, "the fixers are all there: " + listed.Length);
    }

    [TestMethod]
    public void Both_catalogues_are_ordered_by_code_with_no_code_twice()
    {
        AssertStrictlyIncreasing(RuleCatalog.Rules.Select(r => r.Descriptor.Id).ToArray());
        AssertStrictlyIncreasing(FixerCatalog.Fixers.Select(f => f.Descriptor.Id).ToArray());
    }

    [TestMethod]
    public void A_fixer_is_found_by_its_code_in_any_casing()
    {
        var fixer = FixerCatalog.Fixers[0];
        Assert.AreSame(fixer, FixerCatalog.For(fixer.Descriptor.Id.ToLowerInvariant()));
        Assert.IsNull(FixerCatalog.For("COPT0000"));
    }

    /// <summary>What the catalogues found by reflection before they were generated: every non-abstract class with a public parameterless constructor.</summary>
    private static string[] ConcreteClassesDerivingFrom(Type baseClass) =>
        baseClass.Assembly.GetTypes()
            .Where(t => !t.IsAbstract && baseClass.IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static void AssertStrictlyIncreasing(string[] codes)
    {
        for (int i = 1; i < codes.Length; i++)
        {
            Assert.IsTrue(string.CompareOrdinal(codes[i - 1], codes[i]) < 0, codes[i - 1] + " before " + codes[i]);
        }
    }
}
