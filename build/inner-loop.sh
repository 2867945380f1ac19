#!/usr/bin/env bash
# build/inner-loop.sh — what `dotnet publish -p:ContainerOptBuildImage=true` costs after a one-line source edit,
# phase by phase (issue 12, item 5). README "Performance" quotes its output.
#
# It packs ContainerOpt.Build into a scratch feed, copies samples/naive-web to a scratch folder outside the
# repository, opts it in with one PackageReference, fixes its Dockerfile with `dotnet build -t:ContainerOptFix` (the
# original cannot build: .NET 6 SDK for a net10.0 app), publishes once with the image build to warm every cache,
# then ROUNDS times: edits the greeting in Program.cs and publishes again with MSBuild's performance summary.
# Phases come from that summary (targets and tasks) and from the task's own "built … in N s" line (the builder's
# wall time). The engine is build/docker-env.sh's; builds run with --network=none (ContainerOptBuildNetwork).
#
# Usage: bash build/inner-loop.sh            (ROUNDS=3 by default; INNER_LOOP_DIR picks the scratch folder)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${ROUNDS:-3}"
work="${INNER_LOOP_DIR:-${TMPDIR:-/tmp}/containeropt-inner-loop}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== engine (build/docker-env.sh start)" >&2
source <(bash "$root/build/docker-env.sh" start 2>/dev/null | grep '^export ')

version="0.0.0-innerloop.$(date +%Y%m%d%H%M%S)"
rm -rf "$work"
mkdir -p "$work/feed"
echo "== dotnet pack src/ContainerOpt.Tasks ($version)" >&2
dotnet pack "$root/src/ContainerOpt.Tasks/ContainerOpt.Tasks.csproj" -c Release -o "$work/feed" -nologo -clp:ErrorsOnly -v:q \
  "-p:PackageVersion=$version" >&2

app="$work/app"
cp -r "$root/samples/naive-web" "$app"
printf '<Project>\n  <ItemGroup>\n    <PackageReference Include="ContainerOpt.Build" Version="%s" PrivateAssets="all" />\n  </ItemGroup>\n</Project>\n' \
  "$version" >"$app/Directory.Build.props"
mkdir -p "$app/packages"
cp "$work/feed/ContainerOpt.Build.$version.nupkg" "$app/packages/"
printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key="local" value="packages" />\n  </packageSources>\n</configuration>\n' \
  >"$app/NuGet.config"
project="$app/src/Api/Api.csproj"
tag="containeropt-inner-loop:latest"
publish=(dotnet publish "$project" -c Release -nologo -tl:off -p:ContainerOptBuildImage=true -p:ContainerOptBuildNetwork=none
  "-p:ContainerOptImageName=containeropt-inner-loop" -p:ContainerOptImageTag=latest)

echo "== dotnet build -t:ContainerOptFix; first publish with the image build (warms every cache)" >&2
dotnet build "$project" -nologo -tl:off -v:q -t:ContainerOptFix >&2
"${publish[@]}" -v:q >&2

now() { date +%s%N; }
edit() { sed -i -E "s/Hello from the naive-web sample\.( [0-9]+)?/Hello from the naive-web sample. $1/" "$app/src/Api/Program.cs"; }

# target/task name -> ms, summed over the rounds
declare -A sum=()
total=0 docker_ms=0
for ((i = 1; i <= rounds; i++)); do
  edit "$i"
  log="$work/publish-$i.log"
  start="$(now)"
  "${publish[@]}" -v:n -clp:PerformanceSummary >"$log" 2>&1 || { tail -n 30 "$log" >&2; exit 1; }
  end="$(now)"
  total=$((total + (end - start) / 1000000))
  # "built containeropt-inner-loop:latest (abc) with docker (BuildKit) in 4.2 s; …"
  built="$(grep -oE 'built [^ ]+ \([^)]*\) with .* in [0-9.]+ s' "$log" | grep -oE '[0-9.]+ s$' | tr -d ' s')"
  [[ -n $built ]] || { echo "inner-loop.sh: no 'built … in N s' line in $log" >&2; exit 1; }
  docker_ms=$((docker_ms + $(awk -v s="$built" 'BEGIN { printf "%d", s * 1000 }')))
  # Performance summary lines: "      123 ms  CoreCompile                                1 calls"
  while read -r ms name; do
    sum[$name]=$(( ${sum[$name]:-0} + ms ))
  done < <(awk '/Target Performance Summary:/ { section = "target:" } /Task Performance Summary:/ { section = "task:" }
                section != "" && $2 == "ms" && $NF == "calls" { print $1, section $3 }' "$log")
done

# The floor the issue accepts: `docker save` of the same image streamed to nowhere, as many times.
save_ms=0
for ((i = 1; i <= rounds; i++)); do
  start="$(now)"
  "${CONTAINEROPT_DOCKER:-docker}" save "$tag" >/dev/null
  end="$(now)"
  save_ms=$((save_ms + (end - start) / 1000000))
done
# "compressed sizes: 4 layers unchanged since the last read (estimate reused), 2 estimated" (-v:n), from the last round.
reused="$(grep -oE 'compressed sizes: [0-9]+ layers unchanged[^,]*, [0-9]+ estimated' "$work/publish-$rounds.log" | tail -n 1 || true)"

avg() { echo $(( ${1:-0} / rounds )); }
t() { avg "${sum[$1]:-0}"; }
wall=$(avg "$total")
docker=$(avg "$docker_ms")
restore=$(( $(t target:Restore) + $(t target:_GenerateRestoreGraph) ))
compile=$(t target:CoreCompile)
analyze=$(t task:AnalyzeDockerfile)
image_task=$(t task:BuildContainerImage)
read_report=$((image_task - docker))
rest=$((wall - restore - compile - analyze - image_task))

printf '%-62s %8s\n' "phase (average of $rounds publishes after a one-line edit)" "ms"
printf '%-62s %8s\n' "restore (Restore target, inputs unchanged)" "$restore"
printf '%-62s %8s\n' "compile (CoreCompile)" "$compile"
printf '%-62s %8s\n' "ContainerOpt analysis of the Dockerfile (AnalyzeDockerfile task)" "$analyze"
printf '%-62s %8s\n' "image build: docker build --network=none (the builder's time)" "$docker"
printf '%-62s %8s\n' "image read (docker save stream) + layer report + gates" "$read_report"
printf '%-62s %8s\n' "  of it, docker save alone (streamed to /dev/null): the floor" "$(avg "$save_ms")"
printf '%-62s %8s\n' "everything else (MSBuild start, evaluation, other targets)" "$rest"
printf '%-62s %8s\n' "dotnet publish -p:ContainerOptBuildImage=true, wall" "$wall"
awk -v w="$wall" -v d="$docker" 'BEGIN { printf "%-62s %7.0f%%\n", "share of the wall time that is not the image build itself", (w - d) * 100 / w }'
[[ -n $reused ]] && echo "last publish: $reused"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"${CONTAINEROPT_DOCKER:-docker}" image rm "$tag" >/dev/null 2>&1 || true
