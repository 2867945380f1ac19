using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Dockerfile.Tests.Semantics;

[TestClass]
public sealed class DockerfileModelTests
{
    private static DockerfileModel Model(string text, Dictionary<string, string>? buildArgs = null) =>
        DockerfileModel.Build(DockerfileParser.Parse(text), buildArgs);

    [TestMethod]
    public void Stage_graph_has_names_bases_and_copy_from_edges()
    {
        var model = Model("""
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS Build
            RUN dotnet publish -o /app
            FROM build AS test
            RUN --mount=type=bind,from=build,source=/app,target=/x ls /x
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            COPY --from=build /app .
            COPY --from=0 /src /src
            COPY --from=nginx:latest /etc/nginx /etc/nginx
            """);
        Assert.AreEqual(3, model.Stages.Count);
        var (build, test, final) = (model.Stages[0], model.Stages[1], model.Stages[2]);
        Assert.AreEqual("build", build.Name);
        Assert.AreEqual("Build", build.NameToken!.Value);
        Assert.AreEqual("mcr.microsoft.com/dotnet/sdk:10.0", build.BaseName);
        Assert.IsNull(build.BaseStage);
        Assert.AreSame(build, test.BaseStage);
        Assert.IsNull(final.Name);
        Assert.AreSame(final, model.FinalStage);
        Assert.AreEqual("2", final.DisplayName);

        var mount = test.References.Single();
        Assert.AreEqual("build", mount.Reference);
        Assert.AreSame(build, mount.Target);

        CollectionAssert.AreEqual(new[] { "build", "0", "nginx:latest" }, final.References.Select(r => r.Reference).ToArray());
        Assert.AreSame(build, final.References[0].Target);
        Assert.AreSame(build, final.References[1].Target);
        Assert.IsNull(final.References[2].Target, "an image is not a stage");
    }

    [TestMethod]
    public void A_stage_cannot_refer_to_a_later_stage()
    {
        var model = Model("FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\n");
        Assert.IsNull(model.Stages[0].References[0].Target);
        Assert.IsNull(model.FindStage("b", beforeIndex: 0));
        Assert.AreSame(model.Stages[1], model.FindStage("B", beforeIndex: 2));
    }

    [TestMethod]
    public void Stages_are_found_by_the_invariant_lower_case_of_their_names()
    {
        var model = Model("FROM alpine AS \u00DCber\nFROM alpine AS k\nFROM \u00FCBER AS Last\nFROM LAST\n");
        Assert.AreEqual("\u00FCber", model.Stages[0].Name);
        Assert.AreEqual("last", model.Stages[2].Name);
        Assert.AreSame(model.Stages[0], model.Stages[2].BaseStage);
        Assert.AreSame(model.Stages[2], model.Stages[3].BaseStage);
        Assert.AreSame(model.Stages[0], model.FindStage("\u00DCBER", beforeIndex: 4));
        Assert.AreSame(model.Stages[1], model.FindStage("K", beforeIndex: 4));
        Assert.AreSame(model.Stages[1], model.FindStage("\u212A", beforeIndex: 4), "the Kelvin sign lowers to k");
        Assert.IsNull(model.FindStage("kk", beforeIndex: 4));
        Assert.IsNull(model.FindStage("lasT ", beforeIndex: 4));
    }

    [TestMethod]
    public void Global_args_expand_from_lines_and_build_args_override_them()
    {
        var text = "ARG TAG=3.19\nARG IMAGE=alpine:${TAG}\nFROM ${IMAGE} AS base\nFROM --platform=$BUILDPLATFORM base\n";
        var model = Model(text);
        Assert.AreEqual("alpine:3.19", model.Stages[0].BaseName);
        Assert.AreEqual("linux/amd64", model.Stages[1].Platform);
        Assert.AreSame(model.Stages[0], model.Stages[1].BaseStage);
        Assert.AreEqual(2, model.GlobalArgs.Count);

        var overridden = Model(text, new Dictionary<string, string> { ["TAG"] = "3.20" });
        Assert.AreEqual("alpine:3.20", overridden.Stages[0].BaseName);
        Assert.IsTrue(overridden.GlobalDefaultScope.TryGetValue("IMAGE", out var defaultImage));
        Assert.AreEqual("alpine:3.19", defaultImage, "defaults ignore build args");
    }

    [TestMethod]
    public void Global_args_redeclare_platform_args_in_their_file_only_and_keep_their_order()
    {
        // The platform ARGs are one shared table under every file's global scope: a file's ARG hides its value, for
        // that file only, and listing the scope gives the platform ARGs first, in their order, as one table did.
        var own = Model("ARG TARGETARCH=arm64\nARG A=1\nFROM alpine\n", new Dictionary<string, string> { ["A"] = "2" });
        var other = Model("FROM alpine\n");

        Assert.IsTrue(own.GlobalScope.TryGetValue("TARGETARCH", out var arch));
        Assert.AreEqual("arm64", arch);
        Assert.IsTrue(own.GlobalScope.TryGetValue("TARGETOS", out var os));
        Assert.AreEqual("linux", os);
        Assert.AreEqual(VariableKind.Arg, own.GlobalScope.KindOf("TARGETOS"));
        Assert.IsTrue(own.GlobalScope.TryGetValue("A", out var a));
        Assert.AreEqual("2", a);
        Assert.IsTrue(own.GlobalDefaultScope.TryGetValue("A", out var defaultA));
        Assert.AreEqual("1", defaultA);
        Assert.IsTrue(own.GlobalDefaultScope.TryGetValue("TARGETARCH", out var defaultArch));
        Assert.AreEqual("arm64", defaultArch);
        CollectionAssert.AreEqual(
            new[] { "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "A" },
            own.GlobalScope.ToDictionary().Keys.ToArray());
        Assert.AreEqual("arm64", own.GlobalScope.ToDictionary()["TARGETARCH"]);

        Assert.IsTrue(other.GlobalScope.TryGetValue("TARGETARCH", out var otherArch));
        Assert.AreEqual("amd64", otherArch);
        Assert.IsFalse(other.GlobalScope.TryGetValue("A", out _));
        Assert.AreEqual(8, other.GlobalScope.ToDictionary().Count);
        Assert.AreEqual(0, other.GlobalScope.EnvironmentOnly().Count);
    }

    [TestMethod]
    public void Global_args_are_invisible_in_a_stage_until_redeclared()
    {
        var model = Model("ARG VERSION=1.2\nFROM alpine\nRUN echo one\nARG VERSION\nRUN echo two\nARG OTHER=x\nENV VERSION=env\nRUN echo three\n");
        var runs = model.Stages[0].Instructions.Where(i => i.Kind == InstructionKind.Run).ToArray();
        Assert.IsFalse(runs[0].Scope.TryGetValue("VERSION", out _));
        Assert.IsTrue(runs[1].Scope.TryGetValue("VERSION", out var v1));
        Assert.AreEqual("1.2", v1);
        Assert.IsTrue(runs[2].Scope.TryGetValue("VERSION", out var v2));
        Assert.AreEqual("env", v2, "ENV wins over ARG");
        Assert.AreEqual(VariableKind.Env, runs[2].Scope.KindOf("VERSION"));
        Assert.AreEqual("x", runs[2].Scope.ToDictionary()["OTHER"]);
    }

    [TestMethod]
    public void A_platform_arg_declared_in_a_stage_is_declared_but_unknown()
    {
        var model = Model("FROM --platform=$BUILDPLATFORM alpine\nARG TARGETARCH\nCOPY bin/$TARGETARCH/app /app/\n");
        Assert.AreEqual("linux/amd64", model.Stages[0].Platform, "FROM reads the global scope's default");
        var copy = model.Stages[0].Instructions.Last();
        Assert.IsFalse(copy.Scope.TryGetValue("TARGETARCH", out _), "one value would be wrong for a multi-platform build");
        var expanded = model.Expand(copy, "bin/$TARGETARCH/app");
        CollectionAssert.AreEqual(new[] { "TARGETARCH" }, expanded.Unmatched.ToArray());
    }

    [TestMethod]
    public void Stages_inherit_env_but_not_arg_from_their_base_stage()
    {
        var model = Model("FROM alpine AS base\nARG A=1\nENV E=2\nFROM base\nRUN true\n");
        var run = model.Stages[1].Instructions.Single();
        Assert.IsTrue(run.Scope.TryGetValue("E", out var e));
        Assert.AreEqual("2", e);
        Assert.IsFalse(run.Scope.TryGetValue("A", out _));
    }

    [TestMethod]
    public void One_env_instruction_expands_all_pairs_against_the_previous_scope()
    {
        var model = Model("FROM alpine\nENV A=1\nENV A=2 B=$A\nRUN true\n");
        var run = model.Stages[0].Instructions.Last();
        Assert.IsTrue(run.Scope.TryGetValue("B", out var b));
        Assert.AreEqual("1", b);
    }

    [TestMethod]
    public void One_word_expanded_in_several_scopes_keeps_each_scope_s_result()
    {
        var model = Model("FROM alpine\nENV V=1\nRUN a\nENV V=2\nRUN b\nENV V=3\nRUN c\n");
        var runs = model.Stages[0].Instructions.Where(i => i.Syntax.Kind == InstructionKind.Run).ToArray();
        // Asked in an order that meets the first scope again after the others, twice over (kept, then read back).
        for (int pass = 0; pass < 2; pass++)
        {
            Assert.AreEqual("x2", model.Expand(runs[1], "x$V").Result);
            Assert.AreEqual("x1", model.Expand(runs[0], "x$V").Result);
            Assert.AreEqual("x3", model.Expand(runs[2], "x$V").Result);
            Assert.AreEqual("x2", model.ExpandedText(runs[1], "x$V"));
        }
    }

    [TestMethod]
    public void Expand_uses_the_instruction_scope_and_escape_token()
    {
        var model = Model("# escape=`\nFROM alpine\nENV DIR=/app\nWORKDIR ${DIR}/src\n");
        var workdir = model.Stages[0].Instructions.Last();
        Assert.AreEqual("/app/src", model.Expand(workdir, workdir.Syntax.Arguments[0].Value).Result);
        var unset = model.Expand(workdir, "$NOPE-${X:-d}");
        CollectionAssert.AreEqual(new[] { "NOPE", "X" }, unset.Unmatched.ToArray());
    }

    [TestMethod]
    public void ExpandedOrWritten_is_the_expansion_or_the_word_as_written()
    {
        var model = Model("FROM alpine\nENV DIR=/app\nWORKDIR /\n");
        var workdir = model.Stages[0].Instructions.Last();
        string plain = new string("src/app.csproj".ToCharArray());
        Assert.AreSame(plain, model.ExpandedOrWritten(workdir, plain), "a word with nothing to expand is its own expansion");
        Assert.AreEqual("/app/bin", model.ExpandedOrWritten(workdir, "${DIR}/bin"));
        Assert.AreEqual("a b", model.ExpandedOrWritten(workdir, "\"a b\""), "quotes are removed");
        Assert.AreEqual("${NOPE:?unset}", model.ExpandedOrWritten(workdir, "${NOPE:?unset}"), "a failed expansion leaves the word as written");
        Assert.IsFalse(model.Expand(workdir, "${NOPE:?unset}").Success);
    }

    [TestMethod]
    public void Errors_past_parsing_are_coded_and_positioned()
    {
        var syntax = DockerfileParser.Parse("RUN echo early\nFROM alpine\nRUNN x\nCOPY --chwon=1 a b\nCOPY --from a b\nCOPY only\nFROM a b c\nFROM alpine AS 1bad\nHEALTHCHECK NONE x\nONBUILD FROM x\nSHELL /bin/sh\nCOPY --link=maybe a b\n");
        var model = DockerfileModel.Build(syntax);
        var diagnostics = model.Diagnostics.Select(d => $"{d.Code}@{syntax.Source.GetLinePosition(d.Span.Start)}").ToArray();
        CollectionAssert.AreEqual(new[]
        {
            "COPT1005@1,1", "COPT1001@3,1", "COPT1003@4,6", "COPT1003@5,6", "COPT1008@6,1", "COPT1008@7,8",
            "COPT1008@8,16", "COPT1008@9,1", "COPT1008@10,9", "COPT1008@11,7", "COPT1003@12,6",
        }, diagnostics, string.Join(", ", diagnostics));
        StringAssert.Contains(model.Diagnostics[1].Message, "did you mean 'RUN'");
        StringAssert.Contains(model.Diagnostics[2].Message, "COPY accepts --from, --chown, --chmod, --link, --parents, --exclude");
    }

    [TestMethod]
    public void A_file_without_from_is_COPT1004()
    {
        var model = Model("ARG A=1\n");
        Assert.AreEqual("COPT1004", model.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void Run_mount_options_are_parsed()
    {
        var syntax = DockerfileParser.Parse("FROM alpine\nRUN --mount=type=cache,target=/root/.nuget/packages,id=nuget,sharing=locked --mount=type=secret,id=npmrc,target=/root/.npmrc,required dotnet restore\n");
        var mounts = syntax.Instructions[1].Flags.Select(RunMount.FromFlag).ToArray();
        Assert.AreEqual("cache", mounts[0]!.Type);
        Assert.AreEqual("/root/.nuget/packages", mounts[0]!.Target);
        Assert.AreEqual("nuget", mounts[0]!.Id);
        Assert.AreEqual("locked", mounts[0]!.Sharing);
        Assert.AreEqual("secret", mounts[1]!.Type);
        Assert.AreEqual("true", mounts[1]!.Get("required"));
    }

    [TestMethod]
    public void Run_mount_keys_are_lower_cased_empty_ones_skipped_and_the_last_value_kept()
    {
        var syntax = DockerfileParser.Parse("FROM alpine\nRUN --mount=type=cache,,Target=/a,ID=x,readonly,target=/b,Custom-Key=v,=skipped --mount=type=bind,\"source=a,b\" true\n");
        var mounts = syntax.Instructions[1].Flags.Select(RunMount.FromFlag).ToArray();
        Assert.AreEqual("custom-key=v;id=x;readonly=true;target=/b;type=cache",
            string.Join(";", mounts[0]!.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value)));
        // The quotes are the flag word's, taken off before the fields are read (as BuildKit does): the comma splits.
        Assert.AreEqual("b=true;source=a;type=bind",
            string.Join(";", mounts[1]!.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value)));
    }

    [TestMethod]
    public void Each_stage_knows_its_chain_root_and_ancestors()
    {
        var model = Model("""
            FROM debian:12 AS base
            RUN echo base
            FROM base AS tools
            RUN echo tools
            FROM alpine:3.20 AS other
            FROM tools AS final
            FROM final
            """);
        var (base_, tools, other, final, last) = (model.Stages[0], model.Stages[1], model.Stages[2], model.Stages[3], model.Stages[4]);
        CollectionAssert.AreEqual(new[] { base_ }, base_.Chain.ToArray());
        CollectionAssert.AreEqual(new[] { base_, tools, final, last }, last.Chain.ToArray());
        CollectionAssert.AreEqual(new[] { final, tools, base_ }, last.Ancestors.ToArray());
        Assert.AreSame(base_, last.Root);
        Assert.AreSame(other, other.Root);
        Assert.AreEqual(0, other.Ancestors.Count());
        CollectionAssert.AreEqual(new[] { "RUN echo base", "RUN echo tools" }, final.ChainInstructions.Select(i => i.Syntax.Original).ToArray());
    }

    [TestMethod]
    public void A_loop_over_the_chain_instructions_passes_stages_without_instructions_and_starts_again_each_time()
    {
        var model = Model("""
            FROM debian:12 AS base
            RUN echo one
            RUN echo two
            FROM base AS empty
            FROM empty AS final
            WORKDIR /app
            FROM alpine:3.20 AS bare
            """);
        var (final, bare) = (model.Stages[2], model.Stages[3]);
        for (int pass = 0; pass < 2; pass++)
        {
            var seen = new List<string>();
            foreach (var instruction in final.ChainInstructions)
            {
                seen.Add(instruction.Syntax.Original);
            }
            CollectionAssert.AreEqual(new[] { "RUN echo one", "RUN echo two", "WORKDIR /app" }, seen);
        }
        foreach (var instruction in bare.ChainInstructions)
        {
            Assert.Fail("a stage of no instructions on an image has none in its chain: " + instruction);
        }
        Assert.AreEqual(3, final.ChainInstructions.Count());
    }

    [TestMethod]
    public void A_stage_cannot_build_on_itself_or_a_later_stage()
    {
        var model = Model("FROM self AS self\nFROM later AS first\nFROM alpine AS later\n");
        Assert.IsTrue(model.Stages.All(s => s.BaseStage is null && s.Chain.Count == 1));
    }

    [TestMethod]
    public void Instructions_before_any_FROM_form_an_implicit_stage_after_the_error()
    {
        var model = Model("ARG V=1\nRUN echo $V\nUSER app\nFROM alpine AS one\nCOPY --from=0 /a /b\nFROM one\n");
        Assert.AreEqual(3, model.Stages.Count);
        var implicitStage = model.Stages[0];
        Assert.IsTrue(implicitStage.IsImplicit);
        Assert.AreEqual(-1, implicitStage.Index);
        CollectionAssert.AreEqual(new[] { "RUN echo $V", "USER app" }, implicitStage.Instructions.Select(i => i.Syntax.Original).ToArray());
        Assert.AreEqual("1", model.Expand(implicitStage.Instructions[0], "$V").Result, "the ARGs above are in scope");
        Assert.AreEqual(0, model.Stages[1].Index);
        Assert.AreEqual(1, model.Stages[2].Index);
        Assert.AreSame(model.Stages[1], model.Stages[2].BaseStage);
        Assert.AreSame(model.Stages[1], model.Stages[1].References.Single().Target, "--from=0 is stage 0 itself (COPT2023 reports it), not the implicit stage");
        Assert.AreEqual(ParseDiagnosticCodes.InstructionBeforeFrom, model.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void Args_after_a_stray_instruction_and_before_the_first_FROM_are_global()
    {
        var model = Model("LABEL a=b\nARG BASE=alpine\nRUN echo $BASE\nFROM $BASE\n");
        CollectionAssert.AreEqual(new[] { "ARG BASE=alpine" }, model.GlobalArgs.Select(a => a.Syntax.Original).ToArray());
        CollectionAssert.AreEqual(new[] { "LABEL a=b", "RUN echo $BASE" }, model.Stages[0].Instructions.Select(i => i.Syntax.Original).ToArray());
        Assert.AreEqual("alpine", model.Expand(model.Stages[0].Instructions[1], "$BASE").Result, "the implicit stage still sees it");
        Assert.AreEqual("alpine", model.Stages[1].BaseName);
        Assert.AreEqual(ParseDiagnosticCodes.InstructionBeforeFrom, model.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void In_a_file_without_FROM_an_arg_after_an_instruction_stays_in_the_implicit_stage()
    {
        var model = Model("RUN true\nARG V=1\nRUN echo $V\n");
        Assert.AreEqual(0, model.GlobalArgs.Count);
        Assert.AreEqual(3, model.FinalStage!.Instructions.Count);
        Assert.AreEqual("1", model.Expand(model.FinalStage.Instructions[2], "$V").Result);
    }

    [TestMethod]
    public void A_file_without_FROM_is_one_implicit_stage_and_the_missing_FROM_is_reported()
    {
        var model = Model("RUN apt-get update\nRUN apt-get install -y curl\n");
        Assert.AreSame(model.Stages.Single(), model.FinalStage);
        Assert.IsTrue(model.FinalStage!.IsImplicit);
        Assert.AreEqual(2, model.FinalStage.Instructions.Count);
        CollectionAssert.AreEquivalent(new[] { ParseDiagnosticCodes.InstructionBeforeFrom, ParseDiagnosticCodes.MissingFrom },
            model.Diagnostics.Select(d => d.Code).ToArray());
    }
}
