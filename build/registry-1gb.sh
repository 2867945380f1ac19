#!/usr/bin/env bash
# build/registry-1gb.sh — how long `containeropt layers` takes to read a ~1 GB image from a registry, and its peak memory.
#
# Builds a ~1 GB image on the docker-env engine (the Debian stand-in base, a layer of 256 MiB of random bytes, one of
# 384 MiB, and one of ~260 MB of text), pushes it to the docker-env registry (localhost:5000, plain HTTP, no auth) as
# localhost:5000/containeropt-tests/registry/big:1, then runs `containeropt layers` on it RUNS times under
# /usr/bin/time -v: wall time and maximum resident set size of each run. For comparison it reads the same image from the
# engine (`--source engine`: docker save streamed). Nothing is kept on disk by the reader: layers stream from the
# socket into the scanner.
#
# Usage: bash build/registry-1gb.sh [RUNS]     (default 3; the machine should be otherwise idle for numbers that mean much)
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
env_out=$(bash build/docker-env.sh start)
eval "$(grep '^export' <<<"$env_out")"
registry=${CONTAINEROPT_REGISTRY:?the docker-env registry is not available}
image="$registry/containeropt-tests/registry/big:1"
docker() { "${CONTAINEROPT_DOCKER:-/usr/bin/docker}" "$@"; } # Debian's 20.10 client: BuildKit without buildx

context=$(mktemp -d)
trap 'rm -rf -- "$context"' EXIT
cat >"$context/Dockerfile" <<'DOCKERFILE'
FROM containeropt/bookworm-base:1
RUN mkdir /data && head -c 268435456 /dev/urandom > /data/random-1.bin
RUN head -c 268435456 /dev/urandom > /data/random-2.bin && head -c 134217728 /dev/urandom > /data/random-3.bin
RUN seq 1 30000000 > /data/numbers.txt
DOCKERFILE
if ! docker image inspect "$image" >/dev/null 2>&1; then
  DOCKER_BUILDKIT=1 docker build --network=none -q -t "$image" "$context" >/dev/null
fi
docker push -q "$image" >/dev/null

dotnet build src/ContainerOpt.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
cli=(dotnet "$root/src/ContainerOpt.Cli/bin/Release/net10.0/containeropt.dll")
size=$(docker image inspect --format '{{.Size}}' "$image")
printf 'image %s: %s bytes uncompressed (docker image inspect)\n' "$image" "$size"
"${cli[@]}" layers "$image" --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); print("report: size %d, compressed %d, %d layers" % (r["size"], sum(l["compressedSize"] for l in r["layers"]), len(r["layers"])))'

measure() { # measure LABEL ARGS...
  local label=$1 out
  shift
  for ((i = 1; i <= runs; i++)); do
    out=$({ /usr/bin/time -v "${cli[@]}" layers "$@" --format json >/dev/null; } 2>&1)
    printf '%-9s run %d: wall %s, peak RSS %s KiB\n' "$label" "$i" \
      "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$out")" \
      "$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$out")"
  done
}
measure registry "$image"
measure engine "$image" --source engine
