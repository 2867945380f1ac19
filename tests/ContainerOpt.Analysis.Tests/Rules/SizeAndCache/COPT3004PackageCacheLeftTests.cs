using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3004PackageCacheLeftTests
{
    [TestMethod]
    public void Apt_lists_left_behind_are_reported_at_the_update()
    {
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM debian:12\nRUN [|apt-get|] update && apt-get install -y --no-install-recommends curl\n");
        Assert.AreEqual(
            "'apt-get update' leaves the apt package lists (/var/lib/apt/lists) in this layer: end the same RUN with 'rm -rf /var/lib/apt/lists/*', or mount a cache on /var/lib/apt/lists.",
            findings[0].Message);
    }

    [TestMethod]
    public void It_stands_in_for_the_hadolint_cache_rules() =>
        CollectionAssert.AreEquivalent(
            new[] { "COPT2009", "COPT2019", "COPT2032", "COPT2036", "COPT2040", "COPT2042", "COPT2060", "COPT2074" },
            new COPT3004PackageCacheLeft().Supersedes.ToArray());

    [TestMethod]
    public void Apt_cleanup_and_cache_mounts_are_right() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n" +
            "RUN apt-get update && apt-get install -y jq && find /var/lib/apt/lists -type f -delete\n" +
            "RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y git\n" +
            "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y gcc\n" +
            "RUN apt-get install -y ./local.deb\n");

    [TestMethod]
    public void Apt_clean_alone_does_not_remove_the_lists() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM ubuntu:24.04\nRUN [|apt-get|] update && apt-get install -y curl && apt-get clean\n");

    [TestMethod]
    public void Downloaded_debs_count_once_docker_clean_is_turned_off() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN apt-get update && [|apt-get|] install -y curl && rm -rf /var/lib/apt/lists/*\n" +
            "RUN apt-get update && apt-get install -y jq && apt-get clean && rm -rf /var/lib/apt/lists/*\n" +
            "RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n");

    [TestMethod]
    public void Both_apt_caches_left_are_one_finding()
    {
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM debian:12\nRUN echo 'Binary::apt::APT::Keep-Downloaded-Packages \"true\";' > /etc/apt/apt.conf.d/keep-cache\nRUN [|apt-get|] update && apt-get install -y curl\n");
        StringAssert.Contains(findings[0].Message, "leaves the apt package lists (/var/lib/apt/lists) and apt's package cache (/var/cache/apt) in this layer");
    }

    [TestMethod]
    public void Apk_without_no_cache_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM alpine:3.20\nRUN [|apk|] add --update curl\nRUN apk update && apk add --no-cache git\n" +
            "RUN apk add --no-cache jq\nRUN apk add bash && rm -rf /var/cache/apk/*\nRUN --mount=type=cache,target=/var/cache/apk apk add make\n" +
            "RUN apk add --no-network --virtual .rundeps $runDeps\n");
        StringAssert.EndsWith(findings[0].Message, "or end the same RUN with 'rm -rf /var/cache/apk/*'; the same in the RUN on line 3.");
    }

    [TestMethod]
    public void Rpm_managers_need_clean_all() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM rockylinux:9\nRUN [|yum|] install -y curl\nRUN yum install -y git && yum clean packages\nRUN yum install -y jq && yum clean all\n" +
            "RUN [|dnf|] install -y make\nRUN dnf install -y gcc && dnf clean all\nRUN microdnf install -y tar && rm -rf /var/cache/yum/*\n" +
            "RUN [|zypper|] --non-interactive install vim\nRUN zypper in -y less && zypper clean -a\n");

    [TestMethod]
    public void Microdnf_gets_its_own_clean_command()
    {
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN [|microdnf|] install -y tar\n");
        StringAssert.Contains(findings[0].Message, "end the same RUN with 'microdnf clean all'");
    }

    [TestMethod]
    public void Tdnf_keeps_its_cache_in_its_own_folder()
    {
        // Photon OS and Azure Linux (the .NET images' azurelinux tags): /var/cache/tdnf, not dnf's folder.
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>("FROM mcr.microsoft.com/azurelinux/base/core:3.0\nRUN [|tdnf|] install -y icu\nCMD [\"/app\"]\n");
        Assert.AreEqual("'tdnf install' leaves the tdnf metadata and package cache (/var/cache/tdnf) in this layer: end the same RUN with 'tdnf clean all', or mount a cache on /var/cache/tdnf.",
            findings[0].Message);
        RuleVerifier.Verify<COPT3004PackageCacheLeft>("FROM photon:5.0\nRUN tdnf install -y icu && tdnf clean all\nRUN tdnf install -y tar && rm -rf /var/cache/tdnf\nCMD [\"/app\"]\n");
    }

    [TestMethod]
    public void Pip_without_no_cache_dir_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM python:3.12-slim\nRUN [|pip|] install flask && pip install gunicorn\nRUN python3 -m pip install -r requirements.txt\nRUN pipx install black\n");
        Assert.AreEqual(
            "'pip install' leaves the pip download and wheel cache (~/.cache/pip) in this layer: add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1), or mount a cache on /root/.cache/pip; the same in the RUN on line 3.",
            findings[0].Message);
    }

    [TestMethod]
    public void Pip_cache_switched_off_or_mounted_is_right() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nRUN PIP_NO_CACHE_DIR=1 pip install gunicorn\n" +
            "RUN export PIP_NO_CACHE_DIR=true && pip3 install uvicorn\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n" +
            "RUN --mount=type=cache,target=/home/app/.cache/pip pip install httpx\nRUN pip install --cache-dir /tmp/pip black && rm -rf /tmp/pip\n" +
            "RUN pip install mypy && pip cache purge\nENV PIP_NO_CACHE_DIR=1\nRUN pip install ruff\n");

    [TestMethod]
    public void Uv_npm_and_yarn_caches_are_checked() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM node:20-slim\nRUN [|uv|] pip install --system flask\nRUN uv pip install --no-cache --system httpx\n" +
            "RUN [|npm|] ci\nRUN npm ci && npm cache clean --force\nRUN npm install && npm cache clean\nRUN --mount=type=cache,target=/root/.npm npm ci\n" +
            "RUN [|yarn|]\nRUN yarn install --frozen-lockfile && yarn cache clean\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n");

    [TestMethod]
    public void Gem_documentation_is_reported_unless_the_ruby_image_skips_it() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM ruby:3.3 AS ruby\nRUN gem install rails\nFROM debian:12-slim\nRUN [|gem|] install bundler\nRUN gem install rake --no-document\nRUN gem install rspec -N\nCOPY --from=ruby / /\n");

    [TestMethod]
    public void NuGet_packages_are_reported_in_the_final_stage()
    {
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet restore\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN [|dotnet|] restore && dotnet publish --no-restore -o /app\n" +
            "RUN dotnet tool install -g dotnet-ef\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet publish -o /app\n" +
            "RUN dotnet publish -o /app && dotnet nuget locals all --clear\nRUN dotnet build --no-restore\nRUN dotnet pack -o /out --no-build && dotnet test --no-build\n");
        StringAssert.StartsWith(findings[0].Message, "'dotnet restore' leaves the NuGet package cache (~/.nuget/packages) in this layer: mount it as a cache");
    }

    [TestMethod]
    public void Build_stages_are_not_checked_but_wholesale_copies_are() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM python:3.12 AS build\nRUN pip install flask\nFROM python:3.12 AS deps\nRUN [|pip|] install gunicorn\nFROM scratch\nCOPY --from=build /usr/local/lib /usr/local/lib\nCOPY --from=deps / /\n");

    [TestMethod]
    public void Heredocs_sh_c_and_onbuild_are_understood() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n" +
            "RUN <<EOF\n[|apt-get|] update\napt-get install -y jq\nEOF\nRUN sh -c [|\"pip install flask\"|]\nONBUILD RUN [|apk|] add curl\n");

    [TestMethod]
    public void A_cleanup_before_the_install_does_not_count() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && [|apt-get|] update && apt-get install -y curl\n");

    [TestMethod]
    public void Powershell_is_not_checked() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN pip install flask\n");

    [TestMethod]
    public void A_windows_stage_is_not_checked_under_its_default_cmd_shell_either()
    {
        // cmd runs the RUN (no SHELL), and the cleanup is PowerShell's: the rule reads neither.
        RuleVerifier.Verify<COPT3004PackageCacheLeft>("# escape=`\nFROM python:3.13-windowsservercore\nRUN pip install /src && `\n    powershell -Command \"Remove-Item -Path $env:LOCALAPPDATA\\pip\\Cache -Recurse -Force\"\n");
        RuleVerifier.Verify<COPT3004PackageCacheLeft>("FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nRUN pip install flask\n");
        // The same RUN on Linux is reported.
        RuleVerifier.Verify<COPT3004PackageCacheLeft>("FROM python:3.13\nRUN [|pip|] install flask\n");
    }

    [TestMethod]
    public void A_build_after_an_explicit_restore_restores_nothing_new() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS base\nRUN [|dotnet|] restore\nFROM base\nRUN dotnet publish -o /app\nRUN dotnet test\n");

    [TestMethod]
    public void An_abbreviation_pip_accepts_for_no_cache_dir_turns_the_cache_off() =>
        RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM python:3.11-slim\nRUN pip install --no-cache poetry==2.1.1\nRUN pip3 install --no-cache-d -r requirements.txt\nRUN pip install --no-ca flask\n");

    [TestMethod]
    public void A_shorter_prefix_is_not_the_option()
    {
        // --no-c is also --no-color, --no-compile and --no-clean; --no-cache-dirs is no prefix.
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>("FROM python:3.11-slim\nRUN [|pip|] install --no-c flask\nRUN pip install --no-cache-dirs flask\n");
        StringAssert.EndsWith(findings[0].Message, "; the same in the RUN on line 3.");
    }

    [TestMethod]
    public void Lists_that_later_runs_install_from_are_not_to_be_deleted_here()
    {
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM ubuntu:22.04 AS common\nRUN [|apt-get|] update && apt-get install -y --no-install-recommends ca-certificates\n"
            + "FROM common AS build\nRUN apt-get install -y --no-install-recommends git make\n"
            + "FROM common AS app\nRUN apt-get install -y --no-install-recommends curl\nFROM app AS dev\nRUN apt-get -y install sudo && rm -rf /var/lib/apt/lists/*\n");
        Assert.AreEqual(
            "'apt-get update' leaves the apt package lists (/var/lib/apt/lists) in this layer: the RUNs on lines 4, 6 and 8 install from them without an 'apt-get update' of their own, "
            + "so deleting them here breaks those installs: run 'apt-get update' in each RUN that installs, and end each such RUN with 'rm -rf /var/lib/apt/lists/*'.",
            findings[0].Message);
    }

    [TestMethod]
    public void Lists_refreshed_by_the_later_run_or_by_a_setup_script_are_its_own()
    {
        var findings = RuleVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM debian:12\nRUN [|apt-get|] update && apt-get install -y curl\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\nRUN apt-get install -y nodejs && rm -rf /var/lib/apt/lists/*\n"
            + "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y jq && rm -rf /var/lib/apt/lists/*\n");
        Assert.AreEqual(
            "'apt-get update' leaves the apt package lists (/var/lib/apt/lists) in this layer: end the same RUN with 'rm -rf /var/lib/apt/lists/*', or mount a cache on /var/lib/apt/lists.",
            findings[0].Message);
    }
}
