#!/usr/bin/env bash
# Regenerates the zstd fixtures and expected.txt (see README.md). Made once with zstd v1.5.4; another zstd
# version may produce different (equally valid) compressed bytes, so only rerun to add or change fixtures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
gen() { python3 make-inputs.py "$@"; }

printf '' >"$tmp/empty"
printf 'Hello, zstd!\n' >"$tmp/hello"
gen text 200000 >"$tmp/text"
gen text 400 >"$tmp/small-text"
gen letters 200 >"$tmp/letters"
gen records 600000 >"$tmp/records"
gen periodic 300000 >"$tmp/periodic"
gen atsign 400000 >"$tmp/atsign"
gen alphabet 20000 >"$tmp/alphabet"
gen random 150000 >"$tmp/random"
head -c 1000000 /dev/zero >"$tmp/zeros"

z() { zstd -q -f "$@"; }
z -3 "$tmp/empty" -o empty.zst
zstd -q -3 <"$tmp/empty" >empty-stdin.zst
z -3 "$tmp/hello" -o hello.zst
z -3 "$tmp/small-text" -o small-text-l3.zst
z -1 "$tmp/letters" -o letters-l1.zst
for level in 1 3 9 19; do z -$level "$tmp/text" -o text-l$level.zst; done
zstd -q --ultra -22 <"$tmp/text" >text-ultra22-stdin.zst
zstd -q -3 --no-check <"$tmp/text" >text-stdin-nocheck.zst
zstd -q -3 --long=27 <"$tmp/text" >text-long27-stdin.zst
z -9 "$tmp/records" -o records-l9.zst
z -1 "$tmp/periodic" -o periodic-l1.zst
z -19 "$tmp/periodic" -o periodic-l19.zst
z -19 "$tmp/atsign" -o atsign-l19.zst
z -19 "$tmp/alphabet" -o alphabet-l19.zst
z -3 "$tmp/random" -o random-l3.zst
z -3 "$tmp/zeros" -o zeros-l3.zst
cat small-text-l3.zst hello.zst >two-frames.zst
cat "$tmp/small-text" "$tmp/hello" >"$tmp/two-frames"

# A frame that needs a dictionary (trained on similar samples): decoding must fail with a clear message.
mkdir "$tmp/samples"
for i in $(seq 1 200); do gen sample 600 "$i" >"$tmp/samples/$i.json"; done
zstd -q --train "$tmp/samples"/*.json --maxdict=4096 -o "$tmp/dictionary"
gen sample 600 1000 >"$tmp/dictionary-sample"
z -3 -D "$tmp/dictionary" "$tmp/dictionary-sample" -o dictionary.zst

# expected.txt: fixture, decoded size, SHA-256 of the decoded bytes (or "error").
{
  echo "# fixture decoded-size sha256-of-decoded-bytes (made by make-fixtures.sh with $(zstd --version | grep -o 'v[0-9.]*'))"
  for pair in empty:empty empty-stdin:empty hello:hello small-text-l3:small-text letters-l1:letters \
      text-l1:text text-l3:text text-l9:text text-l19:text text-ultra22-stdin:text text-stdin-nocheck:text \
      text-long27-stdin:text records-l9:records periodic-l1:periodic periodic-l19:periodic atsign-l19:atsign \
      alphabet-l19:alphabet random-l3:random zeros-l3:zeros two-frames:two-frames; do
    fixture="${pair%%:*}.zst"; input="$tmp/${pair#*:}"
    zstd -q -d -c "$fixture" | cmp - "$input"
    echo "$fixture $(stat -c %s "$input") $(sha256sum <"$input" | cut -d' ' -f1)"
  done
  echo "dictionary.zst error"
} >expected.txt
ls -l ./*.zst | awk '{ total += $5 } END { print total " bytes of fixtures" }'
