using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Tests.Builders;

[TestClass]
public sealed class CommandLineRedactorTests
{
    [TestMethod]
    [DataRow("NUGET_TOKEN", true)]
    [DataRow("github_token", true)]
    [DataRow("DB_PASSWORD", true)]
    [DataRow("passwd", true)]
    [DataRow("CLIENT_SECRET", true)]
    [DataRow("API_KEY", true)]
    [DataRow("AzureCredential", true)]
    [DataRow("NUGET_PAT", true)]
    [DataRow("PAT", true)]
    [DataRow("pat-value", true)]
    [DataRow("PATH", false)]
    [DataRow("PATTERN", false)]
    [DataRow("VERSION", false)]
    [DataRow("CONFIGURATION", false)]
    public void IsSecretName(string name, bool secret) => Assert.AreEqual(secret, CommandLineRedactor.IsSecretName(name));

    [TestMethod]
    public void Redact_MasksSecretBuildArgValuesOnly()
    {
        var redactor = new CommandLineRedactor(new[] { "hunter22" });
        IReadOnlyList<string> shown = redactor.Redact(new[]
        {
            "build", "--build-arg", "NUGET_TOKEN=abc123", "--build-arg", "VERSION=1.2.3", "--build-arg=Db_Password=p w",
            "--build-arg", "API_KEY", "--secret", "id=nuget,src=/home/me/.nuget/token.txt", "--label", "note=hunter22 inside", ".",
        });
        CollectionAssert.AreEqual(new[]
        {
            "build", "--build-arg", "NUGET_TOKEN=***", "--build-arg", "VERSION=1.2.3", "--build-arg=Db_Password=***",
            "--build-arg", "API_KEY", "--secret", "id=nuget,src=/home/me/.nuget/token.txt", "--label", "note=*** inside", ".",
        }, shown.ToArray());
    }

    [TestMethod]
    public void Display_QuotesAndMasks()
    {
        var redactor = new CommandLineRedactor();
        Assert.AreEqual("/usr/bin/docker build --build-arg MY_SECRET=*** -t \"a b\" .",
            redactor.Display("/usr/bin/docker", new[] { "build", "--build-arg", "MY_SECRET=s3cr3t", "-t", "a b", "." }));
    }

    [TestMethod]
    public void RedactText_MasksMarkedValuesLongestFirst()
    {
        var redactor = new CommandLineRedactor(new[] { "abc", "abcdef", null, "", "x" });
        Assert.AreEqual("value *** and *** and x", redactor.RedactText("value abcdef and abc and x"));
    }

    [TestMethod]
    [DataRow("export NUGET_TOKEN=ghp_abc123 && dotnet restore", "export NUGET_TOKEN=*** && dotnet restore")]
    [DataRow("dotnet restore -p:NuGetPassword=\"p w\" -p:Configuration=Release", "dotnet restore -p:NuGetPassword=*** -p:Configuration=Release")]
    [DataRow("API_KEY='k e y';echo", "API_KEY=***;echo")]
    [DataRow("PATH=/usr/bin VERSION=1.2.3", "PATH=/usr/bin VERSION=1.2.3")]
    [DataRow("source https://me:ghp_abc123@nuget.pkg.github.com/org/index.json", "source https://me:***@nuget.pkg.github.com/org/index.json")]
    [DataRow("https://nuget.pkg.github.com/org/index.json:443", "https://nuget.pkg.github.com/org/index.json:443")]
    [DataRow("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "Authorization: Bearer ***")]
    [DataRow("curl -H 'Authorization: token ghp_abcdef123456'", "curl -H 'Authorization: token ***'")]
    [DataRow("error CS1519: Invalid token '=' in class, record, struct, or interface member declaration", "error CS1519: Invalid token '=' in class, record, struct, or interface member declaration")]
    [DataRow("Could not load file or assembly 'Core, Version=1.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089'", "Could not load file or assembly 'Core, Version=1.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089'")]
    public void RedactSecrets_MasksWhatLooksSecretInOutput(string text, string shown) =>
        Assert.AreEqual(shown, CommandLineRedactor.RedactSecrets(text));
}
