using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Layers.Secrets;
using ContainerOpt.Images.Reporting;
using ContainerOpt.Images.Tests.Archives;

namespace ContainerOpt.Images.Tests.Layers.Secrets;

/// <summary>
/// Credential files at the image level: the layer that adds each, the later layer that deletes, overwrites or hides it
/// (the file is reported all the same), the finding's code by the layer's origin, its exact message and line; and the
/// JSON and table that list them — never their content.
/// </summary>
[TestClass]
public sealed class ImageSecretsTests
{
    private const string Dockerfile =
        "FROM base:1\n" +
        "COPY id_rsa /root/.ssh/id_rsa\n" +
        "COPY .env /app/.env\n" +
        "RUN rm /root/.ssh/id_rsa\n";

    private static readonly string[] CreatedBy =
    {
        null!,
        "COPY id_rsa /root/.ssh/id_rsa # buildkit",
        "COPY .env /app/.env # buildkit",
        "RUN /bin/sh -c rm /root/.ssh/id_rsa # buildkit",
    };

    private static byte[][] Layers() => new[]
    {
        new TestTarWriter().File("etc/os-release", 100).File("etc/ssl/private/ssl-cert-snakeoil.key", FakeCredentials.Content("rsa-pkcs8")).Finish(),
        new TestTarWriter().Directory("root/.ssh").File("root/.ssh/id_rsa", FakeCredentials.Content("openssh")).Finish(),
        new TestTarWriter().File("app/.env", FakeCredentials.Content("env-secret"))
            .File("app/node_modules/ssh2/test/fixtures/id_rsa", FakeCredentials.Content("rsa-pkcs1")).Finish(),
        new TestTarWriter().File("root/.ssh/.wh.id_rsa", "").Finish(),
    };

    private static ImageReport Attributed(out string dockerfilePath)
    {
        dockerfilePath = "/src/app/Dockerfile";
        var model = DockerfileModel.Build(DockerfileParser.Parse(Dockerfile, dockerfilePath));
        return DockerfileAttribution.Attribute(ImageAnalyzer.Analyze(Synthetic.Image(Layers(), CreatedBy)), model, dockerfilePath);
    }

    [TestMethod]
    public void A_file_a_later_layer_deletes_is_still_reported_with_the_layer_that_deleted_it()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(Layers(), CreatedBy));
        CollectionAssert.AreEqual(new[]
        {
            "0 etc/ssl/private/ssl-cert-snakeoil.key PrivateKey None removed by -",
            "1 root/.ssh/id_rsa PrivateKey None removed by 3",
            "2 app/.env EnvFile None removed by -",
            "2 app/node_modules/ssh2/test/fixtures/id_rsa PrivateKey PackageContent removed by -",
        }, report.Secrets.Select(s => $"{s.LayerIndex} {s.Path} {s.Kind} {s.File.Exemption} removed by {s.RemovedByLayer?.ToString() ?? "-"}").ToArray());
        Assert.AreEqual(FakeCredentials.Content("env-secret").Length, report.Secrets[2].File.Size);
        Assert.AreEqual(WasteKind.Removed, report.Secrets[1].RemovedAs);
        Assert.AreEqual(3, report.Secrets[1].RemovedByLayer);
        Assert.IsNull(report.Secrets[2].RemovedByLayer);
    }

    [TestMethod]
    [DataRow("overwrite", "Overwritten")]
    [DataRow("opaque", "HiddenByOpaqueDirectory")]
    [DataRow("parent", "Removed")]
    public void Overwriting_or_hiding_the_file_is_a_removal_too(string how, string kind)
    {
        byte[] later = how switch
        {
            "overwrite" => new TestTarWriter().File("app/certs/server.key", "gone\n").Finish(),
            "opaque" => new TestTarWriter().Directory("app/certs").File("app/certs/.wh..wh..opq", "").Finish(),
            _ => new TestTarWriter().File("app/.wh.certs", "").Finish(),
        };
        var report = ImageAnalyzer.Analyze(Synthetic.Image(new TestTarWriter().File("app/certs/server.key", FakeCredentials.Content("rsa-pkcs8")).Finish(), later));
        LayerSecret secret = report.Secrets.Single();
        Assert.AreEqual((0, (int?)1, kind), (secret.LayerIndex, secret.RemovedByLayer, secret.RemovedAs?.ToString()));
    }

    [TestMethod]
    public void Findings_name_the_layer_the_path_and_the_line_with_the_code_of_the_layers_origin()
    {
        var findings = ImageSecrets.Evaluate(Attributed(out string dockerfile));
        Assert.AreEqual(3, findings.Count, string.Join("\n", findings.Select(f => f.ToCanonicalString())));

        // The base image's generated key: COPT3113 at FROM.
        Assert.AreEqual(
            "/src/app/Dockerfile(1,1): warning COPT3113: Layer 0 carries a private key (PKCS#8) at /etc/ssl/private/ssl-cert-snakeoil.key, a machine key a package generated when it was installed: every container of the image shares it with anyone who pulls the image. Delete it in the step that installs the package and generate it when the container starts, or mount a real key at run time.",
            findings[0].ToCanonicalString());
        // The key COPY adds and RUN deletes: still an error at the COPY.
        Assert.AreEqual(
            "/src/app/Dockerfile(2,1): error COPT3110: Layer 1 adds a private key (OpenSSH) at /root/.ssh/id_rsa; layer 3 (line 4) deletes it, but layer 1 still holds it: anyone who pulls the image can read it. Keep it out of the image (.dockerignore, no COPY of it), give the build what it needs as a build secret (RUN --mount=type=secret), and rotate it.",
            findings[1].ToCanonicalString());
        Assert.AreEqual(
            "/src/app/Dockerfile(3,1): error COPT3110: Layer 2 adds a .env file with secrets (1 secret variable) at /app/.env: anyone who pulls the image can read it. Keep it out of the image (.dockerignore, no COPY of it), give the build what it needs as a build secret (RUN --mount=type=secret), and rotate it.",
            findings[2].ToCanonicalString());
        // Each on its whole line.
        CollectionAssert.AreEqual(new[] { "(1,1,1,12)", "(2,1,2,30)", "(3,1,3,20)" }, findings.Select(f => f.Location.ToString()).ToArray());
        Assert.AreEqual(DiagnosticSeverity.Error, findings[1].Severity);
        Assert.AreEqual(dockerfile, findings[1].FilePath);
        Assert.IsFalse(findings.Any(f => f.Message.Contains(FakeCredentials.Marker, StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_credential_the_base_image_brings_is_a_warning_at_FROM()
    {
        byte[][] layers =
        {
            new TestTarWriter().File("root/.aws/credentials", FakeCredentials.Content("aws-credentials")).Finish(),
            new TestTarWriter().File(".wh.root", "").Finish(),
            new TestTarWriter().File("app/app.dll", 10).Finish(),
        };
        string[] createdBy = { "COPY credentials /root/.aws/credentials # buildkit", "RUN /bin/sh -c rm -rf /root # buildkit", "COPY app.dll /app/app.dll # buildkit" };
        var model = DockerfileModel.Build(DockerfileParser.Parse("FROM registry.example.com/base:1\nCOPY app.dll /app/app.dll\n", "Dockerfile"));
        var report = DockerfileAttribution.Attribute(ImageAnalyzer.Analyze(Synthetic.Image(layers, createdBy)), model, "Dockerfile");
        Assert.AreEqual(
            "Dockerfile(1,1): warning COPT3111: The base image's layer 0 carries AWS credentials at /root/.aws/credentials; layer 1 of the base image deletes it, but layer 0 still holds it: anyone who pulls the image can read it. FROM brings it, and deleting it in a later layer does not remove it from that layer: use a base image without it, or ask its maintainers to remove it.",
            ImageSecrets.Evaluate(report).Single().ToCanonicalString());
    }

    [TestMethod]
    public void Without_a_Dockerfile_a_credential_is_a_warning_that_names_the_layers_step()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(new[] { new TestTarWriter().File("root/.git-credentials", FakeCredentials.Content("git-credentials")).Finish() },
            new[] { "COPY git-credentials /root/.git-credentials # buildkit" }));
        Finding finding = ImageSecrets.Evaluate(report).Single();
        Assert.AreEqual(
            "synthetic:1(0,0): warning COPT3112: Layer 0 (COPY git-credentials /root/.git-credentials) carries git credentials at /root/.git-credentials: anyone who pulls the image can read it. Which Dockerfile line added it is not known: give the Dockerfile (--dockerfile) to have it reported at its line, an error when this Dockerfile added it.",
            finding.ToCanonicalString());
    }

    [TestMethod]
    public void The_json_lists_every_credential_file_with_its_layer_line_origin_and_code()
    {
        var report = Attributed(out _);
        string json = ImageReportJson.ToJson(report);
        string Size(int i) => report.Secrets[i].File.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        StringAssert.EndsWith(json,
            "  \"secrets\": [\n" +
            "    {\n      \"path\": \"etc/ssl/private/ssl-cert-snakeoil.key\",\n      \"kind\": \"privateKey\",\n      \"description\": \"a private key (PKCS#8)\",\n      \"size\": " + Size(0) + ",\n" +
            "      \"layer\": 0,\n      \"dockerfileLine\": 1,\n      \"addedBy\": \"baseImage\",\n      \"removedByLayer\": null,\n      \"removedAs\": null,\n      \"exemption\": null,\n      \"code\": \"COPT3113\"\n    },\n" +
            "    {\n      \"path\": \"root/.ssh/id_rsa\",\n      \"kind\": \"privateKey\",\n      \"description\": \"a private key (OpenSSH)\",\n      \"size\": " + Size(1) + ",\n" +
            "      \"layer\": 1,\n      \"dockerfileLine\": 2,\n      \"addedBy\": \"build\",\n      \"removedByLayer\": 3,\n      \"removedAs\": \"removed\",\n      \"exemption\": null,\n      \"code\": \"COPT3110\"\n    },\n" +
            "    {\n      \"path\": \"app/.env\",\n      \"kind\": \"envFile\",\n      \"description\": \"a .env file with secrets (1 secret variable)\",\n      \"size\": " + Size(2) + ",\n" +
            "      \"layer\": 2,\n      \"dockerfileLine\": 3,\n      \"addedBy\": \"build\",\n      \"removedByLayer\": null,\n      \"removedAs\": null,\n      \"exemption\": null,\n      \"code\": \"COPT3110\"\n    },\n" +
            "    {\n      \"path\": \"app/node_modules/ssh2/test/fixtures/id_rsa\",\n      \"kind\": \"privateKey\",\n      \"description\": \"a private key (RSA)\",\n      \"size\": " + Size(3) + ",\n" +
            "      \"layer\": 2,\n      \"dockerfileLine\": 3,\n      \"addedBy\": \"build\",\n      \"removedByLayer\": null,\n      \"removedAs\": null,\n      \"exemption\": \"packageContent\",\n      \"code\": null\n    }\n" +
            "  ]\n}\n");
        Assert.IsFalse(json.Contains(FakeCredentials.Marker, StringComparison.Ordinal));
        Assert.IsFalse(json.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [TestMethod]
    public void The_table_lists_the_reported_files_and_counts_the_exempt_ones()
    {
        string table = ImageReportTable.Format(Attributed(out _));
        StringAssert.EndsWith(table,
            "Credential files (still readable from their layer):\n" +
            "  /etc/ssl/private/ssl-cert-snakeoil.key  a private key (PKCS#8)  (layer 0, Dockerfile:1)\n" +
            "  /root/.ssh/id_rsa  a private key (OpenSSH)  (layer 1, Dockerfile:2, removed by layer 3, Dockerfile:4)\n" +
            "  /app/.env  a .env file with secrets (1 secret variable)  (layer 2, Dockerfile:3)\n" +
            "1 credential-looking file in test fixtures, package content or documentation not reported (listed in the JSON report)\n");
        Assert.IsFalse(table.Contains(FakeCredentials.Marker, StringComparison.Ordinal));
    }
}
