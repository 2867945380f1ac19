using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3003AddedThenDeletedTests
{
    [TestMethod]
    public void A_copied_file_deleted_in_a_later_RUN_is_reported_at_the_path()
    {
        var findings = RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nRUN rm [|/tmp/app.tar.gz|]\n");
        Assert.AreEqual(
            "'/tmp/app.tar.gz' was added by the COPY on line 2 and is deleted here, in a later layer: its bytes stay in line 2's layer. If only a RUN needs it, bind-mount it into that RUN instead of copying it: RUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz ....",
            findings[0].Message);
    }

    [TestMethod]
    public void The_bind_mount_hint_names_the_stage_of_COPY_from()
    {
        var findings = RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim AS build\nFROM debian:12-slim\nCOPY --from=build /out/tool.deb /tmp/tool.deb\nRUN dpkg -i /tmp/tool.deb\nRUN rm -f [|/tmp/tool.deb|]\n");
        StringAssert.Contains(findings[0].Message, "RUN --mount=type=bind,from=build,source=/out/tool.deb,target=/tmp/tool.deb");
    }

    [TestMethod]
    public void Downloads_of_an_earlier_RUN_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim\nWORKDIR /tmp\nRUN curl -fsSLo /tmp/a.zip https://example.com/a.zip\nRUN wget -O /tmp/b.tgz https://example.com/b.tgz\n" +
            "RUN wget -q -P /opt https://example.com/c.tgz\nRUN curl -fsSLO https://example.com/d.tgz\n" +
            "RUN unzip a.zip && rm -f [|/tmp/a.zip|] [|b.tgz|] [|/opt/c.tgz|] [|d.tgz|]\n");
        StringAssert.StartsWith(findings[0].Message, "'/tmp/a.zip' was downloaded by 'curl' on line 3 and is deleted here, in a later layer: its bytes stay in line 3's layer. Download, use and delete it in one RUN.");
    }

    [TestMethod]
    public void A_remote_ADD_deleted_later_is_reported() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim\nADD https://example.com/tool.tgz /opt/\nRUN tar -xzf /opt/tool.tgz -C /usr/local\nRUN rm [|/opt/tool.tgz|]\n");

    [TestMethod]
    public void Download_use_and_delete_in_one_RUN_is_right() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt && rm /tmp/a.tgz\n" +
            "RUN wget -qO- https://example.com/b.tgz | tar -xz && rm -rf /tmp/b.tgz\n");

    [TestMethod]
    public void A_download_onto_a_mount_never_reaches_a_layer() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim\nRUN --mount=type=tmpfs,target=/tmp curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN rm -f /tmp/a.tgz\n");

    [TestMethod]
    public void Part_of_a_copied_folder_deleted_later_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nRUN rm -rf [|tests|] [|/app/docs/*.md|]\n");
        StringAssert.StartsWith(findings[0].Message,
            "'/app/tests' came in with the COPY of '.' on line 3 and is deleted here, in a later layer: its bytes stay in line 3's layer. Leave it out of the copy instead: list it in .dockerignore or copy narrower paths.");
    }

    [TestMethod]
    public void A_parent_folder_or_a_glob_names_the_file_it_deletes()
    {
        var findings = RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim\nCOPY tool.tgz /opt/tool/tool.tgz\nCOPY a.tgz b.tgz /tmp/\nRUN rm -rf [|/opt/tool|] [|/tmp/*.tgz|]\n");
        StringAssert.StartsWith(findings[0].Message, "'/opt/tool/tool.tgz' was added by the COPY on line 2 and is deleted here");
        StringAssert.StartsWith(findings[1].Message, "'/tmp/b.tgz' was added by the COPY on line 3 and is deleted here");
    }

    [TestMethod]
    public void A_whole_copied_folder_deleted_later_is_reported() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim\nCOPY *.deb /tmp/debs/\nRUN dpkg -i /tmp/debs/*.deb\nRUN rm -rf [|/tmp/debs|]\n");

    [TestMethod]
    public void Build_folders_a_RUN_in_between_may_have_made_are_left_alone() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet build\nRUN rm -rf bin obj [|docs|]\n");

    [TestMethod]
    public void Paths_the_same_RUN_may_have_made_first_are_left_alone() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && rm -rf /app/node_modules/.cache /app/tests\n");

    [TestMethod]
    public void A_folder_removed_without_r_is_a_failing_build_not_waste() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim\nCOPY conf/ /etc/app/\nRUN rm /etc/app\n");

    [TestMethod]
    public void Inside_a_system_folder_the_base_image_may_have_made_the_file() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM nginx:1.27-alpine\nCOPY dist/ /usr/share/nginx/html/\nCOPY conf/ /etc/nginx/\nRUN rm /usr/share/nginx/html/50x.html /etc/nginx/conf.d/default.conf\nRUN rm -rf [|/etc/nginx|]\n");

    [TestMethod]
    public void A_build_stage_is_not_checked() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim AS build\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nRUN rm /tmp/app.tar.gz\nFROM debian:12-slim\nCOPY --from=build /opt /opt\n");

    [TestMethod]
    public void Unrelated_deletes_are_left_alone() =>
        RuleVerifier.Verify<COPT3003AddedThenDeleted>(
            "FROM debian:12-slim\nCOPY app.conf /etc/app/app.conf\nRUN rm -f /etc/nginx/conf.d/default.conf /etc/app/other.conf $TMPFILE\n");
}
