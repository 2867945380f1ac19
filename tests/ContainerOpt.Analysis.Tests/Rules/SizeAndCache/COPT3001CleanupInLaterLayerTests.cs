using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3001CleanupInLaterLayerTests
{
    [TestMethod]
    public void Apt_lists_removed_in_a_later_RUN_name_the_line_that_made_them()
    {
        var findings = RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf [|/var/lib/apt/lists/*|]\n");
        Assert.AreEqual(
            "'rm -rf /var/lib/apt/lists/*' runs in a later layer than the 'apt-get update' on line 2: the apt package lists (/var/lib/apt/lists) stay in that layer's bytes. Move the cleanup into the RUN on line 2.",
            findings[0].Message);
    }

    [TestMethod]
    public void Several_cleanups_of_one_RUN_are_one_finding_at_the_first()
    {
        var findings = RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl\nRUN [|apt-get clean|] && rm -rf /var/lib/apt/lists/*\n");
        StringAssert.StartsWith(findings[0].Message,
            "'apt-get clean' and 'rm -rf /var/lib/apt/lists/*' run in a later layer than the 'apt-get update' on line 2: apt's package cache (/var/cache/apt) and the apt package lists (/var/lib/apt/lists) stay");
    }

    [TestMethod]
    public void Cleanup_in_the_same_RUN_is_right() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*\nRUN yum install -y jq && yum clean all\n");

    [TestMethod]
    public void Other_managers_caches_are_followed_too() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM python:3.12-slim\nRUN pip install flask\nRUN yum install -y jq\nRUN [|yum clean all|]\nRUN [|pip cache purge|]\n");

    [TestMethod]
    public void A_cleanup_of_a_parent_folder_counts() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM python:3.12-slim\nRUN pip install flask\nRUN rm -rf [|/root/.cache|]\n");

    [TestMethod]
    public void Packages_removed_in_a_later_RUN_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y build-essential && rm -rf /var/lib/apt/lists/*\nRUN make\nRUN [|apt-get purge -y --auto-remove build-essential|]\n");
        StringAssert.StartsWith(findings[0].Message,
            "'apt-get purge -y --auto-remove build-essential' runs in a later layer than the 'apt-get install' on line 2: the packages it removes stay in that layer's bytes.");
    }

    [TestMethod]
    public void Apk_virtual_packages_and_npm_prune_are_followed() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM node:20-alpine\nRUN apk add --no-cache --virtual .build-deps gcc make\nRUN npm ci\nRUN npm run build\nRUN [|apk del .build-deps|]\nRUN [|npm prune --omit=dev|]\n");

    [TestMethod]
    public void Removing_packages_in_the_RUN_that_installed_them_is_right() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc && make && apk del .build-deps\nRUN apk del curl\n");

    [TestMethod]
    public void Files_a_RUN_made_and_a_later_RUN_deletes_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12-slim\nRUN git clone --depth 1 https://github.com/example/tool.git /opt/tool\nRUN rm -rf [|/opt/tool/.git|]\n");
        StringAssert.StartsWith(findings[0].Message,
            "'rm -rf /opt/tool/.git' runs in a later layer than the 'git clone' on line 2: the files 'git clone' made there stay in that layer's bytes.");
    }

    [TestMethod]
    public void Build_output_deleted_later_is_reported() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nRUN dotnet publish -c Release -o /app\nRUN rm -f [|/app/*.pdb|]\n");

    [TestMethod]
    public void Node_modules_deleted_after_the_install_RUN_is_reported() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM node:20-slim\nWORKDIR /app\nRUN npm ci\nRUN npm run build\nRUN rm -rf [|node_modules|]\nRUN npm install -g pm2\nRUN rm -rf /usr/local/lib/node_modules/pm2/docs\n");

    [TestMethod]
    public void A_stage_the_final_stage_builds_on_ships_its_layers() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN rm -rf [|/var/lib/apt/lists/*|]\n");

    [TestMethod]
    public void A_build_stage_is_not_checked() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN rm -rf /var/lib/apt/lists/*\nFROM debian:12-slim\nCOPY --from=build /out /out\n");

    [TestMethod]
    public void A_cache_mount_leaves_nothing_to_clean_later() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n");

    [TestMethod]
    public void A_cleanup_after_a_script_in_the_same_RUN_may_be_for_the_script() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs && rm -rf /var/lib/apt/lists/*\n");

    [TestMethod]
    public void A_RUN_that_makes_the_cache_again_before_cleaning_it_is_not_reported() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*\n");

    [TestMethod]
    public void Heredoc_bodies_and_sh_c_are_understood() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN sh -c [|\"apt-get clean\"|]\n");

    [TestMethod]
    public void Onbuild_and_powershell_RUNs_are_not_layers_of_this_image() =>
        RuleVerifier.Verify<COPT3001CleanupInLaterLayer>(
            "FROM debian:12\nONBUILD RUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nSHELL [\"pwsh\", \"-Command\"]\nRUN apt-get update\n");
}
