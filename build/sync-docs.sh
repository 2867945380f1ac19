#!/usr/bin/env bash
# Writes the catalogue's decisions into the docs (help pages' Modes lines, README's counts and mode table).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --file "$root/build/sync-docs.cs" -c Release
