#!/usr/bin/env bash
# How loud and how right ContainerOpt is on real Dockerfiles: lints every file of the given folders in each
# analysis mode (in process) and prints findings per file (median, max), per rule and per severity.
#   build/precision.sh DIR...                                   the figures per mode
#   build/precision.sh DIR... --sample OUT.tsv [--size 100] [--seed 7] [--mode recommended] [--rule CODE]
#                                                               a random sample of warnings+errors to label by hand
#   build/precision.sh --labels LABELLED.tsv                    precision of a labelled sample
# Keep the Dockerfiles outside this repository: they are others' code.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --file "$root/build/precision.cs" -c Release -- "$@"
