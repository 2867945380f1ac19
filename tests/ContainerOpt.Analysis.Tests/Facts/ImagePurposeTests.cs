using ContainerOpt.Analysis.Facts;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Facts;

[TestClass]
public sealed class ImagePurposeTests
{
    private static ImagePurpose PurposeOf(string text, string path = "/repo/Dockerfile") =>
        new DockerfileFacts(DockerfileModel.Build(DockerfileParser.Parse(SourceText.From(text, path)))).Purpose;

    private const string App = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n";

    [TestMethod]
    public void An_image_that_copies_an_app_and_runs_it_is_an_application()
    {
        var purpose = PurposeOf(App);
        Assert.AreEqual(ImagePurposeKind.Application, purpose.Kind);
        Assert.IsTrue(purpose.IsApplication);
    }

    [TestMethod]
    [DataRow("/repo/.devcontainer/Dockerfile", "the file is under .devcontainer")]
    [DataRow("/repo/.dockerdev/Dockerfile", "the file is under .dockerdev")]
    [DataRow("/repo/Dockerfile.dev", "the file name 'Dockerfile.dev' says 'dev'")]
    [DataRow("/repo/dev.Dockerfile", "the file name 'dev.Dockerfile' says 'dev'")]
    [DataRow(@"C:\repo\docker\Dockerfile-development", "the file name 'Dockerfile-development' says 'development'")]
    public void The_path_names_a_development_image(string path, string reason)
    {
        var purpose = PurposeOf(App, path);
        Assert.AreEqual(ImagePurposeKind.Development, purpose.Kind);
        Assert.AreEqual(reason, purpose.Reason);
    }

    [TestMethod]
    public void A_watcher_or_a_kept_alive_container_is_a_development_image()
    {
        Assert.AreEqual("Development: its ENTRYPOINT runs a development command",
            PurposeOf("FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . /src\nENTRYPOINT [\"dotnet\", \"watch\", \"run\"]\n").ToString());
        Assert.AreEqual("Development: its CMD runs a development command", PurposeOf("FROM node:20\nCOPY . .\nCMD npm run dev\n").ToString());
        Assert.AreEqual("Development: its CMD runs a development command", PurposeOf("FROM ubuntu:24.04\nCOPY . .\nCMD [\"sleep\", \"infinity\"]\n").ToString());
        foreach (var devServer in new[] { "CMD ng serve --host 0.0.0.0", "CMD [\"npx\", \"vite\", \"--host\"]", "CMD flask run --host=0.0.0.0", "CMD [\"react-scripts\", \"start\"]", "CMD npx webpack serve",
            "CMD [\"yarn\", \"develop\"]", "CMD npm run develop", "CMD gatsby develop -H 0.0.0.0" })
        {
            Assert.AreEqual(ImagePurposeKind.Development, PurposeOf("FROM node:20\nCOPY . .\n" + devServer + "\n").Kind, devServer);
        }
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf("FROM node:20\nCOPY . .\nRUN npx vite build\nCMD [\"node\", \"server.js\"]\n").Kind);
        Assert.AreEqual("Development: the final stage is named 'dev'", PurposeOf("FROM node:20 AS dev\nCOPY . .\nCMD node x.js\n").ToString());
        Assert.AreEqual("Development: it is built on the dev container image 'mcr.microsoft.com/devcontainers/dotnet:1-8.0'",
            PurposeOf("FROM mcr.microsoft.com/devcontainers/dotnet:1-8.0\nCOPY . .\nCMD x\n").ToString());
    }

    [TestMethod]
    [DataRow("mcr.microsoft.com/devcontainers/base:ubuntu", true)]
    [DataRow("ghcr.io/acme/DevContainers/node:20", true)]
    [DataRow("devcontainers/base", true)]
    [DataRow("registry.example.com/mydevcontainers/base", true)]
    [DataRow("registry.example.com/devcontainers", false)]
    [DataRow("registry.example.com/devcontainer/base", false)]
    [DataRow("registry.example.com/devcontainers-base/x", false)]
    public void A_devcontainers_folder_in_the_image_name_makes_a_development_image(string image, bool development)
    {
        var purpose = PurposeOf("FROM " + image + "\nCOPY . .\nCMD x\n");
        Assert.AreEqual(development ? "Development: it is built on the dev container image '" + image + "'" : "Application: nothing says otherwise",
            purpose.ToString());
    }

    [TestMethod]
    public void A_front_end_dev_server_is_a_development_image()
    {
        Assert.AreEqual("Development: its CMD runs 'npm start', it copies only the package manifests (the source is bind-mounted) and builds nothing: a dev server",
            PurposeOf("FROM node:9\nWORKDIR /app\nCOPY package.json /app/package.json\nRUN npm install\nCMD [\"npm\", \"start\"]\n").ToString());
        Assert.AreEqual("Development: it has no CMD or ENTRYPOINT of its own, it exposes 5173 (Vite's dev-server port) and builds nothing: a dev server",
            PurposeOf("FROM node:alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nEXPOSE 5173\n").ToString());
        Assert.AreEqual("Development: its CMD runs 'pnpm run start', it exposes 4200 (the Angular CLI's dev-server port) and builds nothing: a dev server",
            PurposeOf("FROM node:20\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install\nCOPY . .\nEXPOSE 4200/tcp\nCMD pnpm run start\n").ToString());
        Assert.AreEqual("Development: its CMD runs a development command", PurposeOf("FROM node:20\nCOPY . .\nCMD npm run start:dev\n").ToString());
    }

    [TestMethod]
    [DataRow("FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nEXPOSE 5173\nCMD [\"npm\", \"start\"]\n")]
    [DataRow("FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nEXPOSE 3000\nCMD npm start\n")]
    [DataRow("FROM node:20 AS build\nCOPY . .\nRUN npm ci && npx ng build\nFROM node:20\nCOPY package.json ./\nCOPY --from=build /dist ./dist\nCMD npm start\n")]
    [DataRow("FROM node:20\nCOPY package.json ./\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n")]
    [DataRow("FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nEXPOSE 5173\n")]
    public void Npm_start_that_serves_a_build_or_its_own_source_is_an_application(string dockerfile) =>
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf(dockerfile).Kind);

    [TestMethod]
    public void A_last_stage_named_for_building_is_a_build_environment()
    {
        Assert.AreEqual("BuildEnvironment: the final stage is named 'deps-builder'",
            PurposeOf("FROM rust:1.80 AS chef\nRUN cargo install cargo-chef\nFROM chef AS deps-builder\nCOPY . .\nRUN cargo build\n").ToString());
        Assert.AreEqual("BuildEnvironment: the file name 'build.dockerfile' says 'build'", PurposeOf(App, "/repo/docker/build.dockerfile").ToString());
        Assert.AreEqual("BuildEnvironment: the file is under .cicd", PurposeOf(App, "/repo/.cicd/platforms/ubuntu22.Dockerfile").ToString());
    }

    [TestMethod]
    public void A_toolchain_without_an_app_or_command_or_with_onbuild_triggers_is_a_base_image()
    {
        Assert.AreEqual("BaseImage: it copies no application and has no CMD or ENTRYPOINT of its own",
            PurposeOf("FROM buildpack-deps:bookworm-scm\nRUN apt-get update && apt-get install -y gcc\nCOPY docker-entrypoint.sh /usr/local/bin/\n").ToString());
        Assert.AreEqual("BaseImage: it copies no application and has no CMD or ENTRYPOINT of its own",
            PurposeOf("FROM debian:12 AS build\nRUN make /target\nFROM buildpack-deps:bookworm-scm\nCOPY --from=build /target/ /\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/\n").ToString());
        Assert.AreEqual("BaseImage: it copies no application and its command only starts an interpreter",
            PurposeOf("FROM buildpack-deps:bookworm\nRUN apt-get install -y libssl-dev\nCMD [\"python3\"]\n").ToString());
        Assert.AreEqual("BaseImage: it has ONBUILD triggers", PurposeOf("FROM golang:1.8\nONBUILD COPY . /go/src/app\nCMD [\"go-wrapper\", \"run\"]\n").ToString());
        // A stage that only downloads (here through a stage that copies from it) makes a tool, not an application.
        Assert.AreEqual("BaseImage: it copies no application and has no CMD or ENTRYPOINT of its own",
            PurposeOf("FROM alpine:3.20 AS fetch\nRUN wget https://example.com/tool.tgz && tar -xzf tool.tgz -C /opt\nFROM alpine:3.20 AS stage\nCOPY --from=fetch /opt /opt\n"
                + "FROM alpine:3.20\nCOPY --from=stage /opt /opt\n").ToString());
        Assert.AreEqual(ImagePurposeKind.Application,
            PurposeOf("FROM alpine:3.20 AS fetch\nCOPY src /src\nFROM alpine:3.20 AS stage\nCOPY --from=fetch /src /opt\nFROM alpine:3.20\nCOPY --from=stage /opt /opt\n").Kind);
    }

    [TestMethod]
    public void Words_match_whole_words_only()
    {
        // 'devops', 'builds' and 'cinema' are not dev, build or ci.
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf(App, "/repo/devops/Dockerfile.devops").Kind);
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf(App.Replace("FROM node:20", "FROM node:20 AS builds"), "/repo/cinema/Dockerfile").Kind);
        // A multi-stage file whose last stage is the runtime: the build stage's name does not matter.
        Assert.AreEqual(ImagePurposeKind.Application,
            PurposeOf("FROM golang:1.22 AS builder\nCOPY . .\nRUN go build -o /app\nFROM gcr.io/distroless/static\nCOPY --from=builder /app /app\nENTRYPOINT [\"/app\"]\n").Kind);
    }

    [TestMethod]
    public void One_stage_with_no_command_that_installs_a_toolchain_and_copies_only_helpers_is_a_build_environment()
    {
        var purpose = PurposeOf("FROM debian:bullseye\nRUN apt-get update && apt-get install -y build-essential libssl-dev cmake\n"
            + "COPY ./install-gtest.sh /\nRUN bash /install-gtest.sh\nCOPY pkgconfig/*.pc /\nENV DOCKER=1\n");
        Assert.AreEqual("BuildEnvironment: it has no CMD or ENTRYPOINT and installs 'build-essential'", purpose.ToString());
    }

    [TestMethod]
    [DataRow("COPY pyproject.toml poetry.lock /app/\n")]
    [DataRow("COPY src/ /app/src\n")]
    [DataRow("COPY . /usr/src/app/\n")]
    [DataRow("COPY app.py /app/\n")]
    public void With_no_command_an_image_that_copies_a_project_is_still_an_application(string copy) =>
        Assert.AreEqual(ImagePurposeKind.Application,
            PurposeOf("FROM python:3.11-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\n" + copy + "RUN pip install poetry\n").Kind, copy);

    [TestMethod]
    public void Headers_alone_do_not_make_a_build_environment() =>
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf("FROM debian:12\nRUN apt-get update && apt-get install -y libpq-dev\nCOPY config.yaml /etc/app/\n").Kind);

    [TestMethod]
    [DataRow("CMD make test-with-coverage")]
    [DataRow("CMD [\"go\", \"test\", \"./...\"]")]
    [DataRow("ENTRYPOINT [\"dotnet\", \"test\", \"--no-build\"]")]
    [DataRow("CMD pytest -q tests/")]
    [DataRow("CMD python -m pytest")]
    [DataRow("CMD [\"npm\", \"run\", \"test:ci\"]")]
    public void A_command_that_runs_the_tests_makes_a_test_runner(string command)
    {
        var purpose = PurposeOf("FROM golang\nWORKDIR /go/src/app\nADD . /go/src/app\n" + command + "\n");
        Assert.AreEqual(ImagePurposeKind.TestRunner, purpose.Kind, command);
        StringAssert.EndsWith(purpose.Reason, "runs the tests");
    }

    [TestMethod]
    public void A_test_file_name_makes_a_test_runner() =>
        Assert.AreEqual("TestRunner: the file name 'Dockerfile.test' says 'test'", PurposeOf(App, "/repo/Dockerfile.test").ToString());

    [TestMethod]
    public void Commands_that_only_mention_tests_are_applications()
    {
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf("FROM node:20\nCOPY . .\nCMD [\"node\", \"latest-server.js\"]\n").Kind);
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf("FROM python:3.12\nCOPY . .\nCMD [\"python\", \"contest.py\"]\n").Kind);
    }

    [TestMethod]
    public void An_ssh_box_with_compilers_or_a_debugger_is_a_development_image()
    {
        Assert.AreEqual("Development: its CMD runs sshd and it installs 'build-essential': a box to log into and build in",
            PurposeOf("FROM ubuntu:16.04\nRUN apt-get update && apt-get install -y libboost-dev\nRUN apt-get update && apt-get install -y openssh-server\n"
                + "RUN apt-get update && apt-get install -y build-essential gdb git\nCMD [ \"/usr/sbin/sshd\", \"-D\" ]\n").ToString());
        Assert.AreEqual(ImagePurposeKind.Development,
            PurposeOf("FROM debian:12\nCOPY . /src\nRUN apt-get update && apt-get install -y openssh-server gdb\nCMD /usr/sbin/sshd -D\n").Kind);
    }

    [TestMethod]
    public void An_ssh_server_without_a_toolchain_is_an_application() =>
        Assert.AreEqual(ImagePurposeKind.Application,
            PurposeOf("FROM debian:12\nRUN apt-get update && apt-get install -y openssh-server\nCOPY sshd_config /etc/ssh/\nCMD [\"/usr/sbin/sshd\", \"-D\", \"-e\"]\n").Kind);

    [TestMethod]
    public void A_final_stage_that_sets_up_cross_compiling_without_a_command_of_its_own_is_a_build_environment()
    {
        Assert.AreEqual("BuildEnvironment: it sets up cross-compiling (runs 'dpkg --add-architecture')", PurposeOf(
            "FROM rust:latest\nCOPY cargo-config /usr/local/cargo/config\nRUN dpkg --add-architecture armhf && apt-get update && apt-get install -y gcc-arm-linux-gnueabihf libdbus-1-dev:armhf && rustup target add armv7-unknown-linux-gnueabihf\n").ToString());
        Assert.AreEqual("BuildEnvironment: it sets up cross-compiling (installs 'mingw-w64')",
            PurposeOf("FROM ubuntu:24.04\nCOPY toolchain.cmake /opt/\nRUN apt-get update && apt-get install -y cmake mingw-w64\nCMD /bin/bash\n").ToString());
        Assert.AreEqual("BuildEnvironment: it sets up cross-compiling (installs 'crossbuild-essential-arm64')",
            PurposeOf("FROM debian:12\nCOPY . /src\nRUN apt-get update && apt-get install -y crossbuild-essential-arm64\n").ToString());
        Assert.AreEqual("BuildEnvironment: it sets up cross-compiling (runs 'rustup target add')",
            PurposeOf("FROM rust:1.80\nCOPY . /src\nRUN rustup target add x86_64-unknown-linux-musl\n").ToString());
    }

    [TestMethod]
    public void An_application_that_installs_a_compiler_or_32_bit_libraries_stays_an_application()
    {
        // gcc for a native module, then the app runs: an application.
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf(
            "FROM python:3.12\nCOPY . /app\nRUN apt-get update && apt-get install -y gcc && pip install -r /app/requirements.txt\nCMD [\"python\", \"/app/main.py\"]\n").Kind);
        // i386 is added to run 32-bit programs (wine, steamcmd), not to build.
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf(
            "FROM debian:12\nCOPY app.exe /app/\nRUN dpkg --add-architecture i386 && apt-get update && apt-get install -y wine32 gcc\n").Kind);
        // A cross compiler in an image whose command runs the app: the command decides.
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf(
            "FROM debian:12\nCOPY . /src\nRUN apt-get update && apt-get install -y gcc-aarch64-linux-gnu && make -C /src\nCMD [\"/src/server\"]\n").Kind);
    }

    [TestMethod]
    public void A_go_image_that_runs_the_source_is_a_development_image()
    {
        Assert.AreEqual("Development: its CMD runs a development command", PurposeOf("FROM golang:1.22\nWORKDIR /app\nCOPY . .\nCMD [\"go\", \"run\", \"main.go\"]\n").ToString());
        Assert.AreEqual("Development: it copies Go source onto the Go toolchain image, builds nothing and has no CMD or ENTRYPOINT (run with 'go run' from outside)",
            PurposeOf("FROM golang:1.20-alpine\nWORKDIR /go/src\nCOPY . .\nRUN go mod download\n").ToString());
        // Built, it is an application that something else starts.
        Assert.AreEqual(ImagePurposeKind.Application, PurposeOf("FROM golang:1.20-alpine\nWORKDIR /go/src\nCOPY . .\nRUN go mod download && go build -o /bin/app .\n").Kind);
    }
}
