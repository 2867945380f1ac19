using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2107CopyWholeContextTests
{
    [TestMethod]
    public void Copying_the_whole_context_is_reported_at_the_source()
    {
        var findings = RuleVerifier.Verify<COPT2107CopyWholeContext>("FROM node:22\nWORKDIR /app\nCOPY [|.|] .\nCOPY [|'./'|] /srv\n");
        StringAssert.StartsWith(findings[0].Message, "COPY '.' copies the whole build context");
        StringAssert.StartsWith(findings[1].Message, "COPY './' copies the whole build context");
        CollectionAssert.AreEqual(new[] { "DL4007" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Named_sources_are_fine() =>
        RuleVerifier.Verify<COPT2107CopyWholeContext>("FROM node:22\nCOPY src/ .\nCOPY package.json yarn.lock /app/\nCOPY ./app.js /app/\n");

    [TestMethod]
    public void Other_stages_add_and_onbuild_are_not_the_build_context_of_this_build() =>
        RuleVerifier.Verify<COPT2107CopyWholeContext>(
            "FROM node:22 AS build\nRUN npm ci\nFROM node:22\nCOPY --from=build . /app\nADD . /src\nONBUILD COPY . /app\n");

    [TestMethod]
    public void The_dockerignore_rules_stand_for_it_on_their_line()
    {
        var analyzer = new DockerfileAnalyzer(new DockerfileRule[] { new COPT2107CopyWholeContext(), new COPT3011DockerignoreMissing() });
        var input = new AnalysisInput(SourceText.From("FROM node:22\nCOPY . /app\nCOPY . /srv\n", "Dockerfile"))
        {
            ContextDirectory = "/context",
            Options = new() { Mode = AnalysisMode.All },
        };
        var findings = analyzer.Analyze(input).Findings;
        CollectionAssert.AreEqual(new[] { "COPT3011 2", "COPT2107 3" }, findings.Select(f => f.Code + " " + f.Location.Start.Line).ToArray());
        CollectionAssert.Contains(findings[0].Equivalents.ToArray(), "DL4007");
    }
}
