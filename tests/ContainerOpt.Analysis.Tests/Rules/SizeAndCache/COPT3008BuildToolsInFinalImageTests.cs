using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3008BuildToolsInFinalImageTests
{
    [TestMethod]
    public void A_single_stage_on_a_toolchain_image_is_reported_at_the_image()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM [|golang:1.22|]\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n");
        Assert.AreEqual(
            "The final image is based on 'golang:1.22', which carries the Go toolchain: build in an earlier stage and copy only the output into the final image (FROM gcr.io/distroless/static-debian12 or scratch for a static binary).",
            findings[0].Message);
    }

    [TestMethod]
    public void The_dotnet_sdk_suggests_the_runtime_of_the_same_version()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "ARG V=8.0\nFROM [|mcr.microsoft.com/dotnet/sdk:${V}|]\nCOPY . /src\nRUN dotnet publish /src -o /app\nCMD [\"dotnet\", \"/app/App.dll\"]\n");
        StringAssert.Contains(findings[0].Message, "'mcr.microsoft.com/dotnet/sdk:8.0', which carries the whole .NET SDK");
        StringAssert.Contains(findings[0].Message, "(FROM mcr.microsoft.com/dotnet/aspnet:8.0, or runtime/runtime-deps");
    }

    [TestMethod]
    public void Tools_the_container_starts_with_cannot_be_removed_but_the_toolchain_base_is_still_reported()
    {
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM [|golang:1.17-alpine|]\nRUN apk add go make\nCOPY . /wrk\nWORKDIR /wrk\nRUN make build\nENTRYPOINT [\"make\",\"build-start\"]\n");
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>("FROM debian:12\nRUN apt-get update && apt-get install -y gcc make\nCOPY . /src\nCMD make -C /src run\n");
        // The built program started: the compilers are left behind.
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>("FROM debian:12\nRUN apt-get update && apt-get install -y [|gcc|] make\nCOPY . /src\nRUN make -C /src\nCMD [\"/src/app\"]\n");
    }

    [TestMethod]
    public void Toolchains_in_build_stages_are_where_they_belong() =>
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n");

    [TestMethod]
    public void A_final_stage_built_on_a_toolchain_stage_is_reported_at_the_root_image() =>
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM [|maven:3.9-eclipse-temurin-21|] AS base\nFROM base\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");

    [TestMethod]
    public void Compilers_installed_and_never_removed_are_reported_at_the_first()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl [|build-essential|] libpq-dev=15.6 && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]\n");
        Assert.AreEqual(
            "'build-essential' and 'libpq-dev' are installed in the final image and never removed: build in an earlier stage and copy only the output into the final image, or remove them at the end of the same RUN.",
            findings[0].Message);
    }

    [TestMethod]
    public void Every_system_manager_is_checked()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM alpine:3.20\nRUN apk add --no-cache [|build-base|] musl-dev\nRUN dnf install -y gcc-c++\nRUN yum groupinstall -y \"Development Tools\"\nRUN zypper in -y openssl-devel\nRUN apt-get install -y openjdk-17-jdk-headless\nCOPY app /app\n");
        Assert.AreEqual(
            "'build-base' and 'musl-dev' are installed in the final image and never removed: build in an earlier stage and copy only the output into the final image, or remove them at the end of the same RUN; the RUNs on lines 3, 4, 5 and 6 leave build tools too.",
            findings[0].Message);
        Assert.AreEqual(4, findings[0].AdditionalLocations.Count);
    }

    [TestMethod]
    public void One_habit_over_many_runs_is_one_finding_that_names_the_other_runs()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y \\\n\t[|libboost-dev|]\nRUN apt-get update && apt-get install -y \\\n\tlibprotobuf-dev\n"
            + "COPY . /app\nCMD [\"/app/server\"]\n");
        Assert.AreEqual(
            "'libboost-dev' is installed in the final image and never removed: build in an earlier stage and copy only the output into the final image, or remove it at the end of the same RUN; the RUN on line 4 leaves build tools too.",
            findings[0].Message);
        Assert.AreEqual(3, findings[0].Location.Start.Line);
        Assert.AreEqual(2, findings[0].Location.Start.Column);
    }

    [TestMethod]
    public void An_app_that_builds_a_native_module_and_runs_it_is_still_reported()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM node:20-slim\nRUN apt-get update && apt-get install -y [|gcc|] make python3\nWORKDIR /app\nCOPY . .\nRUN npm install --omit=dev\nCMD [\"node\", \"app.js\"]\n");
        Assert.AreEqual(
            "'gcc' and 'make' are installed in the final image and never removed: build in an earlier stage and copy only the output into the final image, "
            + "or remove them in one RUN with the install, after the last command that may use them ('npm install' on line 5): merge the RUNs up to line 5.",
            findings[0].Message);
    }

    [TestMethod]
    public void Tools_a_later_run_compiles_with_are_removed_after_that_run_not_in_the_install()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y [|gcc|] && rm -rf /var/lib/apt/lists/*\nCOPY hello.c /src/\n"
            + "RUN gcc -O2 -o /usr/local/bin/hello /src/hello.c\nRUN /usr/local/bin/hello --selftest\nCMD [\"hello\"]\n");
        Assert.AreEqual(
            "'gcc' is installed in the final image and never removed: build in an earlier stage and copy only the output into the final image, "
            + "or remove it in one RUN with the install, after the last command that may use it ('gcc' on line 4): merge the RUNs up to line 4.",
            findings[0].Message);
    }

    [TestMethod]
    public void Headers_a_later_pip_install_may_compile_against_are_not_removed_in_the_install()
    {
        // The real-world shape: system headers first, the requirements (psycopg2 built from source) in later RUNs.
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends [|libpq-dev|] gcc && rm -rf /var/lib/apt/lists/*\n"
            + "WORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY dev-requirements.txt .\n"
            + "RUN pip3 install --no-cache-dir -r dev-requirements.txt\nCOPY . .\nCMD [\"gunicorn\", \"app:app\"]\n");
        Assert.AreEqual(
            "'libpq-dev' and 'gcc' are installed in the final image and never removed: build in an earlier stage and copy only the output into the final image, "
            + "or remove them in one RUN with the install, after the last command that may use them ('pip3 install' on line 7): merge the RUNs up to line 7.",
            findings[0].Message);
    }

    [TestMethod]
    public void Tools_a_later_stage_uses_can_only_go_to_a_build_stage()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y [|make|]\nFROM base\nCOPY . /src\nRUN make -C /src install\nCMD [\"/usr/local/bin/app\"]\n");
        Assert.AreEqual(
            "'make' is installed in the final image and never removed: build in an earlier stage and copy only the output into the final image.",
            findings[0].Message);
    }

    [TestMethod]
    public void A_later_run_that_uses_no_build_tool_keeps_the_same_run_removal()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y [|cmake|]\nRUN useradd app && mkdir /data\nRUN npm install -g npm@latest && pip install -U pip setuptools wheel\n"
            + "COPY app /app\nCMD [\"/app/server\"]\n");
        Assert.AreEqual(
            "'cmake' is installed in the final image and never removed: build in an earlier stage and copy only the output into the final image, or remove it at the end of the same RUN.",
            findings[0].Message);
    }

    [TestMethod]
    public void A_full_language_image_on_buildpack_deps_already_holds_the_compilers_and_common_headers() =>
        // ruby:3.0 is built FROM buildpack-deps:bullseye: gcc, make, libpq-dev are in its layers; a later RUN compiles pg against them
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM ruby:3.0\nRUN apt-get update -qq && apt-get install -y --no-install-recommends curl build-essential libpq-dev nodejs\n" +
            "WORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\nCMD [\"bundle\", \"exec\", \"rails\", \"server\"]\n");

    [TestMethod]
    [DataRow("python:3.12", "gcc libffi-dev libssl-dev zlib1g-dev")]
    [DataRow("python:3.11-bookworm", "libxml2-dev libxslt1-dev libjpeg-dev")]
    [DataRow("node:22", "g++ make")]
    [DataRow("perl:5.40", "libexpat1-dev=2.5.0-1 libmysqlclient-dev", "'libexpat1-dev'")]
    [DataRow("golang:1.23", "gcc libc6-dev pkg-config")]
    [DataRow("golang:1.23", "libpq-dev", "'libpq-dev'")]
    [DataRow("python:3.12-slim", "gcc libpq-dev", "'gcc' and 'libpq-dev'")]
    [DataRow("ruby:3.3-alpine", "build-base", "'build-base'", "apk add")]
    [DataRow("eclipse-temurin:21", "gcc", "'gcc'")]
    public void Only_the_packages_the_base_does_not_hold_are_reported(string image, string packages, string? reported = null, string install = "apt-get install -y")
    {
        var findings = RuleVerifier.Run<COPT3008BuildToolsInFinalImage>($"FROM {image}\nRUN {install} {packages}\nCOPY app.py .\nCMD [\"./app\"]\n")
            .Where(f => f.Message.Contains("installed in the final image", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(reported is null ? 0 : 1, findings.Count, image);
        if (reported is not null)
        {
            StringAssert.StartsWith(findings[0].Message, reported + (reported.Contains(" and ", StringComparison.Ordinal) ? " are" : " is") + " installed in the final image and never removed");
        }
    }

    [TestMethod]
    public void A_header_the_full_image_lacks_is_reported_at_it()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM python:3.11\nRUN apt-get update && apt-get install -y libpq-dev [|libgdal-dev|] gcc && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]\n");
        Assert.AreEqual(
            "'libgdal-dev' is installed in the final image and never removed: build in an earlier stage and copy only the output into the final image, or remove it at the end of the same RUN.",
            findings[0].Message);
    }

    [TestMethod]
    public void Ci_build_environments_test_runners_and_ssh_dev_boxes_keep_their_toolchain()
    {
        // One stage, no command, a toolchain, only helper files copied: a CI build environment.
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM debian:bullseye\nRUN apt-get update && apt-get install -y build-essential libssl-dev\nCOPY ./install-gtest.sh /\nRUN bash /install-gtest.sh\n"
            + "COPY pkgconfig/*.pc /\nRUN apt-get update && apt-get install -y nlohmann-json3-dev\n");
        // A test runner on a toolchain image: the toolchain is what the container runs.
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>("FROM golang\nWORKDIR /go/src/app\nADD . /go/src/app\nCMD make test-with-coverage\n");
        // A box to SSH into and build in.
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM ubuntu:16.04\nRUN apt-get update && apt-get install -y libboost-dev\nRUN apt-get update && apt-get install -y openssh-server build-essential gdb\n"
            + "CMD [ \"/usr/sbin/sshd\", \"-D\" ]\n");
    }

    [TestMethod]
    public void Build_dependencies_removed_again_are_right() =>
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir psycopg2 && apk del .build-deps\n" +
            "RUN apt-get install -y gcc && make && apt-get purge -y --auto-remove gcc\nRUN apt-get install -y make\nRUN make && apt-get purge -y make\n" +
            "RUN apt-get install -y cmake && apt-get purge -y --auto-remove $buildDeps\nRUN apt-get install -y curl libpq5\n");

    [TestMethod]
    public void Node_dev_dependencies_in_the_final_image_are_reported()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN [|npm|] ci\nRUN [|yarn|] install --frozen-lockfile\nCOPY . .\nCMD [\"node\", \"server.js\"]\n");
        Assert.AreEqual("'npm ci' in the final image installs devDependencies too, if package.json has any: build in an earlier stage and copy only the output into the final image, or install only production dependencies here ('npm ci --omit=dev').", findings[0].Message);
        Assert.AreEqual("'yarn install' in the final image installs devDependencies too, if package.json has any: build in an earlier stage and copy only the output into the final image, or install only production dependencies here ('yarn install --production').", findings[1].Message);
    }

    [TestMethod]
    [DataRow("FROM node:alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nEXPOSE 5173\n")]
    [DataRow("FROM node:9.6.1\nWORKDIR /usr/src/app\nCOPY package.json /usr/src/app/package.json\nRUN npm install --silent\nCMD [\"npm\", \"start\"]\n")]
    [DataRow("FROM node:18\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install\nCOPY . .\nEXPOSE 4200\nCMD yarn start\n")]
    [DataRow("FROM node:10\nCOPY /api/package.json /api/package-lock.json /api/\nRUN npm install\nCMD npm run start:dev\n")]
    public void A_front_end_dev_server_keeps_its_dev_dependencies(string dockerfile) =>
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(dockerfile);

    [TestMethod]
    public void Npm_start_serving_a_built_app_is_still_reported()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN [|npm|] ci\nCOPY . .\nRUN npm run build\nEXPOSE 5173\nCMD [\"npm\", \"start\"]\n");
        Assert.AreEqual("'npm ci' in the final image installs devDependencies too, if package.json has any: build in an earlier stage and copy only the output into the final image, or install only production dependencies here ('npm ci --omit=dev').", findings[0].Message);
        // npm start of a server whose source is in the image (node server.js behind the script): an application
        Assert.AreEqual(1, RuleVerifier.Run<COPT3008BuildToolsInFinalImage>("FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nEXPOSE 3000\nCMD npm start\n").Count);
    }

    [TestMethod]
    public void Production_installs_and_pruned_dev_dependencies_are_right() =>
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM node:20-slim\nRUN npm ci --omit=dev\nRUN npm ci --production\nRUN npm ci --only=production\nRUN NODE_ENV=production npm install\n" +
            "RUN npm ci && npm run build && npm prune --omit=dev\nRUN yarn install --production\nRUN npm install -g pm2 && npm install express\n" +
            "ENV NODE_ENV=production\nRUN npm ci\nRUN yarn\n");

    [TestMethod]
    public void Dev_containers_build_environments_and_base_images_keep_their_tools()
    {
        const string devImage = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN apt-get update && apt-get install -y build-essential\nCOPY . /src\nCMD [\"sleep\", \"infinity\"]\n";
        Assert.AreEqual(0, RuleVerifier.Run<COPT3008BuildToolsInFinalImage>(devImage).Count);
        const string app = "FROM golang:1.22\nRUN apt-get install -y cmake\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n";
        Assert.AreEqual(2, RuleVerifier.Run<COPT3008BuildToolsInFinalImage>(app).Count);
        Assert.AreEqual(0, RuleVerifier.Run<COPT3008BuildToolsInFinalImage>(app, path: "/repo/.devcontainer/Dockerfile").Count);
        Assert.AreEqual(0, RuleVerifier.Run<COPT3008BuildToolsInFinalImage>(app.Replace("FROM golang:1.22", "FROM golang:1.22 AS builder")).Count);
        // docker-library's golang image: no application, no command of its own.
        Assert.AreEqual(0, RuleVerifier.Run<COPT3008BuildToolsInFinalImage>("FROM buildpack-deps:bookworm-scm\nRUN apt-get install -y gcc libc6-dev make\n").Count);
    }

    [TestMethod]
    public void A_jre_tag_is_not_a_jdk()
    {
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>("FROM openjdk:8-jre-alpine\nCOPY app.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>("FROM [|openjdk:17-jdk-slim|]\nCOPY app.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
    }

    [TestMethod]
    public void Printing_yarns_version_installs_nothing() =>
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>("FROM node:20-slim\nRUN npm i -g yarn@1.22.22 && yarn --version && yarn -v\nCOPY . .\nCMD [\"node\", \"index.js\"]\n");

    [TestMethod]
    public void An_old_node_image_is_told_the_flag_its_npm_knows()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM node:6.9-slim\nWORKDIR /usr/src/app\nCOPY . /usr/src/app\nRUN [|npm|] install\nCMD [\"npm\", \"start\"]\n");
        Assert.AreEqual("'npm install' in the final image installs devDependencies too, if package.json has any: build in an earlier stage and copy only the output into the final image, or install only production dependencies here ('npm install --production': node 6 comes with an npm older than 7, which ignores --omit=dev).", findings[0].Message);
    }

    [TestMethod]
    [DataRow("node:14-alpine", "('npm ci --production': node 14 comes with an npm older than 7, which ignores --omit=dev)")]
    [DataRow("node:15", "('npm ci --omit=dev')")]
    [DataRow("node:lts-alpine", "('npm ci --omit=dev' on npm 7 and later, 'npm ci --production' on npm 6 and older)")]
    [DataRow("debian:12-slim", "('npm ci --omit=dev' on npm 7 and later, 'npm ci --production' on npm 6 and older)")]
    public void The_npm_flag_follows_the_node_version_in_the_tag(string image, string fix)
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>($"FROM {image}\nCOPY package*.json ./\nRUN [|npm|] ci\nCMD [\"node\", \"index.js\"]\n");
        StringAssert.EndsWith(findings[0].Message, $", or install only production dependencies here {fix}.");
    }

    [TestMethod]
    public void Dev_packages_of_a_dotnet_image_can_be_what_PInvoke_loads() =>
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM microsoft/aspnet:1.0.0-rc1-update1\nRUN apt-get -qq update && apt-get install -qqy sqlite3 libsqlite3-dev && rm -rf /var/lib/apt/lists/*\n" +
            "COPY . /app\nWORKDIR /app\nRUN [\"dnu\", \"restore\"]\nENTRYPOINT [\"dnx\", \"-p\", \"project.json\", \"web\"]\n");

    [TestMethod]
    public void Dev_packages_on_a_dotnet_root_image_are_not_reported_whatever_the_final_stage_runs() =>
        // The root of the final stage's chain is a .NET image: that alone makes it a .NET image (no dotnet ENTRYPOINT needed).
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0 AS base\nRUN apt-get update && apt-get install -y libsqlite3-dev\n\nFROM base\nCOPY out /app\nCMD [\"/app/server\"]\n");

    [TestMethod]
    public void A_dotnet_image_still_reports_compilers_by_name()
    {
        var findings = RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN apt-get update && apt-get install -y libgdiplus libsqlite3-dev [|gcc|]\nCOPY out /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n");
        Assert.AreEqual("'gcc' is installed in the final image and never removed: build in an earlier stage and copy only the output into the final image, or remove it at the end of the same RUN.", findings[0].Message);
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM debian:12-slim\nRUN apt-get install -y libicu-dev libsqlite3-dev\nCOPY out /app\nCMD [\"/usr/bin/dotnet\", \"/app/App.dll\"]\n");
        RuleVerifier.Verify<COPT3008BuildToolsInFinalImage>(
            "FROM debian:12-slim\nRUN apt-get install -y [|libsqlite3-dev|]\nCOPY out /app\nCMD [\"/app/server\"]\n");
    }
}
