using ContainerOpt.Analysis.Rules.Correctness;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Correctness;

[TestClass]
public sealed class COPT1203ContinuationIntoInstructionTests
{
    [TestMethod]
    public void A_windows_path_at_the_end_of_a_line_swallows_the_next_instruction()
    {
        var findings = RuleVerifier.Verify<COPT1203ContinuationIntoInstruction>(
            "FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nCOPY App.sln C:\\src[|\\|]\n\nRUN nuget restore C:\\src\\App.sln\n");
        Assert.AreEqual(
            "The '\\' at the end of line 2 continues this COPY onto line 4, which starts with 'RUN': Docker reads both lines as one COPY. For Windows paths, make '# escape=`' the first line of the file, or end the path with '/' instead of '\\'.",
            findings[0].Message);
    }

    [TestMethod]
    public void A_backslash_left_after_a_run_is_reported_with_its_removal()
    {
        var findings = RuleVerifier.Verify<COPT1203ContinuationIntoInstruction>("FROM debian:12\nRUN apt-get update && apt-get install -y curl [|\\|]\n# later\nCOPY . /app\n");
        StringAssert.EndsWith(findings[0].Message, "Remove the '\\' if line 4 starts a new instruction.");
    }

    [TestMethod]
    public void Ordinary_continuations_the_escape_directive_and_heredocs_are_fine() =>
        RuleVerifier.Verify<COPT1203ContinuationIntoInstruction>(
            "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY App.sln C:\\src\\\nRUN apt-get install `\n    curl `\n    run-parts\n"
            + "RUN <<EOF\necho \\\nRUN\nEOF\nRUN echo a \\\n  copy b\nHEALTHCHECK --interval=30s \\\n  CMD curl -f http://localhost/\nONBUILD \\\n  RUN make\n");

    [TestMethod]
    public void Windows_paths_of_one_file_are_one_finding()
    {
        var findings = RuleVerifier.Verify<COPT1203ContinuationIntoInstruction>(
            "FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nCOPY App.sln C:\\src[|\\|]\nCOPY Lib\\Lib.csproj C:\\src\\Lib\\\nCOPY Api\\Api.csproj C:\\src\\Api\\\nRUN nuget restore\n");
        StringAssert.EndsWith(findings[0].Message, "instead of '\\' (the same on lines 3 and 4).");
        Assert.AreEqual(2, findings[0].AdditionalLocations.Count);
    }
}
