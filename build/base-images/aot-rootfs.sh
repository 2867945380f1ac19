#!/usr/bin/env bash
# build/base-images/aot-rootfs.sh — the native toolchain layer of the sdk:10.0-noble-aot stand-in.
#
# The official image is sdk:10.0-noble plus `apt-get install --no-install-recommends clang llvm
# zlib1g-dev` (dotnet-docker src/sdk/10.0/noble-aot). Stand-in builds run with --network=none, so
# the install happens here, on the host, in a chroot of the cached Debian minbase rootfs (the one
# the sdk stand-in is built on), and what it adds or changes — files, directories, symlinks and
# the dpkg database, so `dpkg -l` inside the image is right — is written as a tarball that the
# sdk-aot.Dockerfile COPYs over sdk:10.0.
#
# Usage: aot-rootfs.sh MINBASE_TARBALL MIRROR PACKAGES OUT_TARBALL
#   PACKAGES  comma-separated (e.g. clang,llvm,zlib1g-dev); apt resolves their dependencies
# Writes OUT_TARBALL (the changed paths, numeric owners) and OUT_TARBALL.packages (the Debian
# packages added or upgraded, "name version" lines). Needs root (chroot, mounts) and the network.
set -euo pipefail

die() {
  printf '[aot-rootfs] error: %s\n' "$*" >&2
  exit 1
}

(($# == 4)) || die "usage: $0 MINBASE_TARBALL MIRROR PACKAGES OUT_TARBALL"
readonly MINBASE=$1 MIRROR=$2 PACKAGES=$3 OUT=$4
[[ -s $MINBASE ]] || die "no minbase rootfs tarball at $MINBASE"
((EUID == 0)) || die "needs root (chroot and mounts)"

WORK=$(mktemp -d "$(dirname "$OUT")/aot-work.XXXXXX")
readonly WORK BEFORE="$WORK/before" AFTER="$WORK/after"

unmount_chroot() {
  local m
  while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done < <(findmnt -rn -o TARGET | grep -F "$AFTER/" | sort -r)
}

cleanup() {
  unmount_chroot
  # Never recurse into a file system still mounted in the chroot (the host's /dev).
  findmnt -rn -o TARGET | grep -qF "$AFTER/" || rm -rf --one-file-system -- "$WORK"
  rm -f -- "$OUT.partial"
}
trap cleanup EXIT

mkdir -p "$BEFORE" "$AFTER"
tar --numeric-owner -C "$BEFORE" -xf "$MINBASE"
tar --numeric-owner -C "$AFTER" -xf "$MINBASE"

# --- install in the chroot ------------------------------------------------------------------
mount --bind /dev "$AFTER/dev"
mount -t proc proc "$AFTER/proc"
cp -L -- /etc/resolv.conf "$AFTER/etc/resolv.conf"
printf 'deb %s bookworm main\n' "$MIRROR" >"$AFTER/etc/apt/sources.list"
# No daemons start in a chroot.
printf '#!/bin/sh\nexit 101\n' >"$AFTER/usr/sbin/policy-rc.d"
chmod 0755 "$AFTER/usr/sbin/policy-rc.d"

in_chroot() {
  chroot "$AFTER" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"
}
in_chroot apt-get update -qq || die "apt-get update in the chroot failed (mirror $MIRROR)"
IFS=, read -r -a package_list <<<"$PACKAGES"
in_chroot apt-get install -y -qq --no-install-recommends "${package_list[@]}" >&2 ||
  die "apt-get install ${package_list[*]} in the chroot failed"
in_chroot apt-get clean
unmount_chroot
# Back to exactly what the minbase had (its sources.list came from debootstrap).
cp -a -- "$BEFORE/etc/apt/sources.list" "$AFTER/etc/apt/sources.list"
rm -f -- "$AFTER/etc/resolv.conf" "$AFTER/usr/sbin/policy-rc.d"

# --- what changed ---------------------------------------------------------------------------
# One line per entry: path, type, mode, owner, group, size, mtime, link target. tar restored the
# same mtimes in both trees, so an unchanged file has an identical line.
listing() {
  (cd "$1" && find . -mindepth 1 \( -path ./dev -o -path ./proc -o -path ./sys \) -prune -o \
    -printf '%P\t%y\t%m\t%U\t%G\t%s\t%T@\t%l\n') | LC_ALL=C sort
}
listing "$BEFORE" >"$WORK/before.lst"
listing "$AFTER" >"$WORK/after.lst"

# Apt's and dpkg's bookkeeping that an image does not keep (bookworm-slim drops it too).
readonly NOISE='^(var/log/|var/cache/apt/|var/lib/apt/lists/|var/cache/debconf/[^/]*-old|var/lib/dpkg/[^/]*-old|tmp/)'

LC_ALL=C comm -13 "$WORK/before.lst" "$WORK/after.lst" | cut -f1 | grep -Ev "$NOISE" >"$WORK/changed" || true
[[ -s $WORK/changed ]] || die "installing ${package_list[*]} changed nothing"

# Removed paths cannot be expressed by a COPY; apt removing anything would mean a conflict.
cut -f1 "$WORK/before.lst" >"$WORK/before.paths"
cut -f1 "$WORK/after.lst" >"$WORK/after.paths"
removed=$(LC_ALL=C comm -23 "$WORK/before.paths" "$WORK/after.paths" | grep -Ev "$NOISE" || true)
[[ -z $removed ]] || die "the install removed paths of the minbase rootfs: $(head -n 5 <<<"$removed" | tr '\n' ' ')"

# The sdk image's users (app, added by runtime-deps) must survive the COPY.
if grep -Eqx 'etc/(passwd|group|shadow|gshadow)' "$WORK/changed"; then
  die "the install changed users or groups; the layer would overwrite the image's app user"
fi

# Every ancestor directory too, so the tarball carries their real modes.
awk -F/ '{ p = ""; for (i = 1; i < NF; i++) { p = p (i > 1 ? "/" : "") $i; print p } print }' \
  "$WORK/changed" | LC_ALL=C sort -u >"$WORK/members"

tar --numeric-owner --no-recursion --verbatim-files-from -C "$AFTER" -T "$WORK/members" \
  -cf "$OUT.partial"

# Packages added or upgraded, for people and tests to read.
dpkg_list() { dpkg-query --admindir="$1/var/lib/dpkg" -W -f '${Package} ${Version}\n' | LC_ALL=C sort; }
LC_ALL=C comm -13 <(dpkg_list "$BEFORE") <(dpkg_list "$AFTER") >"$OUT.packages"
mv -f -- "$OUT.partial" "$OUT"
printf '[aot-rootfs] %s: %s paths, %s packages added or upgraded\n' "$OUT" \
  "$(wc -l <"$WORK/members")" "$(wc -l <"$OUT.packages")" >&2
