#!/usr/bin/env bash
# Times `containeropt lint` on floods of one instruction kind (FROM alpine + N lines of ENV, ARG, RUN or LABEL)
# at 8,000 and 32,000 lines and at 5 MB: wall time and peak memory (max RSS) from /usr/bin/time -v.
# ShellCheck is kept off PATH (its processes' time is its own, not the analysis').
#
# Usage: build/scaling.sh [KIND...]   (default: env arg run label; needs /usr/bin/time and a Release build:
#        dotnet build src/ContainerOpt.Cli -c Release)
#        CONTAINEROPT=path/to/containeropt.dll build/scaling.sh   to time another build
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dll="${CONTAINEROPT:-$(ls "$root"/src/ContainerOpt.Cli/bin/Release/net*/containeropt.dll | head -n 1)}"
dotnet="$(command -v dotnet)"
dir="${TMPDIR:-/tmp}/containeropt-scaling"
mkdir -p "$dir"

flood() { # KIND N|5MB FILE
  local kind="$1" size="$2" file="$3"
  if [[ "$size" == 5MB ]]; then
    awk -v k="$kind" 'BEGIN { print "FROM alpine"; n = 12; for (i = 0; n < 5242880; i++) {
      l = (k == "env") ? "ENV V" i "=x" i : (k == "arg") ? "ARG A" i "=v" : (k == "run") ? "RUN echo " i : "LABEL l" i "=v";
      print l; n += length(l) + 1 } }' > "$file"
  else
    awk -v k="$kind" -v n="$size" 'BEGIN { print "FROM alpine"; for (i = 0; i < n; i++)
      print (k == "env") ? "ENV V" i "=x" i : (k == "arg") ? "ARG A" i "=v" : (k == "run") ? "RUN echo " i : "LABEL l" i "=v" }' > "$file"
  fi
}

printf '%-6s %-6s %9s %9s %8s %9s\n' kind size lines bytes wall_s maxRSS_MB
kinds=("$@")
((${#kinds[@]})) || kinds=(env arg run label)
for kind in "${kinds[@]}"; do
  for size in 8000 32000 5MB; do
    file="$dir/$kind-$size.Dockerfile"
    flood "$kind" "$size" "$file"
    stats="$(env PATH=/nonexistent /usr/bin/time -v "$dotnet" "$dll" lint "$file" 2>&1 >/dev/null | tail -n 30)" || true
    wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$stats" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')"
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$stats")"
    printf '%-6s %-6s %9d %9d %8s %9d\n' "$kind" "$size" "$(wc -l <"$file")" "$(wc -c <"$file")" "$wall" "$((rss / 1024))"
  done
done
