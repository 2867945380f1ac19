using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2021CopyMultipleSourcesDestSlashTests
{
    [TestMethod]
    public void Several_sources_to_a_destination_without_slash_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM scratch\nCOPY foo bar [|baz|]\n");
        Assert.AreEqual("COPY with several sources copies into a directory, and the destination must say so: end it with a slash ('baz/'). "
            + "BuildKit creates the folder, but the classic builder (DOCKER_BUILDKIT=0, older engines) fails the build.", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity, "BuildKit builds it: not a certain failure");
        CollectionAssert.AreEqual(new[] { "DL3021" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void One_source_or_a_trailing_slash_is_fine() =>
        RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM scratch\nCOPY foo bar\nCOPY foo bar baz/\nCOPY [\"a\", \"b\", \"/app/\"]\nCOPY a b \"/app/\"\n");

    [TestMethod]
    public void Json_form_add_and_heredocs_are_checked()
    {
        RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM scratch\nCOPY [\"a\", \"b\", [|\"/app\"|]]\n");
        var findings = RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM scratch\nADD a.tar b.tar [|/opt|]\n");
        StringAssert.StartsWith(findings[0].Message, "ADD with several sources");
        RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM scratch\nCOPY <<one <<two [|/etc/conf|]\nA\none\nB\ntwo\n");
    }

    [TestMethod]
    public void Destination_variables_are_judged_by_their_value()
    {
        RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM scratch\nARG DEST=/app/\nCOPY a b $DEST\n");
        RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM scratch\nCOPY a b $DEST\n");
        RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM scratch\nENV DEST=/app\nCOPY a b [|${DEST}|]\n");
    }

    [TestMethod]
    public void Windows_directory_destination_is_fine() =>
        RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("# escape=`\nFROM scratch\nCOPY a b C:\\app\\\n");

    [TestMethod]
    public void For_a_Windows_container_the_classic_builder_is_the_only_one_so_it_is_an_error()
    {
        var findings = RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a.txt b.txt [|C:\\app|]\n");
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
        StringAssert.EndsWith(findings[0].Message, "Windows containers are built by the classic builder, which fails the build here.");
    }

    [TestMethod]
    public void A_destination_swallowed_from_a_later_instruction_names_the_continuation()
    {
        // No '# escape=`': the '\' ending the Windows path continues the COPY onto the RUN (comment and blank line skipped).
        var findings = RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>(
            "FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nCOPY . C:\\src[|\\|]\n\n# build\nRUN msbuild app.sln /m\n");
        Assert.AreEqual("COPY with several sources copies into a directory, and the destination must say so, but this COPY continues onto line 5 "
            + "('RUN msbuild app.sln /m') because line 2 ends with the escape character '\\', so its last word '/m' is no destination: "
            + "make '# escape=`' the first line of the file, or do not end line 2 with '\\'. "
            + "Windows containers are built by the classic builder, which fails the build here.", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity, "the build surely fails");
    }

    [TestMethod]
    public void A_left_over_backslash_on_linux_names_the_continuation()
    {
        var findings = RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM alpine\nCOPY a.txt /app/ [|\\|]\nCMD [\"run\"]\n");
        Assert.AreEqual("COPY with several sources copies into a directory, and the destination must say so, but this COPY continues onto line 3 "
            + "('CMD [\"run\"]') because line 2 ends with the escape character '\\', so its last word '[\"run\"]' is no destination: "
            + "remove the '\\' at the end of line 2. BuildKit creates the folder, but the classic builder (DOCKER_BUILDKIT=0, older engines) fails the build.",
            findings[0].Message);
    }

    [TestMethod]
    public void An_attempted_inline_comment_is_named_as_the_cause()
    {
        // Docker has no inline comments: '#', 'Set', 'the', 'working' become sources and 'directory' the destination.
        var findings = RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>(
            "FROM python:3.12\nCOPY ./app [|#|] Set the working directory\nWORKDIR /app\n");
        Assert.AreEqual("COPY with several sources copies into a directory, and the destination must say so, but Docker has no inline comments: "
            + "the words from '#' on are arguments, so 'directory' is no destination; put the comment on its own line. "
            + "Both builders read '#' and the comment's words as sources.", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
    }

    [TestMethod]
    public void A_hash_inside_a_word_is_no_comment() =>
        RuleVerifier.Verify<COPT2021CopyMultipleSourcesDestSlash>("FROM scratch\nCOPY a#1 b [|c#d|]\n");
}
