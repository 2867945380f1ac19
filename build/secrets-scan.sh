#!/usr/bin/env bash
# How precise the credential-file check (COPT3110-3113) is on real file trees: streams each folder as one layer tar
# (`tar -c`, no image needed) through the same scanner that reads image layers, and prints every file it confirms as a
# credential — kind, detail, and whether its path exempts it (test fixture, package content, documentation) — then
# the counts. It prints paths and kinds only, never content.
#   build/secrets-scan.sh DIR...            e.g. build/secrets-scan.sh /usr/lib /usr/share /opt
# Do not point it at folders with other people's credentials (home folders): it reports where they are.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
(($# > 0)) || { echo "usage: build/secrets-scan.sh DIR..." >&2; exit 2; }
args=()
for dir in "$@"; do
  [ -d "$dir" ] || { echo "not a folder: $dir" >&2; exit 2; }
  args+=("$(cd "$dir" && pwd -P)")
done
# Paths in the tar are relative to / (as in an image layer), so the exemptions see them as an image would have them.
tar -C / -cf - "${args[@]#/}" 2>/dev/null | dotnet run --file "$root/build/secrets-scan.cs" -c Release
