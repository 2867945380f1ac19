using ContainerOpt.Analysis.Facts;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

[TestClass]
public sealed class LabelPairsTests
{
    private static LabelPair OnlyLabel(string label, string before = "")
    {
        var text = "FROM alpine:3.20\n" + before + "LABEL " + label + "\n";
        var facts = new DockerfileFacts(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(text, "Dockerfile"))));
        return facts.Labels.Single();
    }

    [TestMethod]
    [DataRow("a=plain", "a", "plain")]
    [DataRow("a=\"two words\"", "a", "two words")]
    [DataRow("a='single quoted'", "a", "single quoted")]
    [DataRow("\"quoted.key\"=v", "quoted.key", "v")]
    [DataRow("a=\"it's\"", "a", "it's")]
    [DataRow("a='say \"hi\"'", "a", "say \"hi\"")]
    [DataRow("a=\"\"", "a", "")]
    [DataRow("a=\"x\\\"y\"", "a", "x\"y")]
    [DataRow("a='$HOME'", "a", "$HOME")]
    [DataRow("a=\"v$V\"", "a", "v1")]
    [DataRow("a=\"$UNSET\"", "a", null)]
    public void Keys_and_values_are_unquoted_and_expanded(string label, string key, string? value)
    {
        var pair = OnlyLabel(label, before: "ARG V=1\nARG UNSET\n");
        Assert.AreEqual(key, pair.Key);
        Assert.AreEqual(value, pair.Value);
    }

    [TestMethod]
    [DataRow("a=plain", "plain")]
    [DataRow("a=\"quoted\"", "quoted")]
    [DataRow("a=\"v$V\"", null)]
    public void An_onbuild_label_reads_no_variable_of_this_file(string label, string? value)
    {
        var text = "FROM alpine:3.20\nARG V=1\nONBUILD LABEL " + label + "\n";
        var facts = new DockerfileFacts(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(text, "Dockerfile"))));
        var pair = facts.Labels.Single();
        Assert.AreEqual("a", pair.Key);
        Assert.AreEqual(value, pair.Value);
    }

    [TestMethod]
    public void A_value_is_expanded_once_however_often_it_is_read()
    {
        var pair = OnlyLabel("a=\"two words\"");
        string? first = pair.Value;
        Assert.AreEqual("two words", first);
        Assert.AreSame(first, pair.Value);
    }
}
