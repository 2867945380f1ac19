#!/usr/bin/env bash
# Times two or more containeropt builds against each other on the same Dockerfiles, interleaved (one run of each per
# round, so a noisy minute hits all of them), and prints each one's median and best wall time and median CPU time.
#
# Usage: build/interleave.sh ROUNDS "COMMAND|ENV" ...
#   COMMAND   a containeropt executable (e.g. two native builds: dotnet publish src/ContainerOpt.Cli/native/... -o DIR)
#   ENV       environment for its runs, NAME=value words (X=1 for none), e.g. DOTNET_gcServer=1
#   SET=DIR   the Dockerfiles (default: build/bench.sh's generated set, ${TMPDIR:-/tmp}/containeropt-bench/set-3000)
# ShellCheck is kept off PATH, as in bench.sh.
set -euo pipefail
rounds="$1"; shift
set_dir="${SET:-${TMPDIR:-/tmp}/containeropt-bench/set-3000}"
[[ -d "$set_dir" ]] || { echo "interleave.sh: $set_dir not found (run build/bench.sh once, or set SET)" >&2; exit 2; }
no_tools="$(mktemp -d)"
times="$(mktemp)"
trap 'rm -rf "$no_tools" "$times"' EXIT
declare -A wall cpu
for ((i = 0; i < rounds; i++)); do
  for spec in "$@"; do
    read -r -a environment <<<"${spec#*|}"
    /usr/bin/time -o "$times" -f "%e %U %S" env PATH="$no_tools" "${environment[@]}" "${spec%%|*}" lint "$set_dir" >/dev/null 2>&1 || true
    read -r w u s < <(tail -n 1 "$times") # time says first when the lint exits 1 (findings)
    wall[$spec]+=" $(awk -v w="$w" 'BEGIN { printf "%d", w * 1000 }')"
    cpu[$spec]+=" $(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }')"
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for spec in "$@"; do
  printf '%s\n  wall median %s ms, best %s ms; cpu median %s ms; runs:%s\n' "$spec" "$(median "${wall[$spec]}")" \
    "$(printf '%s\n' ${wall[$spec]} | sort -n | head -n 1)" "$(median "${cpu[$spec]}")" "${wall[$spec]}"
done
