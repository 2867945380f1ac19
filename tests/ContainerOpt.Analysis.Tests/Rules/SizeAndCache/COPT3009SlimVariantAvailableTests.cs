using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3009SlimVariantAvailableTests
{
    [TestMethod]
    public void A_full_python_image_is_reported_at_the_image()
    {
        var findings = RuleVerifier.Verify<COPT3009SlimVariantAvailable>("FROM [|python:3.12|]\nCOPY app.py .\nCMD [\"python\", \"app.py\"]\n");
        Assert.AreEqual(
            "'python:3.12' is a full image: base the final stage on 'python:3.12-slim' if the app runs there (the same Python on a slim Debian without compilers and -dev headers, often under a quarter of the size).",
            findings[0].Message);
    }

    [TestMethod]
    [DataRow("debian:12", "debian:12-slim")]
    [DataRow("debian:bookworm-20240612", "debian:bookworm-20240612-slim")]
    [DataRow("debian", "debian:stable-slim")]
    [DataRow("docker.io/library/python:3.12-bookworm", "docker.io/library/python:3.12-slim-bookworm")]
    [DataRow("python:3", "python:3-slim")]
    [DataRow("node:20", "node:20-slim")]
    [DataRow("node:lts-bookworm", "node:lts-bookworm-slim")]
    [DataRow("ruby:3.3", "ruby:3.3-slim")]
    [DataRow("perl:5.40-bookworm", "perl:5.40-slim-bookworm")]
    [DataRow("nginx:1.27", "nginx:1.27-alpine")]
    [DataRow("httpd", "httpd:alpine")]
    [DataRow("eclipse-temurin:21-jdk-jammy", "eclipse-temurin:21-jre-jammy")]
    [DataRow("eclipse-temurin:21", "eclipse-temurin:21-jre")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled")]
    [DataRow("mcr.microsoft.com/dotnet/runtime-deps:10.0.1", "mcr.microsoft.com/dotnet/runtime-deps:10.0.1-noble-chiseled")]
    [DataRow("mcr.microsoft.com/dotnet/runtime:8.0-jammy", "mcr.microsoft.com/dotnet/runtime:8.0-jammy-chiseled")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:6.0-bookworm-slim", "mcr.microsoft.com/dotnet/aspnet:6.0-jammy-chiseled")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0-noble", "mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled")]
    [DataRow("mcr.microsoft.com/dotnet/runtime:7.0.5-bookworm-slim", "mcr.microsoft.com/dotnet/runtime:7.0.5-jammy-chiseled")]
    [DataRow("registry.access.redhat.com/ubi9/ubi:9.4", "registry.access.redhat.com/ubi9/ubi-minimal:9.4")]
    [DataRow("registry.example.com/mcr.microsoft.com/dotnet/aspnet:10.0", "registry.example.com/mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled")]
    public void Known_families_suggest_their_smaller_variant(string image, string variant)
    {
        var findings = RuleVerifier.Verify<COPT3009SlimVariantAvailable>($"FROM [|{image}|]\nCOPY app/ /app/\nCMD [\"/app/run\"]\n");
        StringAssert.StartsWith(findings[0].Message, $"'{image}' is a full image: base the final stage on '{variant}' if the app runs there");
    }

    [TestMethod]
    [DataRow("debian:12-slim")]
    [DataRow("python:3.12-alpine")]
    [DataRow("node:20-bookworm-slim")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:9.0-azurelinux3.0-distroless")]
    [DataRow("mcr.microsoft.com/dotnet/sdk:8.0")]
    [DataRow("eclipse-temurin:21-jre")]
    [DataRow("ubuntu:24.04")]
    [DataRow("golang:1.22")]
    [DataRow("debian:bookworm-backports")]
    [DataRow("myregistry.example.com/python:3.12")]
    [DataRow("scratch")]
    [DataRow("$BASE")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:99999999999.0")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:5.0")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0.")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0-")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0-Noble")]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0_noble")]
    [DataRow("mcr.microsoft.com/dotnet/nightly/aspnet:10.0")]
    [DataRow("mcr.microsoft.com/dotnet/core/aspnet:3.1")]
    [DataRow("registry.example.com/dotnet/aspnet:10.0")]
    [DataRow("registry.example.com/mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled")]
    public void Slim_images_other_families_and_unknowns_are_left_alone(string image) =>
        RuleVerifier.Verify<COPT3009SlimVariantAvailable>($"FROM {image}\n");

    [TestMethod]
    public void Only_the_final_stage_and_its_chain_matter() =>
        RuleVerifier.Verify<COPT3009SlimVariantAvailable>(
            "FROM node:20 AS build\nCOPY . /app\nRUN npm ci\nFROM [|node:20|] AS runtime-base\nFROM runtime-base\nCOPY --from=build /app /app\n");

    [TestMethod]
    public void Digests_and_arguments_are_resolved() =>
        RuleVerifier.Verify<COPT3009SlimVariantAvailable>(
            "ARG PY=3.12\nFROM [|python:${PY}@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|]\nCOPY app.py .\nCMD [\"python\", \"app.py\"]\n");
}
