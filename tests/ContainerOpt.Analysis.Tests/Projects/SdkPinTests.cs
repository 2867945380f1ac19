using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Tests.Projects;

[TestClass]
public sealed class SdkPinTests
{
    [TestMethod]
    public void The_global_json_nearest_the_project_is_read_with_its_policy_and_comments_do_not_matter()
    {
        string root = Path.Combine(Path.GetTempPath(), "containeropt-sdkpin-" + Guid.NewGuid().ToString("N"));
        string project = Path.Combine(root, "src", "Api");
        Directory.CreateDirectory(project);
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        try
        {
            File.WriteAllText(Path.Combine(root, "global.json"), "{\n  // the repository's SDK\n  \"sdk\": {\n    \"version\": \"9.0.100\",\n    \"rollForward\": \"latestMinor\"\n  },\n  \"msbuild-sdks\": { \"X\": \"1.0\" }\n}\n");
            File.WriteAllText(Path.Combine(root, "src", "global.json"), "{ \"sdk\": { \"version\": \"8.0.400\" } }");
            var inputs = RestoreInputFiles.ForProjects(new[] { Path.Combine(project, "Api.csproj") }, Array.Empty<string>());
            var pin = RestoreInputFiles.SdkPin(project, inputs.Concat(new[] { Path.Combine(root, "global.json") }))!;
            Assert.AreEqual("8.0.400", pin.Version.ToNormalizedString());
            Assert.AreEqual("latestPatch", pin.RollForward, "the host's default when a version is given");
            Assert.AreEqual(Path.Combine(root, "src", "global.json"), pin.Path);

            var rootPin = SdkPin.Parse(File.ReadAllText(Path.Combine(root, "global.json")), "g")!;
            Assert.AreEqual("9.0.100 (latestMinor)", rootPin.ToString());
            Assert.IsNull(SdkPin.Parse("{ \"msbuild-sdks\": {} }", "g"));
            Assert.IsNull(SdkPin.Parse("{ \"sdk\": { \"rollForward\": \"latestMajor\" } }", "g"), "no version: nothing is pinned");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
