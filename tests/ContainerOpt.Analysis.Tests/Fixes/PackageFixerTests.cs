using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Fixes;

/// <summary>Exact before/after of the package-manager fixers: flags after the verb, cleanups at the end of the RUN.</summary>
[TestClass]
public sealed class PackageFixerTests
{
    // ---- Flags after the verb.

    [TestMethod]
    public void Apt_install_gets_no_install_recommends_and_y() =>
        FixVerifier.Verify<COPT2015AptGetNoInstallRecommends>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && apt-get install wget\n",
            "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl \\\n    && apt-get install --no-install-recommends wget\n");

    [TestMethod]
    public void Apt_install_gets_y_with_crlf_and_a_comment_inside_the_continuation() =>
        FixVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\r\nRUN apt-get update \\\r\n# tools\r\n && apt-get install \\\r\n      curl\r\n",
            "FROM debian:12\r\nRUN apt-get update \\\r\n# tools\r\n && apt-get install -y \\\r\n      curl\r\n");

    [TestMethod]
    public void Flags_go_into_heredoc_scripts_too() =>
        FixVerifier.Verify<COPT2014AptGetAssumeYes>(
            "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install curl\nEOF\n",
            "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n");

    [TestMethod]
    public void Apk_add_gets_no_cache() =>
        FixVerifier.Verify<COPT2019ApkNoCache>(
            "FROM alpine:3.20\nRUN apk add curl\n", "FROM alpine:3.20\nRUN apk add --no-cache curl\n");

    [TestMethod]
    public void Yum_dnf_and_zypper_stop_asking()
    {
        FixVerifier.Verify<COPT2030YumAssumeYes>("FROM centos:7\nRUN yum install httpd\n", "FROM centos:7\nRUN yum install -y httpd\n");
        FixVerifier.Verify<COPT2038DnfAssumeYes>("FROM fedora:40\nRUN dnf module install nodejs:20\n", "FROM fedora:40\nRUN dnf module install -y nodejs:20\n");
        FixVerifier.Verify<COPT2034ZypperNonInteractive>("FROM opensuse/leap:15\nRUN zypper install curl\n",
            "FROM opensuse/leap:15\nRUN zypper --non-interactive install curl\n");
    }

    [TestMethod]
    public void Pip_install_gets_no_cache_dir_one_a_pass_as_hadolint_reports_one_a_run() =>
        FixVerifier.Verify<COPT2042PipNoCacheDir>(
            "FROM python:3.12\nRUN python3 -m pip install --upgrade pip \\\n && pip install -r requirements.txt\n",
            "FROM python:3.12\nRUN python3 -m pip install --no-cache-dir --upgrade pip \\\n && pip install --no-cache-dir -r requirements.txt\n");

    [TestMethod]
    public void An_exec_form_run_is_left() =>
        FixVerifier.Unchanged<COPT2019ApkNoCache>("FROM alpine:3.20\nRUN [\"apk\", \"add\", \"curl\"]\n");

    // ---- Cleanups at the end of the RUN.

    [TestMethod]
    public void A_one_line_run_ends_with_the_cleanup() =>
        FixVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n");

    [TestMethod]
    public void A_continued_run_gets_a_line_in_its_own_style()
    {
        // && at the end of the lines: the new line follows the last command's indentation.
        FixVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl \\\n      wget\n",
            "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl \\\n      wget && \\\n    rm -rf /var/lib/apt/lists/*\n");
        // && at the start of the lines.
        FixVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl\n",
            "FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl \\\n  && rm -rf /var/lib/apt/lists/*\n");
        // The whole install on the RUN's line, its packages below.
        FixVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y \\\n        curl\n",
            "FROM debian:12\nRUN apt-get update && apt-get install -y \\\n        curl && \\\n    rm -rf /var/lib/apt/lists/*\n");
    }

    [TestMethod]
    public void Crlf_the_backtick_escape_and_a_comment_inside_the_continuation_stay() =>
        FixVerifier.Verify<COPT2009AptListsNotRemoved>(
            "# escape=`\r\nFROM debian:12\r\nRUN apt-get update `\r\n# the tools\r\n    && apt-get install -y curl\r\n",
            "# escape=`\r\nFROM debian:12\r\nRUN apt-get update `\r\n# the tools\r\n    && apt-get install -y curl `\r\n    && rm -rf /var/lib/apt/lists/*\r\n");

    [TestMethod]
    public void A_heredoc_script_gets_a_last_line() =>
        FixVerifier.Verify<COPT2009AptListsNotRemoved>(
            "FROM debian:12\nRUN <<EOF\n  set -e\n  apt-get update\n  apt-get install -y curl\nEOF\nCMD [\"curl\"]\n",
            "FROM debian:12\nRUN <<EOF\n  set -e\n  apt-get update\n  apt-get install -y curl\n  rm -rf /var/lib/apt/lists/*\nEOF\nCMD [\"curl\"]\n");

    [TestMethod]
    public void A_run_that_ends_in_a_comment_or_a_background_job_is_left()
    {
        FixVerifier.Unchanged<COPT2009AptListsNotRemoved>("FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools\n");
        FixVerifier.Unchanged<COPT2009AptListsNotRemoved>("FROM debian:12\nRUN apt-get update && apt-get install -y curl &\n");
    }

    [TestMethod]
    public void The_other_managers_clean_with_their_own_command()
    {
        FixVerifier.Verify<COPT2032YumCleanAll>("FROM centos:7\nRUN yum install -y httpd\n", "FROM centos:7\nRUN yum install -y httpd && yum clean all\n");
        FixVerifier.Verify<COPT2040DnfCleanAll>("FROM ubi9/ubi-minimal\nRUN microdnf install -y jq\n", "FROM ubi9/ubi-minimal\nRUN microdnf install -y jq && microdnf clean all\n");
        FixVerifier.Verify<COPT2036ZypperClean>("FROM opensuse/leap:15\nRUN zypper -n install curl\n", "FROM opensuse/leap:15\nRUN zypper -n install curl && zypper clean -a\n");
        FixVerifier.Verify<COPT2060YarnCacheClean>("FROM node:22\nRUN yarn install --frozen-lockfile\n", "FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n");
    }

    // ---- COPT3004: the cache the image ships, in every RUN that leaves it.

    [TestMethod]
    public void Every_run_that_leaves_the_cache_is_fixed()
    {
        FixVerifier.Verify<COPT3004PackageCacheLeft>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY a /a\nRUN apt-get update && apt-get install -y wget\n",
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY a /a\nRUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*\n");
    }

    [TestMethod]
    public void Each_manager_s_cache_gets_its_own_fix()
    {
        FixVerifier.Verify<COPT3004PackageCacheLeft>("FROM alpine:3.20\nRUN apk add curl\n", "FROM alpine:3.20\nRUN apk add --no-cache curl\n");
        FixVerifier.Verify<COPT3004PackageCacheLeft>("FROM alpine:3.20\nRUN apk update && apk add curl\n", "FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n");
        FixVerifier.Verify<COPT3004PackageCacheLeft>("FROM python:3.12\nRUN pip install flask\n", "FROM python:3.12\nRUN pip install --no-cache-dir flask\n");
        FixVerifier.Verify<COPT3004PackageCacheLeft>("FROM node:22\nRUN npm ci\n", "FROM node:22\nRUN npm ci && npm cache clean --force\n");
        FixVerifier.Verify<COPT3004PackageCacheLeft>("FROM fedora:40\nRUN dnf install -y jq\n", "FROM fedora:40\nRUN dnf install -y jq && dnf clean all\n");
    }

    [TestMethod]
    public void The_nuget_cache_is_left_a_later_restore_reads_it() =>
        FixVerifier.Unchanged<COPT3004PackageCacheLeft>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\nRUN dotnet publish --no-restore -o /app\n");
}
