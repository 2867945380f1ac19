#!/usr/bin/env bash
# build/base-images/chiseled-rootfs.sh — assembles the root file system of a distroless
# "noble-chiseled" stand-in from the debootstrapped Debian 12 rootfs tarball (run by
# build/docker-env.sh; root only: it chroots into the unpacked donor rootfs).
#
# Usage: chiseled-rootfs.sh DONOR DOTNET_ROOT RUNTIME_VERSION plain|extra OUT_DIR
#   DONOR: the rootfs tarball, or a folder it was unpacked into (unpacking 116 MB costs 5-12 s of
#   I/O here, so docker-env.sh unpacks once for both variants; the folder is used, not changed,
#   except for a copy of .NET's ELF files under its /tmp).
#   Writes OUT_DIR/rootfs/ (the image's "/"), OUT_DIR/manifest.txt (one kept path a line) and
#   OUT_DIR/packages.txt (the Debian packages the kept files came from).
#
# What goes in, like the official Ubuntu Chiseled images (dotnet-docker's
# src/runtime-deps/10.0/noble-chiseled*/ cut base-files, ca-certificates, libc6, libgcc-s1,
# libssl3t64, libstdc++6; -extra adds libicu74, tzdata): no shell, no package manager, no coreutils,
# only
#   * the shared-library closure of .NET's native code. It is computed, not listed: every ELF file
#     of the machine's .NET (dotnet, libhostfxr, shared/Microsoft.NETCore.App/<v>/*.so, createdump)
#     plus the libraries .NET dlopen()s by soname (libssl.so.3/libcrypto.so.3; with "extra"
#     libicuuc.so.72/libicui18n.so.72) are handed to the donor's own `ldd` inside a chroot of the
#     donor, so the donor's loader walks DT_NEEDED (and $ORIGIN, ld.so.cache) exactly as it would at
#     run time; every "=> /path" it prints, the dynamic loader, and each symlink on the way
#     (/lib64 -> usr/lib64, libfoo.so.N -> libfoo.so.N.M) are kept. A library ldd cannot find
#     fails the script, except liblttng-ust (libcoreclrtraceptprovider.so loads only when LTTng
#     is installed; the official images lack it too).
#   * libz.so.1: asked for by ContainerOpt's image brief; .NET itself no longer needs it (since
#     .NET 9 System.IO.Compression.Native carries zlib-ng) and the official chiseled images omit it.
#   * /etc/ssl/certs/ca-certificates.crt, /etc/os-release (Debian's: this is not Ubuntu),
#     /etc/passwd and /etc/group with root and app (1654:1654, home /home/app, shell /bin/false),
#     /home/app, /tmp (1777), /root (0700), the merged-/usr symlinks bin, lib, lib64, sbin;
#   * "extra": /usr/share/zoneinfo (tzdata) and ICU's libraries (via the closure);
#   * /var/lib/dpkg/status with a short stanza for every Debian package a kept file came from, as
#     chisel-wrapper --generate-dpkg-status writes it, so image scanners see the packages.
set -euo pipefail

readonly APP_UID=1654
# dlopen()ed by .NET by soname, so not in any DT_NEEDED list.
readonly SEED_LIBS_PLAIN=(libssl.so.3 libcrypto.so.3 libz.so.1)
readonly SEED_LIBS_EXTRA=(libicuuc.so.72 libicui18n.so.72)
# Optional DT_NEEDED entries ldd may report as "not found".
readonly OPTIONAL_LIBS_RE='^liblttng-ust\.so\.[0-9]+$'

die() {
  printf 'chiseled-rootfs: error: %s\n' "$*" >&2
  exit 1
}

(($# == 5)) || die "usage: $0 DONOR DOTNET_ROOT RUNTIME_VERSION plain|extra OUT_DIR"
readonly SOURCE=$1 DOTNET_ROOT=$2 RUNTIME_VERSION=$3 VARIANT=$4 OUT=$5
[[ -d $SOURCE || -s $SOURCE ]] || die "no rootfs tarball or folder at $SOURCE"
[[ -x $DOTNET_ROOT/dotnet ]] || die "no .NET at $DOTNET_ROOT"
[[ -d $DOTNET_ROOT/shared/Microsoft.NETCore.App/$RUNTIME_VERSION ]] ||
  die "no Microsoft.NETCore.App $RUNTIME_VERSION in $DOTNET_ROOT"
[[ $VARIANT == plain || $VARIANT == extra ]] || die "variant must be plain or extra, not '$VARIANT'"
((EUID == 0)) || die "must run as root (chroot)"
[[ ! -e $OUT || -z $(ls -A "$OUT") ]] || die "$OUT is not empty"

mkdir -p "$OUT"
if [[ -d $SOURCE ]]; then
  DONOR=$(cd "$SOURCE" && pwd -P)
  [[ -x $DONOR/usr/bin/ldd ]] || die "$SOURCE does not look like an unpacked Debian rootfs"
else
  DONOR=$(mktemp -d "$OUT/.donor.XXXXXX")
  trap 'rm -rf --one-file-system -- "$DONOR"' EXIT
  tar --numeric-owner -C "$DONOR" -xf "$SOURCE"
fi
readonly DONOR

# --- paths inside the donor ----------------------------------------------------------------
# Canonical form of an absolute in-donor directory: symlinks resolved against the donor's root
# (never the host's: /usr/lib64/ld-linux-x86-64.so.2 is an absolute link).
declare -A CANONICAL_DIRS=()
canonical_dir() { # canonical_dir /in/donor/dir -> prints the canonical in-donor path
  local dir=$1
  if [[ -n ${CANONICAL_DIRS[$dir]:-} ]]; then
    printf '%s\n' "${CANONICAL_DIRS[$dir]}"
    return 0
  fi
  local result="" part target hops=0
  local -a parts
  IFS=/ read -r -a parts <<<"${dir#/}"
  while ((${#parts[@]})); do
    part=${parts[0]}
    parts=("${parts[@]:1}")
    case $part in
      '' | .) continue ;;
      ..)
        result=${result%/*}
        continue
        ;;
    esac
    if [[ -L $DONOR$result/$part ]]; then
      ((++hops <= 40)) || die "symlink loop under $dir"
      target=$(readlink "$DONOR$result/$part")
      [[ $target == /* ]] && result=""
      local -a more
      IFS=/ read -r -a more <<<"${target#/}"
      parts=("${more[@]}" "${parts[@]}")
    else
      result="$result/$part"
    fi
  done
  CANONICAL_DIRS[$dir]=${result:-/}
  printf '%s\n' "${result:-/}"
}

declare -A KEEP=()
keep_with_parents() { # keep_with_parents /canonical/path
  local p=$1
  while [[ -n $p && $p != / && -z ${KEEP[$p]:-} ]]; do
    KEEP[$p]=1
    p=${p%/*}
  done
}

# Keeps PATH and, when it is a symlink, everything its chain passes through.
keep_chain() { # keep_chain /in/donor/path
  local p=$1 dir target hops=0
  while :; do
    dir=$(canonical_dir "${p%/*}")
    p="${dir%/}/${p##*/}"
    [[ -e $DONOR$p || -L $DONOR$p ]] || die "$p is not in the donor rootfs"
    keep_with_parents "$p"
    [[ -L $DONOR$p ]] || return 0
    ((++hops <= 40)) || die "symlink loop at $1"
    target=$(readlink "$DONOR$p")
    [[ $target == /* ]] || target="$dir/$target"
    p=$target
  done
}

keep_tree() { # keep_tree /in/donor/dir: the directory and all below it
  local dir
  dir=$(canonical_dir "$1")
  [[ -d $DONOR$dir ]] || die "$dir is not in the donor rootfs"
  keep_with_parents "$dir"
  local entry
  while IFS= read -r -d '' entry; do
    KEEP[${entry#"$DONOR"}]=1
  done < <(find "$DONOR$dir" -mindepth 1 -print0)
}

# --- the shared-library closure ------------------------------------------------------------
readonly DOTNET_COPY=/tmp/.dotnet-elf
rm -rf --one-file-system -- "${DONOR:?}$DOTNET_COPY"
mkdir -p "$DONOR$DOTNET_COPY"
elf_files=()
while IFS= read -r -d '' f; do
  if [[ $(head -c 4 "$f" | od -An -tx1 | tr -d ' \n') == 7f454c46 ]]; then
    rel=${f#"$DOTNET_ROOT"/}
    mkdir -p "$DONOR$DOTNET_COPY/$(dirname "$rel")"
    cp -- "$f" "$DONOR$DOTNET_COPY/$rel"
    elf_files+=("$DOTNET_COPY/$rel")
  fi
done < <(find "$DOTNET_ROOT/dotnet" "$DOTNET_ROOT/host" \
  "$DOTNET_ROOT/shared/Microsoft.NETCore.App/$RUNTIME_VERSION" -type f -print0)
((${#elf_files[@]} >= 3)) || die "found only ${#elf_files[@]} ELF files in $DOTNET_ROOT"

seeds=("${SEED_LIBS_PLAIN[@]}")
[[ $VARIANT == extra ]] && seeds+=("${SEED_LIBS_EXTRA[@]}")
ldconfig_map=$(chroot "$DONOR" /sbin/ldconfig -p) || die "ldconfig -p failed in the donor chroot"
for soname in "${seeds[@]}"; do
  path=$(awk -v s="$soname" '$1 == s && /x86-64/ { print $NF; exit }' <<<"$ldconfig_map")
  [[ -n $path ]] || die "the donor rootfs has no $soname (is its package in BASE_PACKAGES?)"
  elf_files+=("$path")
  keep_chain "$path"
done

ldd_out=$(chroot "$DONOR" /usr/bin/ldd "${elf_files[@]}" 2>&1) ||
  die "ldd failed in the donor chroot: $ldd_out"
while read -r first second third _; do
  case $first in
    */*:) continue ;; # "file:" header of a multi-file ldd listing
    linux-vdso.so.*) continue ;;
  esac
  if [[ $second == "=>" ]]; then
    if [[ $third == "not" ]]; then
      [[ $first =~ $OPTIONAL_LIBS_RE ]] && continue
      die "ldd cannot find $first, needed by .NET, in the donor rootfs"
    fi
    [[ $third == "$DOTNET_COPY"/* ]] && continue # .NET's own libraries (libmscordaccore.so)
    keep_chain "$third"
  elif [[ $first == /* ]]; then
    keep_chain "$first" # the dynamic loader
  fi
done <<<"$ldd_out"

# --- files that are not libraries ----------------------------------------------------------
for link in bin lib lib64 sbin; do
  [[ -L $DONOR/$link ]] && KEEP[/$link]=1
done
keep_chain /etc/os-release
keep_chain /etc/ssl/certs/ca-certificates.crt
if [[ $VARIANT == extra ]]; then
  keep_tree /usr/share/zoneinfo
fi

# --- assemble ------------------------------------------------------------------------------
readonly ROOTFS="$OUT/rootfs"
mkdir -p "$ROOTFS"
chmod 0755 "$ROOTFS"
printf '%s\n' "${!KEEP[@]}" | sort >"$OUT/manifest.txt"
# --no-recursion: exactly the kept entries, with the donor's modes, owners and times.
sed 's|^|.|' "$OUT/manifest.txt" |
  tar --numeric-owner --no-recursion -C "$DONOR" -cf - -T - |
  tar --numeric-owner -C "$ROOTFS" -xf -

install -d -m 0755 "$ROOTFS/etc" "$ROOTFS/home" "$ROOTFS/usr/bin" "$ROOTFS/usr/sbin"
install -d -m 1777 "$ROOTFS/tmp"
install -d -m 0700 "$ROOTFS/root"
install -d -m 0755 -o "$APP_UID" -g "$APP_UID" "$ROOTFS/home/app"
grep -E '^root:' "$DONOR/etc/passwd" >"$ROOTFS/etc/passwd"
printf 'app:x:%s:%s::/home/app:/bin/false\n' "$APP_UID" "$APP_UID" >>"$ROOTFS/etc/passwd"
grep -E '^root:' "$DONOR/etc/group" >"$ROOTFS/etc/group"
printf 'app:x:%s:\n' "$APP_UID" >>"$ROOTFS/etc/group"
chmod 0644 "$ROOTFS/etc/passwd" "$ROOTFS/etc/group"

# --- dpkg status: the packages the kept files came from ------------------------------------
# dpkg's lists name merged-/usr files by their unmerged paths (/lib/x86_64-linux-gnu/libc.so.6),
# so each kept /usr/{lib,lib64,bin,sbin}/... path is also looked up without its /usr. Only files
# and symlinks count: directories like /usr/lib/x86_64-linux-gnu belong to dozens of packages.
owned_paths() {
  local p
  while IFS= read -r p; do
    [[ $p == /*/* ]] || continue # /bin, /lib, ... are in dozens of packages' lists
    [[ -d $DONOR$p && ! -L $DONOR$p ]] && continue
    printf '%s\n' "$p"
  done <"$OUT/manifest.txt"
}
# ca-certificates.crt is made by ca-certificates' postinst, so no list names it.
packages=$(
  { [[ -n ${KEEP[/etc/ssl/certs/ca-certificates.crt]:-} ]] && echo ca-certificates
  awk 'NR == FNR {
         want[$0] = 1
         if ($0 ~ /^\/usr\/(lib|lib64|bin|sbin)\//) want[substr($0, 5)] = 1
         next
       }
       $0 in want {
         pkg = FILENAME; sub(/.*\//, "", pkg); sub(/\.list$/, "", pkg); sub(/:.*/, "", pkg)
         print pkg
       }' <(owned_paths) \
    "$DONOR"/var/lib/dpkg/info/*.list; } | sort -u
)
mkdir -p "$ROOTFS/var/lib/dpkg"
awk -v list="$(tr '\n' ' ' <<<"$packages")" '
  BEGIN { n = split(list, p, " "); for (i = 1; i <= n; i++) want[p[i]] = 1; RS = ""; FS = "\n" }
  {
    name = ""
    for (i = 1; i <= NF; i++) if ($i ~ /^Package: /) name = substr($i, 10)
    if (!(name in want)) next
    out = ""
    for (i = 1; i <= NF; i++)
      if ($i ~ /^(Package|Status|Architecture|Multi-Arch|Source|Version): /) out = out $i "\n"
    printf "%s\n", out
  }' "$DONOR/var/lib/dpkg/status" >"$ROOTFS/var/lib/dpkg/status"
chmod 0644 "$ROOTFS/var/lib/dpkg/status"
printf '%s\n' "$packages" >"$OUT/packages.txt"
