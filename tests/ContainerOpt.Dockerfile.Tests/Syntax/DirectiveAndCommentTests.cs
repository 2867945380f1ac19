using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>Directives found by name in any case, and comment lines read back as values with their text, line and span.</summary>
[TestClass]
public sealed class DirectiveAndCommentTests
{
    [TestMethod]
    public void FindDirective_finds_a_directive_in_any_case_and_nothing_for_an_absent_one()
    {
        var syntax = DockerfileParser.Parse("# syntax=docker/dockerfile:1\n# Check=skip=all\nFROM a\n");
        Assert.AreEqual("docker/dockerfile:1", syntax.FindDirective("SYNTAX")?.Value);
        Assert.AreEqual("skip=all", syntax.FindDirective("check")?.Value);
        Assert.IsNull(syntax.FindDirective("escape"));
        Assert.IsNull(DockerfileParser.Parse("FROM a\n").FindDirective("syntax"));
    }

    [TestMethod]
    public void Comments_keep_their_trimmed_text_line_and_span_continuation_lines_included()
    {
        const string text = "FROM a\n#   first  \nRUN a \\\n  # inside\n  b\n#\n";
        var comments = DockerfileParser.Parse(text).Comments;
        Assert.AreEqual(3, comments.Count);
        Assert.AreEqual("first", comments[0].Text);
        Assert.AreEqual(2, comments[0].Line);
        Assert.AreEqual("#   first  ", text.Substring(comments[0].Span.Start, comments[0].Span.Length));
        Assert.AreEqual("inside", comments[1].Text);
        Assert.AreEqual(4, comments[1].Line);
        Assert.AreEqual("# inside", text.Substring(comments[1].Span.Start, comments[1].Span.Length));
        Assert.AreEqual("", comments[2].Text);
        Assert.AreEqual(6, comments[2].Line);
    }
}
