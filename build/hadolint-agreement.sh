#!/usr/bin/env bash
# How far ContainerOpt's hadolint mode agrees with hadolint's spec assertions (see build/hadolint-agreement.cs).
#   build/hadolint-agreement.sh [CASES.jsonl] [--json] [--rule DLxxxx]... [--findings]
# The cases are hadolint material (GPL-3.0) and stay outside the repository; default path below.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cases=/work/external/hadolint-spec/cases.jsonl
if [[ $# -gt 0 && "$1" != -* ]]; then
  cases="$1"
  shift
fi
exec dotnet run -c Release "$here/hadolint-agreement.cs" -- "$cases" "$@"
