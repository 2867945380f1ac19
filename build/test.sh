#!/usr/bin/env bash
# Runs every test of the repository on a machine that has only the .NET SDK: installs and starts
# what the tests need, builds once, runs all test projects, and ends with one summary line
# "N passed, N failed, N skipped" summed over every test project (read from the TRX results).
#
# Usage: build/test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Parser"]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Versions come from git history (Nerdbank.GitVersioning): deepen a shallow clone, or fall back.
# shellcheck source=build/git-history.sh
source "$root/build/git-history.sh"
containeropt_ensure_git_history "$root"

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# The ShellCheck tests (tests/ContainerOpt.Analysis.Tests/ShellCheck) need shellcheck on PATH, as the analysis
# finds it: Debian's package. Installed before the engine starts, whose own apt-get would hold the dpkg lock.
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "== shellcheck (apt-get install -y shellcheck)" >&2
  if ((EUID == 0)); then
    apt_install() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends shellcheck >&2; }
    apt_install || { apt-get -o DPkg::Lock::Timeout=120 update -qq >&2 && apt_install; } ||
      echo "apt-get install shellcheck failed; the ShellCheck tests will fail." >&2
  else
    echo "shellcheck is missing and installing it needs root; the ShellCheck tests will fail." >&2
  fi
fi
# Packing the tool also compiles its native executable (Native AOT, src/ContainerOpt.Cli/native): that needs a C
# toolchain and zlib's headers. Without them pack warns and ships no native executable, and NativeToolTests fail.
if ! { command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; } || [[ ! -f /usr/include/zlib.h ]]; then
  echo "== Native AOT toolchain (apt-get install -y clang zlib1g-dev)" >&2
  if ((EUID == 0)); then
    aot_install() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends clang zlib1g-dev >&2; }
    aot_install || { apt-get -o DPkg::Lock::Timeout=120 update -qq >&2 && aot_install; } ||
      echo "apt-get install clang zlib1g-dev failed; the native tool tests will fail." >&2
  else
    echo "a C toolchain or zlib1g-dev is missing and installing them needs root; the native tool tests will fail." >&2
  fi
fi
# A missing shellcheck fails the ShellCheck tests here instead of skipping them.
export CONTAINEROPT_REQUIRE_SHELLCHECK=1
# The HTML report's browser tests open pages in headless chromium: build/browser-env.sh installs it (and a font).
# Once installed, a browser that is missing fails those tests; when it cannot be installed they are inconclusive, saying why.
echo "== browser (build/browser-env.sh)" >&2
if browser_env="$(bash build/browser-env.sh)"; then
  eval "$(grep '^export ' <<<"$browser_env")"
  export CONTAINEROPT_REQUIRE_CHROMIUM=1
else
  echo "chromium could not be installed; the HTML report's browser tests will be inconclusive." >&2
fi

# The image tests need a real Docker engine: build/docker-env.sh installs docker.io, starts dockerd
# on a private socket and builds the local .NET base images (cached between runs). It runs while
# the solution builds; its exports (DOCKER_HOST, ...) are read once both are done.
engine_env="$results/docker-env.sh.out"
engine_log="$results/docker-env.log"
echo "== engine (build/docker-env.sh start, log: $engine_log)" >&2
bash build/docker-env.sh start >"$engine_env" 2>"$engine_log" &
engine_pid=$!

echo "== build" >&2
if ! dotnet build ContainerOpt.sln -c Release -nologo -clp:ErrorsOnly; then
  wait "$engine_pid" || true
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

if wait "$engine_pid"; then
  # shellcheck disable=SC1090
  source <(grep '^export ' "$engine_env")
  tail -n 1 "$engine_log" >&2
else
  echo "build/docker-env.sh failed; the image tests will fail. Its log:" >&2
  tail -n 30 "$engine_log" >&2
fi
# A missing engine fails the image tests here instead of skipping them.
export CONTAINEROPT_REQUIRE_DOCKER=1

# One project at a time, each into its own TRX file (the image tests share one Docker engine).
status=0
for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== test $name" >&2
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" "$@" || status=$?
done

# The image tests remove their tags; what they leave untagged (replaced builds) goes here, so the
# engine's disk use stays flat from run to run.
if [ -n "${CONTAINEROPT_DOCKER:-}" ] && [ -n "${DOCKER_HOST:-}" ]; then
  "$CONTAINEROPT_DOCKER" image prune --force >/dev/null 2>&1 || true
fi

# Sum the counters of every TRX file (one per test project).
passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total="$(get total)"; p="$(get passed)"; f="$(get failed)"
  e="$(get error)"; t="$(get timeout)"; a="$(get aborted)"
  f=$(( ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0} ))
  passed=$(( passed + ${p:-0} ))
  failed=$(( failed + f ))
  skipped=$(( skipped + ${total:-0} - ${p:-0} - f ))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host crashed or the run could not start: count it so the summary never looks green.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
