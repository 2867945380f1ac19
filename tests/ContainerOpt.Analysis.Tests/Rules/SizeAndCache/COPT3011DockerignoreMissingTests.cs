using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3011DockerignoreMissingTests
{
    [TestMethod]
    public void Copying_the_whole_context_without_dockerignore_is_reported_once()
    {
        var findings = RuleVerifier.Verify<COPT3011DockerignoreMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY [|.|] .\nFROM build\nCOPY . /again\n");
        Assert.AreEqual(
            "The COPY of '.' takes the whole build context and there is no .dockerignore: .git, build output (bin/, obj/, node_modules) and local secrets (.env, *.pfx) are sent to the builder and copied with it. Add a .dockerignore at the root of the build context.",
            findings[0].Message);
    }

    [TestMethod]
    [DataRow("COPY [|./|] /app")]
    [DataRow("COPY [|*|] /app/")]
    [DataRow("ADD [|.|] /app")]
    [DataRow("COPY --chown=app [|/|] /app")]
    [DataRow("COPY [\"package.json\", [|\".\"|], \"/app/\"]")]
    public void Every_way_to_take_the_whole_context_counts(string copy) =>
        RuleVerifier.Verify<COPT3011DockerignoreMissing>($"FROM node:20-slim\n{copy}\n");

    [TestMethod]
    public void Narrow_copies_other_stages_and_onbuild_do_not_count() =>
        RuleVerifier.Verify<COPT3011DockerignoreMissing>(
            "FROM node:20-slim AS build\nCOPY src/ /app/src/\nCOPY package.json ./\nFROM node:20-slim\nCOPY --from=build . .\nONBUILD COPY . .\nCOPY <<EOF /etc/motd\nhi\nEOF\n");

    [TestMethod]
    public void A_dockerignore_or_an_unknown_context_silences_it()
    {
        RuleVerifier.Verify<COPT3011DockerignoreMissing>("FROM node:20-slim\nCOPY . .\n", dockerIgnore: "node_modules\n");
        RuleVerifier.Verify<COPT3011DockerignoreMissing>("FROM node:20-slim\nCOPY . .\n", contextKnown: false);
    }
}
