using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1117CopyIgnoredFileTests
{
    [TestMethod]
    public void Copy_and_add_of_an_ignored_file_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT1117CopyIgnoredFile>("FROM scratch\nCOPY [|Dockerfile|] .\nADD [|Dockerfile|] /windy\n", dockerIgnore: "\nDockerfile\n");
        Assert.AreEqual("Attempting to Copy file \"Dockerfile\" that is excluded by .dockerignore: remove the pattern that excludes it from .dockerignore, or do not copy it.", findings[0].Message);
        StringAssert.StartsWith(findings[1].Message, "Attempting to Add file \"Dockerfile\" that is excluded by .dockerignore");
        CollectionAssert.AreEqual(new[] { "CopyIgnoredFile" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Files_under_an_ignored_directory_and_cleaned_paths_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT1117CopyIgnoredFile>(
            "FROM alpine\nCOPY [|./bin/app.dll|] src/ /app/\n", dockerIgnore: "bin/\n**/obj\n");
        StringAssert.Contains(findings[0].Message, "file \"bin/app.dll\"");
    }

    [TestMethod]
    public void Exception_lines_turn_the_check_off_like_buildkit()
    {
        RuleVerifier.Verify<COPT1117CopyIgnoredFile>("FROM scratch\nCOPY ./Dockerfile .\n", dockerIgnore: "\n**\n!Dockerfile\n");
        RuleVerifier.Verify<COPT1117CopyIgnoredFile>("FROM scratch\nCOPY obj/x .\n", dockerIgnore: "obj\n!obj/keep\n");
    }

    [TestMethod]
    public void The_context_root_counts_only_when_everything_is_ignored()
    {
        RuleVerifier.Verify<COPT1117CopyIgnoredFile>("FROM scratch\nCOPY [|.|] .\n", dockerIgnore: "\n*\n");
        RuleVerifier.Verify<COPT1117CopyIgnoredFile>("FROM scratch\nCOPY . .\n", dockerIgnore: "\n.*\n");
    }

    [TestMethod]
    public void Other_stages_urls_heredocs_and_onbuild_are_not_from_the_context() =>
        RuleVerifier.Verify<COPT1117CopyIgnoredFile>(
            "FROM scratch AS base\nCOPY --from=base /foobar /x\nADD https://example.com/foobar /y\nCOPY <<foobar /z\nhi\nfoobar\nONBUILD COPY foobar /w\n",
            dockerIgnore: "foobar\n");

    [TestMethod]
    public void Without_a_dockerignore_nothing_is_reported() =>
        RuleVerifier.Verify<COPT1117CopyIgnoredFile>("FROM scratch\nCOPY Dockerfile .\n");
}
