#!/usr/bin/env bash
# Compares `containeropt lint` with dockerfile-utils (the linter of VS Code's Docker extension) on the same generated
# Dockerfiles, each in one process, and times containeropt's start-up on one file, as a user runs the tool.
#
#   1. installs dockerfile-utils 0.16.3 from npm into a scratch folder (outside the repository);
#   2. generates 3,000 Dockerfiles there (build/bench.js: seeded, the same set on every run; ≈7 MB);
#   3. packs ContainerOpt.Cli and installs it with `dotnet tool install --tool-path` from a local feed, as a user would;
#   4. lints the whole set with each tool in one process: best of 3 wall times each, and their ratio;
#   5. lints samples/naive-web/src/Api/Dockerfile 20 times: the median and best wall time.
# ShellCheck is kept off PATH for containeropt (its processes' time is ShellCheck's, and dockerfile-utils runs none).
# The machine is shared: the script says its load average; run it again on a quiet machine for the numbers to quote.
#
# Usage: build/bench.sh [COUNT]       COUNT Dockerfiles (default 3000)
#   BENCH_DIR=DIR          scratch folder (default ${TMPDIR:-/tmp}/containeropt-bench)
#   CONTAINEROPT=COMMAND   time this containeropt instead of packing one (e.g. an installed tool)
#   ROUNDS=N STARTS=N      rounds of the 3,000-file lint (default 3) and of the one-file start-up (default 20)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-3000}"
rounds="${ROUNDS:-3}"
starts="${STARTS:-20}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/containeropt-bench}"
mkdir -p "$dir"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for tool in node npm dotnet; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool is needed" >&2; exit 2; }
done

# 1. dockerfile-utils, pinned.
if [[ "$(node -p 'try { require(process.argv[1]).version } catch { "" }' "$dir/node_modules/dockerfile-utils/package.json")" != 0.16.3 ]]; then
  echo "== npm install dockerfile-utils@0.16.3 (in $dir)" >&2
  [[ -f "$dir/package.json" ]] || printf '{ "name": "containeropt-bench", "private": true }\n' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --silent dockerfile-utils@0.16.3 >&2
fi

# 2. The Dockerfiles.
set_dir="$dir/set-$count"
if [[ ! -f "$set_dir.stamp" ]] || ! cmp -s "$set_dir.stamp" "$root/build/bench.js"; then
  echo "== generating $count Dockerfiles in $set_dir" >&2
  node "$root/build/bench.js" generate "$set_dir" "$count" >"$set_dir.count"
  cp "$root/build/bench.js" "$set_dir.stamp"
fi
read -r files bytes <"$set_dir.count"

# 3. containeropt as a user installs it.
if [[ -n "${CONTAINEROPT:-}" ]]; then
  containeropt=("$CONTAINEROPT")
else
  version="0.0.0-bench.$(date +%Y%m%d%H%M%S)"
  feed="$dir/feed"
  tools="$dir/tools"
  rm -rf "$feed" "$tools"
  echo "== dotnet pack src/ContainerOpt.Cli ($version) and dotnet tool install --tool-path $tools" >&2
  dotnet pack "$root/src/ContainerOpt.Cli/ContainerOpt.Cli.csproj" -c Release -o "$feed" -nologo -clp:ErrorsOnly -v:q \
    "-p:PackageVersion=$version" >&2
  dotnet tool install ContainerOpt.Cli --tool-path "$tools" --add-source "$feed" --version "$version" >&2
  containeropt=("$tools/containeropt")
fi
dotnet_dir="$(dirname "$(readlink -f "$(command -v dotnet)")")"
no_shellcheck="$dir/no-tools"
mkdir -p "$no_shellcheck"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

# One timed run of a command (output discarded); prints its wall time in ms. Exit codes 0 and 1 (findings) are fine.
timed() {
  local start end status=0
  start="$(now)"
  "$@" >/dev/null 2>&1 || status=$?
  end="$(now)"
  if ((status > 1)); then
    echo "bench.sh: '$*' exited $status" >&2
    "$@" 2>&1 >/dev/null | tail -n 5 >&2
    exit 2
  fi
  ms "$start" "$end"
}

best() { printf '%s\n' "$@" | sort -n | head -n 1; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "== lint $files Dockerfiles ($bytes bytes), best of $rounds; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >&2
co=() du=()
for ((i = 0; i < rounds; i++)); do
  co+=("$(timed env PATH="$dotnet_dir:$no_shellcheck" "${containeropt[@]}" lint "$set_dir")")
  du+=("$(timed env NODE_PATH="$dir/node_modules" node "$root/build/bench.js" validate "$set_dir")")
done
co_best="$(best "${co[@]}")"
du_best="$(best "${du[@]}")"

sample="$root/samples/naive-web/src/Api/Dockerfile"
one=()
for ((i = 0; i < starts; i++)); do
  one+=("$(timed env PATH="$dotnet_dir:$no_shellcheck" "${containeropt[@]}" lint "$sample")")
done

printf '%-52s %10s   %s\n' "what" "best (ms)" "all runs (ms)"
printf '%-52s %10s   %s\n' "containeropt lint, $files files in one process" "$co_best" "${co[*]}"
printf '%-52s %10s   %s\n' "dockerfile-utils 0.16.3 validate, same files" "$du_best" "${du[*]}"
awk -v c="$co_best" -v d="$du_best" 'BEGIN { printf "%-52s %10.1fx\n", "containeropt speed / dockerfile-utils speed", d / c }'
printf '%-52s %10s   median %s of %s runs\n' "containeropt lint, one file (start-up included)" "$(best "${one[@]}")" "$(median "${one[@]}")" "$starts"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
