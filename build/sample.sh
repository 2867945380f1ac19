#!/usr/bin/env bash
# The main job on a sample: pack ContainerOpt into artifacts/packages, then `dotnet build` the
# monorepo sample, which opts in through Directory.Build.props and prints the Dockerfile warnings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== pack ContainerOpt (artifacts/packages)" >&2
dotnet pack src/ContainerOpt.Tasks -c Release -o artifacts/packages -nologo -clp:ErrorsOnly >&2
# The sample restores into its own folder; clear it so the package just packed is the one used.
rm -rf artifacts/sample-packages

echo "== dotnet build samples/monorepo" >&2
dotnet build samples/monorepo/src/Api/Api.csproj -nologo "$@"
dotnet build samples/monorepo/src/Worker/Worker.csproj -nologo --no-dependencies "$@"
