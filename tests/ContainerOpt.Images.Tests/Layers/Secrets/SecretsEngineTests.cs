using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Layers.Secrets;

/// <summary>
/// A Dockerfile that copies credentials into the image and deletes two of them in a later RUN, built by the real engine
/// with BuildKit and with the legacy builder and read back with <c>docker save</c>: every credential is an error at the
/// line that copied it (the deleted ones too, naming the layer that deleted them), the look-alikes are not, and no output
/// holds any of their content.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SecretsEngineTests
{
    public const string Dockerfile =
        "FROM containeropt/bookworm-base:1\n" +
        "WORKDIR /app\n" +
        "COPY id_rsa /root/.ssh/id_rsa\n" +
        "COPY .env .env.example NuGet.config ./\n" +
        "COPY server.crt /app/certs/server.crt\n" +
        "COPY npmrc /root/.npmrc\n" +
        "RUN rm /root/.ssh/id_rsa /root/.npmrc\n";

    /// <summary>Writes the Dockerfile and its context; returns a slice of the key's body that must never be printed.</summary>
    public static string WriteContext(string directory)
    {
        Directory.CreateDirectory(directory);
        string key = FakeCredentials.RsaPkcs1();
        File.WriteAllText(Path.Combine(directory, "Dockerfile"), Dockerfile);
        File.WriteAllText(Path.Combine(directory, "id_rsa"), key);
        File.WriteAllBytes(Path.Combine(directory, ".env"), FakeCredentials.Content("env-secret"));
        File.WriteAllText(Path.Combine(directory, ".env.example"), "PORT=8080\nDB_PASSWORD=changeme\n");
        File.WriteAllBytes(Path.Combine(directory, "NuGet.config"), FakeCredentials.Content("nuget-password"));
        File.WriteAllText(Path.Combine(directory, "server.crt"), FakeCredentials.Certificate());
        File.WriteAllBytes(Path.Combine(directory, "npmrc"), FakeCredentials.Content("npm-token"));
        return key.Split('\n')[3];
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Credentials_the_Dockerfile_copies_are_errors_at_their_lines_also_when_deleted_later(bool buildKit)
    {
        DockerEngine.Require();
        string context = Path.Combine(Path.GetTempPath(), "copt-secrets-" + Guid.NewGuid().ToString("N"));
        string keySlice = WriteContext(context);
        string tag = "containeropt-test/secrets-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ":1";
        try
        {
            var build = DockerEngine.Run(new[] { "build", "--network=none", "-t", tag, context }, TimeSpan.FromMinutes(5),
                environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = buildKit ? "1" : "0" });
            Assert.AreEqual(0, build.ExitCode, build.Output);
            var builder = BuilderDetector.Detect(BuilderPreference.Docker, new Dictionary<string, string?> { ["CONTAINEROPT_DOCKER"] = DockerEngine.Client });
            string dockerfile = Path.Combine(context, "Dockerfile");
            ImageReport report = ImageLayers.Attribute(ImageLayers.FromEngine(builder, tag, TimeSpan.FromMinutes(5)), dockerfile);

            int LayerOf(int line) => report.Layers.Single(l => l.DockerfileLine == line && l.Origin == LayerOrigin.Instruction).Index;
            int copyKey = LayerOf(3), copyEnv = LayerOf(4), copyNpmrc = LayerOf(6), remove = LayerOf(7);
            var findings = ImageSecrets.Evaluate(report);
            const string Advice = ": anyone who pulls the image can read it. Keep it out of the image (.dockerignore, no COPY of it), give the build what it needs as a build secret (RUN --mount=type=secret), and rotate it.";
            CollectionAssert.AreEqual(new[]
            {
                $"{dockerfile}(3,1): error COPT3110: Layer {copyKey} adds a private key (RSA) at /root/.ssh/id_rsa; layer {remove} (line 7) deletes it, but layer {copyKey} still holds it{Advice}",
                $"{dockerfile}(4,1): error COPT3110: Layer {copyEnv} adds a .env file with secrets (1 secret variable) at /app/.env{Advice}",
                $"{dockerfile}(4,1): error COPT3110: Layer {copyEnv} adds a NuGet.config with a cleartext password at /app/NuGet.config{Advice}",
                $"{dockerfile}(6,1): error COPT3110: Layer {copyNpmrc} adds an .npmrc with registry credentials (token) at /root/.npmrc; layer {remove} (line 7) deletes it, but layer {copyNpmrc} still holds it{Advice}",
            }, findings.Select(f => f.ToCanonicalString()).ToArray());

            // Nothing any output shows holds the files' content.
            var gates = ImageGates.Results(report, new ImageGateOptions());
            foreach (string output in new[] { ImageReportJson.ToJson(report), ImageReportTable.Format(report), ImageReportHtml.Render(report, gates), string.Join("\n", findings.Select(f => f.Message)) })
            {
                Assert.IsFalse(output.Contains(FakeCredentials.Marker, StringComparison.Ordinal), output);
                Assert.IsFalse(output.Contains(keySlice, StringComparison.Ordinal), output);
                Assert.IsFalse(output.Contains("BEGIN RSA PRIVATE KEY", StringComparison.Ordinal), output);
            }
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
            Directory.Delete(context, recursive: true);
        }
    }
}
