using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Projects;

/// <summary>Where MSBuild files set a property or add an item: the value's exact span, for findings at the project file.</summary>
[TestClass]
public sealed class ProjectFileLocatorTests
{
    private static SourceText File(string path, string text) => SourceText.From(text, path);

    private static string At(ProjectFileLocation? location) =>
        location is null ? "none" : $"{System.IO.Path.GetFileName(location.Path)}({location.Location.Start.Line},{location.Location.Start.Column},{location.Location.End.Line},{location.Location.End.Column}) '{location.Text}'";

    [TestMethod]
    public void A_property_is_found_at_its_value()
    {
        var project = File("/p/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <ContainerUser>  root </ContainerUser>\n    <ContainerFamily>noble-chiseled</ContainerFamily>\n  </PropertyGroup>\n</Project>\n");
        Assert.AreEqual("App.csproj(3,22,3,26) 'root'", At(ProjectFileLocator.Property(new[] { project }, "ContainerUser", "root")));
        Assert.AreEqual("App.csproj(4,22,4,36) 'noble-chiseled'", At(ProjectFileLocator.Property(new[] { project }, "containerfamily", "noble-chiseled")));
        Assert.AreEqual("none", At(ProjectFileLocator.Property(new[] { project }, "ContainerBaseImage", "x")));
    }

    [TestMethod]
    public void The_definition_that_gave_the_value_wins_in_evaluation_order()
    {
        var props = File("/Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <ContainerUser>root</ContainerUser>\n  </PropertyGroup>\n</Project>\n");
        var project = File("/p/App.csproj", "<Project>\n  <PropertyGroup>\n    <ContainerUser Condition=\"'$(Configuration)' == 'Debug'\">0</ContainerUser>\n    <ContainerUser>app</ContainerUser>\n  </PropertyGroup>\n</Project>\n");
        var files = new[] { props, project };
        Assert.AreEqual("App.csproj(4,20,4,23) 'app'", At(ProjectFileLocator.Property(files, "ContainerUser", "app")));
        // The project's unconditioned value was overridden (a global property, say): the props file's 'root' is the one that matches.
        Assert.AreEqual("Directory.Build.props(3,20,3,24) 'root'", At(ProjectFileLocator.Property(files, "ContainerUser", "root")));
        Assert.AreEqual("App.csproj(3,62,3,63) '0'", At(ProjectFileLocator.Property(files, "ContainerUser", "0")));
        // Set on the command line: no file set it.
        Assert.AreEqual("none", At(ProjectFileLocator.Property(files, "ContainerUser", "1000")));
    }

    [TestMethod]
    public void A_value_computed_from_other_properties_is_found_at_its_expression()
    {
        var project = File("/p/App.csproj", "<Project>\n  <PropertyGroup>\n    <BaseRegistry>registry.example.com</BaseRegistry>\n    <ContainerBaseImage>$(BaseRegistry)/dotnet/aspnet:10.0</ContainerBaseImage>\n  </PropertyGroup>\n</Project>\n");
        Assert.AreEqual("App.csproj(4,25,4,59) '$(BaseRegistry)/dotnet/aspnet:10.0'",
            At(ProjectFileLocator.Property(new[] { project }, "ContainerBaseImage", "registry.example.com/dotnet/aspnet:10.0")));
    }

    [TestMethod]
    public void Properties_set_in_targets_and_elements_elsewhere_do_not_count()
    {
        var project = File("/p/App.csproj", "<Project>\n  <Target Name=\"X\">\n    <PropertyGroup>\n      <ContainerUser>root</ContainerUser>\n    </PropertyGroup>\n  </Target>\n  <ItemGroup>\n    <ContainerUser Include=\"root\" />\n  </ItemGroup>\n</Project>\n");
        Assert.AreEqual("none", At(ProjectFileLocator.Property(new[] { project }, "ContainerUser", "root")));
    }

    [TestMethod]
    public void Items_are_found_at_their_Include()
    {
        var project = File("/p/App.csproj", "<Project>\r\n  <ItemGroup>\r\n    <ContainerPort Include=\"80\" Type=\"tcp\" />\r\n    <ContainerPort Type='udp' Include='5353' />\r\n  </ItemGroup>\r\n</Project>\r\n");
        var items = ProjectFileLocator.Items(new[] { project }, "ContainerPort");
        CollectionAssert.AreEqual(new[] { "80 App.csproj(3,29,3,31) '80'", "5353 App.csproj(4,40,4,44) '5353'" },
            items.Select(i => i.Include + " " + At(i.Location)).ToArray());
    }

    [TestMethod]
    public void An_empty_property_is_the_element_and_a_file_that_does_not_parse_has_no_places()
    {
        var project = File("/p/App.csproj", "<Project>\n  <PropertyGroup>\n    <ContainerUser />\n  </PropertyGroup>\n</Project>\n");
        Assert.AreEqual("App.csproj(3,5,3,22) '<ContainerUser />'", At(ProjectFileLocator.Property(new[] { project }, "ContainerUser", "")));
        var broken = File("/p/Broken.csproj", "<Project>\n  <PropertyGroup>\n    <ContainerUser>root</ContainerUser>\n");
        Assert.AreEqual("none", At(ProjectFileLocator.Property(new[] { broken }, "ContainerUser", "root")));
    }
}
