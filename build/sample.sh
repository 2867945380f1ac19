#!/usr/bin/env bash
# The main job on a sample: pack ContainerOpt into artifacts/packages, then `dotnet build` the
# monorepo sample, which opts in through Directory.Build.props and prints the Dockerfile warnings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=build/git-history.sh
source "$root/build/git-history.sh"
containeropt_ensure_git_history "$root"

echo "== pack ContainerOpt (artifacts/packages)" >&2
dotnet pack src/ContainerOpt.Tasks -c Release -o artifacts/packages -nologo -clp:ErrorsOnly >&2
# The version Nerdbank.GitVersioning gave the package (version.json + git height, README "Versioning").
version="$(dotnet msbuild src/ContainerOpt.Tasks/ContainerOpt.Tasks.csproj -nologo -p:Configuration=Release \
  -p:TargetFramework=net8.0 -t:GetBuildVersion -getProperty:PackageVersion)"
if [ ! -f "artifacts/packages/ContainerOpt.Build.$version.nupkg" ]; then
  echo "sample.sh: artifacts/packages/ContainerOpt.Build.$version.nupkg was not written" >&2
  exit 1
fi
# The sample restores into its own folder; clear it so the package just packed is the one used.
rm -rf artifacts/sample-packages

echo "== dotnet build samples/monorepo (ContainerOpt.Build $version)" >&2
dotnet build samples/monorepo/src/Api/Api.csproj -nologo -p:ContainerOptVersion="$version" "$@"
dotnet build samples/monorepo/src/Worker/Worker.csproj -nologo --no-dependencies -p:ContainerOptVersion="$version" "$@"
