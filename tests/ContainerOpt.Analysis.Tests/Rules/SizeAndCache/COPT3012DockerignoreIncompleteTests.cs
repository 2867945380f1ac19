using ContainerOpt.Core.Projects;
using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3012DockerignoreIncompleteTests
{
    private const string Complete = ".git\n**/bin\n**/obj\nnode_modules\n.env\n**/*.pfx\n";

    [TestMethod]
    public void Every_gap_is_listed_once_at_the_first_whole_context_copy()
    {
        var findings = RuleVerifier.Verify<COPT3012DockerignoreIncomplete>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY *.csproj ./\nCOPY [|.|] .\nCOPY . /again\n", dockerIgnore: "bin/\nobj/\n*.md\n");
        Assert.AreEqual(
            "The COPY of '.' takes the whole build context, and .dockerignore does not exclude .git, bin/, obj/, .env and *.pfx. Add '.git', '**/bin', '**/obj', '.env' and '**/*.pfx' to it.",
            findings[0].Message);
    }

    [TestMethod]
    public void A_complete_dockerignore_is_fine() =>
        RuleVerifier.Verify<COPT3012DockerignoreIncomplete>("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN npm ci\nCOPY . .\n", dockerIgnore: Complete);

    [TestMethod]
    public void Visual_studio_style_patterns_and_exceptions_are_understood()
    {
        RuleVerifier.Verify<COPT3012DockerignoreIncomplete>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\n", dockerIgnore: "**/.git\n**/bin\n**/obj\n**/.env\n*.pfx\n**/node_modules\n");
        var findings = RuleVerifier.Verify<COPT3012DockerignoreIncomplete>(
            "FROM debian:12-slim\nCOPY [|.|] /app\n", dockerIgnore: ".git\n.env*\n!.env\n*.pfx\n");
        StringAssert.Contains(findings[0].Message, "does not exclude .env. Add '.env' to it.");
    }

    [TestMethod]
    public void Bin_and_obj_are_expected_only_from_dotnet_builds()
    {
        RuleVerifier.Verify<COPT3012DockerignoreIncomplete>("FROM ruby:3.3-slim\nCOPY . /app\n", dockerIgnore: ".git\n.env\n*.pfx\n");
        RuleVerifier.Verify<COPT3012DockerignoreIncomplete>("FROM debian:12-slim\nCOPY [|.|] /app\n", dockerIgnore: ".git\n.env\n*.pfx\n",
            project: new ProjectModel { ProjectPath = "/src/App/App.csproj" });
        RuleVerifier.Verify<COPT3012DockerignoreIncomplete>("FROM debian:12-slim\nCOPY App.sln ./\nRUN dotnet restore\nCOPY [|.|] /app\n", dockerIgnore: ".git\n.env\n*.pfx\nbin/\nobj/\n");
    }

    [TestMethod]
    public void Node_modules_is_expected_only_from_node_builds()
    {
        var findings = RuleVerifier.Verify<COPT3012DockerignoreIncomplete>("FROM node:20-slim\nCOPY [|.|] .\n", dockerIgnore: ".git\n.env\n*.pfx\n");
        StringAssert.Contains(findings[0].Message, "does not exclude node_modules.");
        RuleVerifier.Verify<COPT3012DockerignoreIncomplete>("FROM debian:12-slim\nCOPY package.json ./\nCOPY [|./|] .\n", dockerIgnore: ".git\n.env\n*.pfx\n");
        RuleVerifier.Verify<COPT3012DockerignoreIncomplete>("FROM python:3.12-slim\nCOPY . .\n", dockerIgnore: ".git\n.env\n*.pfx\n");
    }

    [TestMethod]
    public void Without_a_whole_context_copy_or_a_dockerignore_it_is_silent()
    {
        RuleVerifier.Verify<COPT3012DockerignoreIncomplete>("FROM node:20-slim\nCOPY src/ /app/src/\n", dockerIgnore: "*.md\n");
        RuleVerifier.Verify<COPT3012DockerignoreIncomplete>("FROM node:20-slim\nCOPY . .\n");
    }
}
