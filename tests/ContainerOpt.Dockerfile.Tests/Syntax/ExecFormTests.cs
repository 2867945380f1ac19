using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>Exec form as Docker reads it: Go's json.Decoder takes the first JSON value and leaves the rest unread.</summary>
[TestClass]
public sealed class ExecFormTests
{
    private static InstructionSyntax Parse(string instruction) =>
        DockerfileParser.Parse(SourceText.From("FROM scratch\n" + instruction + "\n")).Instructions[1];

    [TestMethod]
    [DataRow("CMD [\"serve\", \"-s\", \"dist\"]  # port flag")]
    [DataRow("ENTRYPOINT [\"dotnet\", \"Api.dll\"]`")]
    [DataRow("RUN [\"sh\", \"-c\", \"true\"] extra words")]
    public void Text_after_the_array_is_ignored(string instruction)
    {
        var syntax = Parse(instruction);
        Assert.IsTrue(syntax.IsJsonForm, instruction);
        Assert.IsFalse(syntax.Arguments.Any(a => a.Value.Contains('#') || a.Value.Contains('`') || a.Value.Contains("extra")));
    }

    [TestMethod]
    [DataRow("CMD ['node', 'app.js']")]
    [DataRow("CMD [\"a\" \"b\"]")]
    [DataRow("CMD echo [x]")]
    public void Anything_that_does_not_start_with_a_json_array_is_shell_form(string instruction) =>
        Assert.IsFalse(Parse(instruction).IsJsonForm, instruction);
}
