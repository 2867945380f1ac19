using ContainerOpt.Analysis.Facts;
using ContainerOpt.Core.DotNet;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

[TestClass]
public sealed class StageFactsTests
{
    private static DockerfileFacts FactsOf(string text) =>
        new(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(text, "Dockerfile"))));

    [TestMethod]
    public void A_stage_on_an_image_has_its_base_parsed_once_and_a_stage_on_a_stage_has_none()
    {
        var facts = FactsOf("ARG V=10.0\nFROM mcr.microsoft.com/dotnet/sdk:${V} AS build\nFROM build AS test\nFROM scratch\n");
        var (build, test, scratch) = (facts.Model.Stages[0], facts.Model.Stages[1], facts.Model.Stages[2]);
        var image = facts.ImageReferenceOf(build);
        Assert.IsNotNull(image);
        Assert.AreEqual("mcr.microsoft.com/dotnet/sdk:10.0", image.Text);
        Assert.AreEqual("dotnet/sdk", image.Repository);
        Assert.AreSame(image, facts.ImageReferenceOf(build), "parsed once per file");
        Assert.IsNull(facts.ImageReferenceOf(test));
        Assert.AreEqual("scratch", facts.ImageReferenceOf(scratch)!.Text);
        Assert.AreEqual(DotNetImageKind.Sdk, facts.DotNetImageOf(build)!.Kind);
        Assert.AreSame(facts.DotNetImageOf(build), facts.DotNetImageOf(build));
        Assert.IsNull(facts.DotNetImageOf(test), "a stage on a stage names no image itself");
        Assert.AreSame(facts.DotNetImageOf(build), facts.DotNetBaseImageOf(test));
        Assert.IsNull(facts.DotNetImageOf(scratch));
    }

    [TestMethod]
    public void ChainHas_looks_through_the_stages_a_stage_is_built_on_but_not_into_ONBUILD_or_other_stages()
    {
        var facts = FactsOf("FROM alpine:3.20 AS base\nUSER app\nEXPOSE 80\nFROM base AS app\nONBUILD WORKDIR /x\nFROM alpine:3.20 AS other\nWORKDIR /y\n");
        var (base_, app, other) = (facts.Model.Stages[0], facts.Model.Stages[1], facts.Model.Stages[2]);
        Assert.IsTrue(facts.ChainHas(app, InstructionKind.User), "the USER of the stage it is built on");
        Assert.IsTrue(facts.ChainHas(app, InstructionKind.Expose));
        Assert.IsFalse(facts.ChainHas(app, InstructionKind.Workdir), "an ONBUILD WORKDIR is an ONBUILD, and the other stage's is not in the chain");
        Assert.IsTrue(facts.ChainHas(app, InstructionKind.Onbuild));
        Assert.IsFalse(facts.ChainHas(base_, InstructionKind.Onbuild), "the stage built on it is not in its chain");
        Assert.IsTrue(facts.ChainHas(other, InstructionKind.Workdir));
        Assert.IsFalse(facts.ChainHas(other, InstructionKind.User));
    }

    [TestMethod]
    public void The_stages_of_a_file_with_instructions_before_FROM_are_told_apart()
    {
        var facts = FactsOf("ARG X=1\nRUN echo before\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nFROM alpine:3.20\n");
        var stages = facts.Model.Stages;
        Assert.IsTrue(stages[0].IsImplicit);
        Assert.IsFalse(facts.IsWindows(stages[0]));
        Assert.IsNull(facts.ImageReferenceOf(stages[0]));
        Assert.IsTrue(facts.IsWindows(stages[1]));
        Assert.IsFalse(facts.IsWindows(stages[2]));
        Assert.AreEqual("alpine", facts.ImageReferenceOf(stages[2])!.Repository);
    }

    [TestMethod]
    [DataRow("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled", "Aspnet 8.0 noble-chiseled retired=False nightly=False")]
    [DataRow("mcr.microsoft.com/dotnet/core/sdk:3.1", "Sdk 3.1  retired=True nightly=False")]
    [DataRow("mcr.microsoft.com/dotnet/core-nightly/runtime:3.1", "Runtime 3.1  retired=True nightly=True")]
    [DataRow("mcr.microsoft.com/dotnet/nightly/runtime-deps:10.0-alpine", "RuntimeDeps 10.0 alpine retired=False nightly=True")]
    [DataRow("registry.example.com/MCR.microsoft.com/dotnet/SDK:9.0", "Sdk 9.0  retired=False nightly=False")]
    [DataRow("microsoft/aspnetcore:2.0", "Aspnet 2.0  retired=True nightly=False")]
    [DataRow("mcr.microsoft.com/dotnet/framework/sdk:4.8", null)]
    [DataRow("mcr.microsoft.com/dotnet/core/extra/sdk:3.1", null)]
    [DataRow("mcr.microsoft.com/dotnet/", null)]
    [DataRow("mcr.microsoft.com/dotnet", null)]
    [DataRow("mcr.microsoft.com/dotnet/sdk:${V}", null)]
    [DataRow("node:20", null)]
    public void A_parsed_reference_reads_as_its_text_does(string reference, string? expected)
    {
        static string? Describe(DotNetImage? image) => image is null ? null
            : $"{image.Kind} {image.Version?.ToString(2)} {image.Variant} retired={image.IsRetired} nightly={image.IsNightly}";
        Assert.AreEqual(expected, Describe(DotNetImage.Parse(reference)));
        Assert.AreEqual(expected, Describe(ImageReference.Parse(reference) is { } parsed ? DotNetImage.Parse(parsed) : null));
    }
}
