#!/usr/bin/env bash
# The layer report's estimated gzip sizes against what `docker push` would upload: every plain layer of
# `docker save IMAGE...` gzip'ed by Go's compress/gzip at its default level (moby's push does exactly that),
# beside the size `containeropt layers --format json` reports for it (point CONTAINEROPT at an older build to
# see what its column said).
#
# Usage: build/gzip-accuracy.sh IMAGE...   (needs the engine of build/docker-env.sh, `go` (Debian: apt-get
#        install golang-go; only the standard library is used), jq, and a Release build:
#        dotnet build src/ContainerOpt.Cli -c Release)
#        CONTAINEROPT=path/to/containeropt.dll build/gzip-accuracy.sh IMAGE   to measure another build
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dll="${CONTAINEROPT:-$(ls "$root"/src/ContainerOpt.Cli/bin/Release/net*/containeropt.dll | head -n 1)}"
docker="${CONTAINEROPT_DOCKER:-docker}"
(($#)) || { echo "usage: $0 IMAGE..." >&2; exit 2; }
dir="$(mktemp -d "${TMPDIR:-/tmp}/containeropt-gzip.XXXXXX")"
trap 'rm -rf "$dir"' EXIT

# Go's gzip size of each file named on the command line: "<bytes> <gzip bytes>".
mkdir -p "$dir/gogzip"
cat >"$dir/gogzip/main.go" <<'EOF'
package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
)

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func main() {
	for _, path := range os.Args[1:] {
		f, err := os.Open(path)
		if err != nil {
			panic(err)
		}
		c := &counter{}
		w := gzip.NewWriter(c) // gzip.DefaultCompression, as moby's distribution/push compresses layers
		n, err := io.Copy(w, f)
		if err != nil {
			panic(err)
		}
		w.Close()
		f.Close()
		fmt.Println(n, c.n)
	}
}
EOF
(cd "$dir/gogzip" && printf 'module gogzip\n\ngo 1.19\n' >go.mod && GOFLAGS=-mod=mod go build -o gogzip .)

printf '%-20s %-12s %13s %13s %13s %8s\n' image layer tar_bytes go_gzip reported error
for image in "$@"; do
  "$docker" save -o "$dir/image.tar" "$image"
  rm -rf "$dir/x" && mkdir "$dir/x" && tar -xf "$dir/image.tar" -C "$dir/x"
  dotnet "$dll" layers "$dir/image.tar" --format json >"$dir/report.json"
  find "$dir/x" -type f \( -name layer.tar -o -path '*/blobs/sha256/*' \) -exec sha256sum {} + >"$dir/sums"
  for layer in $(jq -r '.layers[].digest' "$dir/report.json" | awk '!seen[$0]++'); do
    hex="${layer#sha256:}"
    tar_file="$(awk -v h="$hex" '$1 == h { print $2; exit }' "$dir/sums")"
    [[ -n "$tar_file" ]] && [[ "$(head -c 2 "$tar_file" | od -An -tx1 | tr -d ' ')" != 1f8b ]] || continue # plain layers only
    read -r bytes go_size < <("$dir/gogzip/gogzip" "$tar_file")
    reported="$(jq -r --arg d "$layer" '[.layers[] | select(.digest == $d)][0].compressedSize' "$dir/report.json")"
    awk -v i="$image" -v l="${hex:0:12}" -v b="$bytes" -v g="$go_size" -v r="$reported" 'BEGIN {
      printf "%-20s %-12s %13d %13d %13d %+7.2f%%\n", substr(i, length(i) > 20 ? length(i) - 19 : 1), l, b, g, r, (r - g) * 100 / g }'
  done
done
