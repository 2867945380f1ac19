using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.SizeAndCache;

[TestClass]
public sealed class COPT3007CopyBeforeDependencyInstallTests
{
    [TestMethod]
    public void Copying_everything_before_npm_ci_is_reported_at_the_source()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM node:20-slim\nWORKDIR /app\nCOPY [|.|] .\nRUN npm ci\nRUN npm run build\n");
        Assert.AreEqual(
            "The COPY of '.' comes before 'npm ci' on line 4: any change to the copied files invalidates that layer and the dependencies are downloaded again. Copy only package.json and package-lock.json first, run 'npm ci', then copy the rest.",
            findings[0].Message);
    }

    [TestMethod]
    public void Manifests_first_then_the_rest_is_right() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n");

    [TestMethod]
    [DataRow("pip install --no-cache-dir -r requirements.txt", "pip install", "Copy only 'requirements.txt' first, run 'pip install -r requirements.txt', then copy the rest")]
    [DataRow("python -m pip install --requirement=req/base.txt", "python -m pip install", "Copy only 'req/base.txt' first")]
    [DataRow("uv sync --frozen", "uv sync", "Copy only pyproject.toml and uv.lock first")]
    [DataRow("poetry install --no-root", "poetry install", "Copy only pyproject.toml and poetry.lock first")]
    [DataRow("yarn install --frozen-lockfile", "yarn install", "Copy only package.json and yarn.lock first")]
    [DataRow("yarn", "yarn", "Copy only package.json and yarn.lock first")]
    [DataRow("pnpm install --frozen-lockfile", "pnpm install", "Copy only package.json and pnpm-lock.yaml first")]
    [DataRow("dotnet restore App.sln", "dotnet restore", "Copy only the project and solution files")]
    [DataRow("go mod download", "go mod download", "Copy only go.mod and go.sum first")]
    [DataRow("mvn -B dependency:go-offline", "mvn dependency:go-offline", "Copy only pom.xml first")]
    [DataRow("mvn -B package -DskipTests", "mvn package", "Copy only pom.xml first, run 'mvn dependency:go-offline', then copy the rest before 'mvn package'")]
    [DataRow("bundle install --jobs 4", "bundle install", "Copy only the Gemfile, Gemfile.lock and what they load (Gemfile.d/, path gems, gemspecs) first")]
    [DataRow("composer install --no-dev", "composer install", "Copy only composer.json and composer.lock first")]
    [DataRow("cargo fetch", "cargo fetch", "Copy only Cargo.toml and Cargo.lock first")]
    public void Every_dependency_step_is_known(string command, string display, string advice)
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>($"FROM debian:12\nWORKDIR /src\nCOPY [|./|] /src\nRUN {command}\n");
        StringAssert.StartsWith(findings[0].Message, $"The COPY of './' comes before '{display}' on line 4:");
        StringAssert.Contains(findings[0].Message, advice);
    }

    [TestMethod]
    public void A_source_folder_is_broad_a_requirements_folder_is_not() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements/ requirements/\nCOPY [|src/|] src/\nRUN pip install --no-cache-dir -r requirements/base.txt\n");

    [TestMethod]
    public void Named_packages_and_earlier_dependency_goals_are_not_dependency_steps() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM maven:3.9-eclipse-temurin-21\nCOPY pom.xml .\nRUN mvn dependency:go-offline\nCOPY src ./src\nRUN mvn package\nCOPY . .\nRUN npm install -g pm2 && pip install flask && npm install express\n");

    [TestMethod]
    public void Each_COPY_is_reported_once_naming_the_first_step_after_it()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY [|src/|] ./src/\nRUN dotnet restore\nRUN go mod download\n");
        StringAssert.StartsWith(findings[0].Message, "The COPY of 'src/' comes before 'dotnet restore' on line 3:");
    }

    [TestMethod]
    public void Every_broad_COPY_before_the_step_is_one_finding()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY [|src/|] ./src/\nADD tests ./tests/\nRUN dotnet restore\n");
        StringAssert.StartsWith(findings[0].Message, "The COPYs of 'src/' (line 2) and 'tests' (line 3) come before 'dotnet restore' on line 4: ");
        Assert.AreEqual("(3,5,3,10)", findings[0].AdditionalLocations.Single().ToString());
    }

    [TestMethod]
    public void Copies_from_stages_and_onbuild_triggers_are_not_the_context() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM node:20-slim AS deps\nFROM node:20-slim\nCOPY --from=deps /app/ .\nRUN npm ci\nONBUILD COPY . .\nONBUILD RUN npm ci\n");

    [TestMethod]
    public void Only_the_same_stage_counts() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM node:20-slim AS src\nCOPY . .\nFROM node:20-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\n");

    [TestMethod]
    public void A_sync_repeated_after_a_bind_mounted_dependency_only_sync_is_right() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM python:3.12-slim\nWORKDIR /app\n" +
            "RUN --mount=type=cache,target=/root/.cache/uv --mount=type=bind,source=uv.lock,target=uv.lock \\\n" +
            "    --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --locked --no-install-project\n" +
            "COPY . /app\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n");

    [TestMethod]
    public void A_restore_repeated_after_a_project_only_restore_is_right() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /app\nCOPY *.csproj ./\nRUN dotnet restore\nCOPY . ./\nRUN dotnet restore\nRUN dotnet publish -c Release -o out --no-restore\n");

    [TestMethod]
    public void A_restore_repeated_in_another_folder_is_another_step() =>
        // The same command from another WORKDIR reads other manifests: the project-only restore in /app primes only /app.
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /app\nCOPY *.csproj ./\nRUN dotnet restore\nCOPY [|.|] ./\nWORKDIR /app/tools\nRUN dotnet restore\n");

    [TestMethod]
    public void Another_dependency_step_after_the_broad_COPY_is_still_reported()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY [|.|] .\nRUN pip install -r requirements.txt && pip install -r requirements-dev.txt\n");
        Assert.AreEqual(
            "The COPY of '.' comes before 'pip install' on line 6: any change to the copied files invalidates that layer and the dependencies are downloaded again. Copy only 'requirements-dev.txt' first, run 'pip install -r requirements-dev.txt', then copy the rest.",
            findings[0].Message);
    }

    [TestMethod]
    public void An_install_with_no_manifest_copied_or_mounted_primes_nothing()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM node:20-slim\nWORKDIR /app\nRUN npm install\nCOPY [|.|] .\nRUN npm install\n");
        StringAssert.StartsWith(findings[0].Message, "The COPY of '.' comes before 'npm install' on line 5:");
    }

    [TestMethod]
    public void A_step_after_a_reported_broad_COPY_primes_nothing() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM node:20-slim\nWORKDIR /app\nCOPY [|.|] .\nRUN npm ci\nCOPY [|src/|] ./src/\nRUN npm ci\n");

    [TestMethod]
    public void A_restore_of_another_project_after_the_broad_COPY_is_still_reported()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nWORKDIR /src\nCOPY [\"Shared/Shared.csproj\", \"Shared/\"]\nRUN dotnet restore \"Shared/Shared.csproj\"\n" +
            "COPY [[|\"Shared\"|], \".\"]\nCOPY [\"Server/Server.csproj\", \"Server/\"]\nRUN dotnet restore \"Server/Server.csproj\"\n");
        StringAssert.StartsWith(findings[0].Message, "The COPY of 'Shared' comes before 'dotnet restore' on line 7:");
    }

    [TestMethod]
    public void The_maven_wrapper_folder_copied_with_mvnw_and_the_pom_is_not_broad() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY .mvn/ .mvn\nCOPY mvnw pom.xml ./\nRUN ./mvnw -B dependency:go-offline\nCOPY ./src ./src\nRUN ./mvnw -B package\n");

    [TestMethod]
    public void Pnpm_patches_copied_among_the_manifests_are_not_broad() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM node:22-alpine\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\nCOPY apps/web/package.json ./apps/web/package.json\n" +
            "COPY ./patches ./patches\nRUN pnpm install --frozen-lockfile\nCOPY . .\n");

    [TestMethod]
    [DataRow("COPY package.json package-lock.json .npmrc ./", "npm ci")]
    [DataRow("COPY package.json package-lock.json ./\nCOPY patches/ patches/", "npm ci")]
    [DataRow("COPY package.json yarn.lock .yarnrc.yml ./\nCOPY .yarn .yarn", "yarn install --immutable")]
    [DataRow("COPY package.json yarn.lock .yarnrc ./", "yarn install")]
    [DataRow("COPY package.json yarn.lock ./\nCOPY packages packages", "yarn install --pure-lockfile")]
    [DataRow("COPY package.json package-lock.json ./\nCOPY apps/ apps/\nCOPY packages/ packages/", "npm ci")]
    [DataRow("COPY requirements.txt .\nCOPY requirements/ requirements/", "pip install -r requirements.txt")]
    [DataRow("COPY pyproject.toml uv.lock ./\nCOPY requirements requirements", "uv pip install -r requirements.txt")]
    [DataRow("COPY Gemfile Gemfile.lock ./\nCOPY .bundle/ .bundle/", "bundle install")]
    [DataRow("COPY Gemfile Gemfile.lock ./\nCOPY Gemfile.d/ Gemfile.d/", "bundle install")]
    [DataRow("COPY Gemfile Gemfile.lock *.gemspec ./\nCOPY vendor/gems/ vendor/gems/\nCOPY engines engines\nCOPY components/ components/", "bundle install")]
    [DataRow("COPY Cargo.toml Cargo.lock ./\nCOPY .cargo .cargo", "cargo fetch")]
    [DataRow("COPY composer.json composer.lock ./\nCOPY patches/ patches/", "composer install --no-dev")]
    [DataRow("COPY NuGet.config ./\nCOPY nuget/ nuget/\nCOPY App/App.csproj App/", "dotnet restore App/App.csproj")]
    [DataRow("COPY nuget.config Directory.Packages.props ./\nCOPY packages packages", "dotnet restore")]
    public void What_the_manager_reads_besides_its_manifests_is_not_broad(string copies, string install) =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>($"FROM debian:12\nWORKDIR /src\n{copies}\nRUN {install}\nCOPY . .\n");

    [TestMethod]
    public void Path_gems_copied_before_the_Gemfile_and_bundle_install_are_install_inputs() =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM ruby:3.3-slim\nWORKDIR /app\nCOPY ./gems /app/gems\nCOPY services/api/Gemfile* /app/\n" +
            "RUN <<EOF\n  bundle config set --local without 'development test'\n  bundle install --jobs 4\nEOF\nCOPY services/api/ /app/\n");

    [TestMethod]
    public void The_whole_project_before_bundle_install_is_reported_without_promising_the_two_manifests_suffice()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM ruby:3.3\nUSER app\nCOPY --chown=app:app [|.|] /usr/src/app\nWORKDIR /usr/src/app\nRUN bundle config --global build.nokogiri --use-system-libraries && \\\n  bundle install\n");
        Assert.AreEqual(
            "The COPY of '.' comes before 'bundle install' on line 5: any change to the copied files invalidates that layer and the dependencies are downloaded again. " +
            "Copy only the Gemfile, Gemfile.lock and what they load (Gemfile.d/, path gems, gemspecs) first, run 'bundle install', then copy the rest.",
            findings[0].Message);
    }

    [TestMethod]
    public void A_gems_folder_is_broad_for_npm()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nCOPY [|gems/|] gems/\nRUN npm ci\n");
        StringAssert.StartsWith(findings[0].Message, "The COPY of 'gems/' comes before 'npm ci' on line 5:");
    }

    [TestMethod]
    public void An_install_input_of_one_manager_is_broad_for_another()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY [|patches/|] patches/\nRUN go mod download\n");
        StringAssert.StartsWith(findings[0].Message, "The COPY of 'patches/' comes before 'go mod download' on line 5:");
    }

    [TestMethod]
    public void A_feed_folder_without_a_NuGet_config_is_broad()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY App.csproj ./\nCOPY [|packages/|] packages/\nRUN dotnet restore\n");
        StringAssert.StartsWith(findings[0].Message, "The COPY of 'packages/' comes before 'dotnet restore' on line 5:");
    }

    [TestMethod]
    public void A_broad_folder_copied_with_an_install_input_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nCOPY .npmrc [|src/|] ./\nRUN npm ci\n");
        Assert.AreEqual(
            "The COPY of 'src/' comes before 'npm ci' on line 5: any change to the copied files invalidates that layer and the dependencies are downloaded again. Copy only package.json and package-lock.json first, run 'npm ci', then copy the rest.",
            findings[0].Message);
    }

    [TestMethod]
    [DataRow("git clone --depth 1 -b 5.2 https://github.com/example/shop.git /app/ && composer install")]
    [DataRow("cd /opt && git clone https://github.com/example/shop.git && cd shop && composer install --no-dev")]
    [DataRow("git clone https://github.com/example/shop.git . && composer install")]
    [DataRow("composer create-project example/shop /app && cd /app && composer install")]
    public void An_install_of_a_project_the_same_RUN_fetched_is_not_reported(string run) =>
        RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            $"FROM webdevops/php-nginx:8.2\nCOPY etc/ /opt/docker/etc/\nCOPY provision/ /opt/docker/provision/\nWORKDIR /app/\nRUN {run}\n");

    [TestMethod]
    public void An_install_beside_a_clone_reads_the_context()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM python:3.7\nWORKDIR /opt\nCOPY requirements.txt /opt\nCOPY [|bin|] /opt/bin\nRUN cd /opt && git clone https://github.com/example/bert.git && pip install -r requirements.txt\n");
        StringAssert.StartsWith(findings[0].Message, "The COPY of 'bin' comes before 'pip install' on line 5:");
    }

    [TestMethod]
    public void A_clone_in_an_earlier_RUN_does_not_hide_an_install_from_the_context()
    {
        var findings = RuleVerifier.Verify<COPT3007CopyBeforeDependencyInstall>(
            "FROM php:8.3-cli\nWORKDIR /app\nRUN git clone https://github.com/example/tools.git /opt/tools\nCOPY [|.|] .\nRUN composer install && git clone https://github.com/example/more.git /opt/more\n");
        StringAssert.StartsWith(findings[0].Message, "The COPY of '.' comes before 'composer install' on line 5:");
    }
}
