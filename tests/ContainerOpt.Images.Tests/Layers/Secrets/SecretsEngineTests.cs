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

            int LayerOf(int line) => report.Layers.Single(l => l.DockerfileLine == line && report.OriginOf(l) == LayerOrigin.Instruction).Index;
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

    /// <summary>Every kind, one COPY each (two on line 15), and eight look-alikes; line 17 deletes three of the credentials.</summary>
    private const string EveryKindDockerfile =
        "FROM containeropt/bookworm-base:1\n" +                            // 1
        "WORKDIR /app\n" +                                                  // 2
        "COPY id_ed25519 /root/.ssh/id_ed25519\n" +                         // 3
        "COPY id_ed25519.pub /root/.ssh/id_ed25519.pub\n" +                 // 4
        "COPY .env .env.example settings.env ./\n" +                        // 5
        "COPY NuGet.config ./NuGet.config\n" +                              // 6
        "COPY env-nuget/NuGet.config /src/NuGet.config\n" +                 // 7
        "COPY npmrc /root/.npmrc\n" +                                       // 8
        "COPY npmrc-placeholder ./.npmrc\n" +                               // 9
        "COPY aws /root/.aws\n" +                                           // 10
        "COPY docker-auth.json /root/.docker/config.json\n" +               // 11
        "COPY docker-helper.json /home/app/.docker/config.json\n" +         // 12
        "COPY git-credentials /root/.git-credentials\n" +                   // 13
        "COPY pgpass /root/.pgpass\n" +                                     // 14
        "COPY certs ./certs\n" +                                            // 15
        "COPY netrc /root/.netrc\n" +                                       // 16
        "RUN rm /root/.ssh/id_ed25519 /app/.env /root/.npmrc\n" +           // 17
        "COPY gcp.json ./gcp-key.json\n";                                   // 18

    [TestMethod]
    public void Every_kind_a_Dockerfile_copies_is_an_error_and_no_look_alike_is()
    {
        DockerEngine.Require();
        string context = Path.Combine(Path.GetTempPath(), "copt-secrets-" + Guid.NewGuid().ToString("N"));
        void Write(string name, byte[] content)
        {
            string path = Path.Combine(context, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
        void Text(string name, string content) => Write(name, System.Text.Encoding.UTF8.GetBytes(content));
        Text("Dockerfile", EveryKindDockerfile);
        Write("id_ed25519", FakeCredentials.Content("openssh"));
        Text("id_ed25519.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test\n");
        Write(".env", FakeCredentials.Content("env-secret"));
        Write(".env.example", FakeCredentials.Content("env-secret"));
        Write("settings.env", FakeCredentials.Content("env-settings"));
        Write("NuGet.config", FakeCredentials.Content("nuget-password"));
        Write("env-nuget/NuGet.config", FakeCredentials.Content("nuget-env-password"));
        Write("npmrc", FakeCredentials.Content("npm-token"));
        Write("npmrc-placeholder", FakeCredentials.Content("npm-placeholder"));
        Write("aws/credentials", FakeCredentials.Content("aws-credentials"));
        Write("aws/config", FakeCredentials.Content("aws-config"));
        Write("docker-auth.json", FakeCredentials.Content("docker-auth"));
        Write("docker-helper.json", FakeCredentials.Content("docker-helper"));
        Write("git-credentials", FakeCredentials.Content("git-credentials"));
        Write("pgpass", FakeCredentials.Content("pgpass"));
        Write("certs/app.pfx", FakeCredentials.Content("pkcs12"));
        Write("certs/server.key", FakeCredentials.Content("rsa-pkcs8"));
        Write("certs/server.crt", FakeCredentials.Content("certificate"));
        Write("netrc", FakeCredentials.Content("netrc"));
        Write("gcp.json", FakeCredentials.Content("gcp-service-account"));
        string tag = "containeropt-test/secrets-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ":1";
        try
        {
            var build = DockerEngine.Run(new[] { "build", "--network=none", "-t", tag, context }, TimeSpan.FromMinutes(5),
                environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
            Assert.AreEqual(0, build.ExitCode, build.Output);
            var builder = BuilderDetector.Detect(BuilderPreference.Docker, new Dictionary<string, string?> { ["CONTAINEROPT_DOCKER"] = DockerEngine.Client });
            ImageReport report = ImageLayers.Attribute(ImageLayers.FromEngine(builder, tag, TimeSpan.FromMinutes(5)), Path.Combine(context, "Dockerfile"));
            var findings = ImageSecrets.Evaluate(report);
            CollectionAssert.AreEqual(new[]
            {
                "3 COPT3110 /root/.ssh/id_ed25519 a private key (OpenSSH) removed",
                "5 COPT3110 /app/.env a .env file with secrets (1 secret variable) removed",
                "6 COPT3110 /app/NuGet.config a NuGet.config with a cleartext password",
                "8 COPT3110 /root/.npmrc an .npmrc with registry credentials (token) removed",
                "10 COPT3110 /root/.aws/credentials AWS credentials",
                "11 COPT3110 /root/.docker/config.json a Docker config.json with registry credentials",
                "13 COPT3110 /root/.git-credentials git credentials",
                "14 COPT3110 /root/.pgpass a PostgreSQL password file",
                "15 COPT3110 /app/certs/app.pfx a PKCS#12 key store",
                "15 COPT3110 /app/certs/server.key a private key (PKCS#8)",
                "16 COPT3110 /root/.netrc a .netrc with a password",
                "18 COPT3110 /app/gcp-key.json Google Cloud credentials (service-account key)",
            }, findings.Select(f => System.Text.RegularExpressions.Regex.Match(f.Message, "^Layer \\d+ adds (?<what>.+) at (?<path>/[^\\s:;]+)") is var m && m.Success
                ? $"{f.Location.Start.Line} {f.Code} {m.Groups["path"].Value} {m.Groups["what"].Value}{(f.Message.Contains("(line 17) deletes it", StringComparison.Ordinal) ? " removed" : "")}"
                : f.Message).ToArray(), string.Join("\n", findings.Select(f => f.ToCanonicalString())));
            Assert.AreEqual(12, report.Secrets.Count, "nothing else in the image looked like a credential: " + string.Join(", ", report.Secrets));
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
            Directory.Delete(context, recursive: true);
        }
    }
}
