#!/usr/bin/env bash
# build/docker-env.sh — a private Docker engine plus local stand-ins for the official .NET images.
#
# Machines here have no Docker engine and cannot pull images. This script
#   * installs Debian's docker.io (dockerd + the 20.10 client /usr/bin/docker) and debootstrap,
#   * runs dockerd on a private socket (vfs storage, no iptables, no bridge),
#   * builds mcr.microsoft.com/dotnet/{runtime-deps,runtime,aspnet,sdk}:10.0 (and
#     :10.0-bookworm-slim) from a debootstrapped Debian 12 minbase plus the machine's own .NET
#     (/usr/share/dotnet), so Dockerfiles written for the official images build unchanged
#     (builds that RUN something need --network=none: the daemon has no bridge network); the sdk
#     one carries the linux runtime packs in packs/ so RID-specific and self-contained restores
#     work offline (see "3c");
#   * builds the distroless mcr.microsoft.com/dotnet/{runtime-deps,runtime,aspnet}:
#     10.0-noble-chiseled and :10.0-noble-chiseled-extra (ICU + tzdata) the way the official ones
#     are made: FROM scratch, COPY of a cut-down root file system, no RUN (there is no shell).
#     base-images/chiseled-rootfs.sh cuts it from the same Debian rootfs: .NET's shared-library
#     closure (resolved by the donor's ldd in a chroot), CA certificates, passwd/group with app.
#     They are Debian 12 inside (glibc 2.36, OpenSSL 3.0, ICU 72), not Ubuntu 24.04, but have the
#     official images' shape: files, users, ENV, USER 1654, ENTRYPOINT;
#   * runs Debian's docker-registry on localhost:5000 holding the runtime stand-ins as
#     localhost:5000/dotnet/<kind>:<tag> and exports CONTAINEROPT_REGISTRY (section 5);
#   * builds mcr.microsoft.com/dotnet/sdk:10.0-noble-aot: the sdk stand-in plus the native
#     toolchain Native AOT links with (the official image's `apt-get install clang llvm
#     zlib1g-dev`). base-images/aot-rootfs.sh does that install once on the host, in a chroot of
#     the cached Debian rootfs, and keeps what it added (files + dpkg database) as a tarball
#     under $STATE/rootfs that the image COPYs; this first build needs the Debian mirror (~12 s)
#     and adds ~35 s to a cold start, a warm start nothing.
#
# Not made: the Alpine images (…:10.0-alpine*). They need a musl build of .NET and the machine's
# .NET is glibc-only, so a working stand-in is impossible here, and a fake one (glibc .NET on a
# musl rootfs, or a Debian image tagged alpine) would make tests pass that fail on the real image.
#
# Usage:
#   eval "$(build/docker-env.sh start)"   # idempotent; prints export lines (last lines of stdout)
#   build/docker-env.sh status            # exit 0 when the daemon answers and all stand-ins exist
#   build/docker-env.sh stop              # stops the dockerd this script started
#
# Environment (all optional):
#   CONTAINEROPT_DOCKER_STATE           state dir: socket, data root, logs, rootfs cache
#                                       (default /var/lib/containeropt-docker; keep it short:
#                                       unix socket paths are limited to ~108 bytes)
#   CONTAINEROPT_DOCKER_STORAGE_DRIVER  dockerd storage driver (default: overlay2 when an overlay
#                                       mount works in the state dir, else vfs)
#   CONTAINEROPT_DOCKER_BUILDKIT        value printed as DOCKER_BUILDKIT (default 1)
#   CONTAINEROPT_DOTNET_ROOT            .NET to layer into the images (default /usr/share/dotnet)
#   CONTAINEROPT_DEBIAN_MIRROR          mirror for debootstrap (default deb.debian.org if it
#                                       resolves, else the one apt is configured with)
set -euo pipefail

readonly DOTNET_CHANNEL=10.0
readonly DEBIAN_SUITE=bookworm
readonly BASE_IMAGE=containeropt/bookworm-base:1
readonly BASE_PACKAGES=libicu72,libssl3,ca-certificates,tzdata,libc6,libgcc-s1,libstdc++6,zlib1g
# Bump when the rootfs recipe (packages, cleanup) changes so the cached tarball is rebuilt.
readonly BASE_RECIPE_VERSION=2
# What the official sdk:*-noble-aot images add with apt (dotnet-docker src/sdk/10.0/noble-aot).
readonly AOT_PACKAGES=clang,llvm,zlib1g-dev
readonly AOT_RECIPE_VERSION=1
# Every stand-in, parents before children. An id is the image kind (repository) plus the variant.
readonly STANDINS=(
  runtime-deps runtime aspnet sdk
  runtime-deps-chiseled runtime-chiseled aspnet-chiseled
  runtime-deps-chiseled-extra runtime-chiseled-extra aspnet-chiseled-extra
  sdk-aot
)
readonly FINGERPRINT_LABEL=com.containeropt.fingerprint
readonly VERSION_LABEL=org.opencontainers.image.version

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
readonly BASE_IMAGES_DIR="$SCRIPT_DIR/base-images"
readonly STATE=${CONTAINEROPT_DOCKER_STATE:-/var/lib/containeropt-docker}
readonly SOCK="$STATE/docker.sock"
readonly PIDFILE="$STATE/dockerd.pid"
readonly LOGFILE="$STATE/dockerd.log"
STORAGE_DRIVER=${CONTAINEROPT_DOCKER_STORAGE_DRIVER:-auto}
readonly BUILDKIT_EXPORT=${CONTAINEROPT_DOCKER_BUILDKIT:-1}
readonly DOTNET_DIR=${CONTAINEROPT_DOTNET_ROOT:-/usr/share/dotnet}
# Debian's 20.10 client: builds with the legacy builder and with BuildKit without buildx.
readonly DOCKER_CLIENT=/usr/bin/docker

TMP_PATHS=()
OLD_IMAGE_IDS=()
BUILT_ANY=0

log() { printf '[docker-env %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

now_ms() {
  local t=${EPOCHREALTIME//[.,]/}
  printf '%s\n' "$((t / 1000))"
}

elapsed() { # elapsed START_MS -> "12.3s"
  local ms=$(($(now_ms) - $1))
  printf '%d.%ds' "$((ms / 1000))" "$((ms % 1000 / 100))"
}

cleanup() {
  local p
  for p in "${TMP_PATHS[@]}"; do
    [[ -e $p ]] && rm -rf --one-file-system -- "$p"
  done
  return 0
}
trap cleanup EXIT

dk() { "$DOCKER_CLIENT" -H "unix://$SOCK" "$@"; }

daemon_answers() {
  [[ -S $SOCK && -x $DOCKER_CLIENT ]] || return 1
  timeout 20 "$DOCKER_CLIENT" -H "unix://$SOCK" info --format '{{.ServerVersion}}' >/dev/null 2>&1
}

# Id and labels of every stand-in tag, read with one `docker image inspect` (a warm start would
# otherwise spend ~0.1 s on each of ~40 calls). Dropped whenever an image is built or tagged.
declare -A CACHED_IMAGES=() # ref -> "id<TAB>fingerprint<TAB>version"; "" = looked up, absent
CACHE_READY=0

load_image_cache() { # load_image_cache REF...
  local tags id fp version tag ref
  CACHED_IMAGES=()
  for ref in "$@"; do CACHED_IMAGES[$ref]=""; done
  while IFS=$'\t' read -r tags id fp version; do
    for tag in $tags; do
      [[ -n ${CACHED_IMAGES[$tag]+set} ]] && CACHED_IMAGES[$tag]="$id"$'\t'"$fp"$'\t'"$version"
    done
  done < <(dk image inspect --format "{{range .RepoTags}}{{.}} {{end}}{{\"\t\"}}{{.Id}}{{\"\t\"}}{{index .Config.Labels \"$FINGERPRINT_LABEL\"}}{{\"\t\"}}{{index .Config.Labels \"$VERSION_LABEL\"}}" "$@" 2>/dev/null || true)
  CACHE_READY=1
}

drop_image_cache() { CACHE_READY=0; }

cached_field() { # cached_field REF INDEX(1=id,2=fingerprint,3=version); fails when not cached
  ((CACHE_READY)) && [[ -n ${CACHED_IMAGES[$1]+set} ]] || return 1
  local fields
  IFS=$'\t' read -r -a fields <<<"${CACHED_IMAGES[$1]}"
  printf '%s\n' "${fields[$2 - 1]:-}"
}

image_id() {
  cached_field "$1" 1 && return 0
  dk image inspect --format '{{.Id}}' "$1" 2>/dev/null || true
}

image_label() { # image_label IMAGE KEY
  case $2 in
    "$FINGERPRINT_LABEL") cached_field "$1" 2 && return 0 ;;
    "$VERSION_LABEL") cached_field "$1" 3 && return 0 ;;
  esac
  dk image inspect --format "{{index .Config.Labels \"$2\"}}" "$1" 2>/dev/null || true
}

check_paths() {
  [[ $STATE == /* ]] || die "CONTAINEROPT_DOCKER_STATE must be an absolute path: $STATE"
  # The longest socket dockerd creates is containerd's ttrpc socket under the exec root.
  local longest="$STATE/exec/containerd/containerd.sock.ttrpc"
  ((${#longest} <= 107)) ||
    die "state dir '$STATE' is too long for unix socket paths (${#longest} > 107 bytes); set CONTAINEROPT_DOCKER_STATE to a shorter path"
}

lock_state() {
  mkdir -p "$STATE"
  chmod 0711 "$STATE"
  exec 9>"$STATE/.lock"
  if ! flock -n 9; then
    log "another docker-env.sh holds $STATE/.lock; waiting (up to 30 min)"
    flock -w 1800 9 || die "timed out waiting for $STATE/.lock"
  fi
}

# ---------------------------------------------------------------------------------------------
# 1. packages
# ---------------------------------------------------------------------------------------------
ensure_packages() {
  local missing=()
  if ! command -v dockerd >/dev/null 2>&1 || [[ ! -x $DOCKER_CLIENT ]]; then
    missing+=(docker.io)
  fi
  command -v debootstrap >/dev/null 2>&1 || [[ -x /usr/sbin/debootstrap ]] || missing+=(debootstrap)
  # zstd: the image tests compress layers with the reference implementation.
  command -v zstd >/dev/null 2>&1 || missing+=(zstd)
  # skopeo: the registry tests seed the local registry with it, and the SDK-image test copies the SDK's image with it.
  command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
  ((${#missing[@]} == 0)) && return 0

  ((EUID == 0)) || die "need root to apt-get install ${missing[*]} (and to run dockerd)"
  local t0
  t0=$(now_ms)
  log "installing ${missing[*]} with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || die "apt-get update failed"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2; then
    log "retrying without --no-install-recommends"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 ||
      die "apt-get install ${missing[*]} failed"
  fi
  log "installed ${missing[*]} in $(elapsed "$t0")"
}

# ---------------------------------------------------------------------------------------------
# 2. daemon
# ---------------------------------------------------------------------------------------------
pid_is_our_dockerd() { # pid_is_our_dockerd PID
  local pid=$1 comm
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  [[ $comm == dockerd ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "unix://$SOCK"
}

pidfile_pid() { cat "$PIDFILE" 2>/dev/null || true; }

# overlay2 is ~5x faster and far smaller on disk than vfs (which copies every layer in full),
# but needs a kernel and a file system that allow overlay mounts: probe one in the state dir.
choose_storage_driver() {
  [[ $STORAGE_DRIVER == auto ]] || return 0
  local probe
  probe=$(mktemp -d "$STATE/tmp/overlay-probe.XXXXXX" 2>/dev/null) || {
    STORAGE_DRIVER=vfs
    return 0
  }
  mkdir -p "$probe"/{lower,upper,work,merged}
  if mount -t overlay overlay \
    -o "lowerdir=$probe/lower,upperdir=$probe/upper,workdir=$probe/work" "$probe/merged" 2>/dev/null; then
    umount "$probe/merged" 2>/dev/null || umount -l "$probe/merged" 2>/dev/null || true
    STORAGE_DRIVER=overlay2
  else
    STORAGE_DRIVER=vfs
  fi
  rm -rf --one-file-system -- "$probe"
}

start_daemon() {
  mkdir -p "$STATE/tmp"
  choose_storage_driver
  if daemon_answers; then
    local driver
    driver=$(dk info --format '{{.Driver}}' 2>/dev/null || true)
    log "dockerd already answers on $SOCK (storage driver ${driver:-?})"
    if [[ -n $driver && $driver != "$STORAGE_DRIVER" ]]; then
      log "note: it runs with '$driver', not '$STORAGE_DRIVER'; to switch: $0 stop; $0 start"
    fi
    return 0
  fi
  local t0 pid
  t0=$(now_ms)
  pid=$(pidfile_pid)
  if pid_is_our_dockerd "$pid"; then
    log "dockerd (pid $pid) is running but not answering yet; waiting for it"
  else
    command -v dockerd >/dev/null 2>&1 || die "dockerd not found"
    mkdir -p "$STATE/data" "$STATE/exec"
    # Keep the log bounded across restarts.
    if [[ -f $LOGFILE ]] && (($(stat -c %s "$LOGFILE") > 20 * 1024 * 1024)); then
      mv -f "$LOGFILE" "$LOGFILE.1"
    fi
    printf '\n===== %(%F %T)T docker-env.sh start =====\n' -1 >>"$LOGFILE"
    log "starting dockerd (storage driver $STORAGE_DRIVER) on $SOCK; log: $LOGFILE"
    # setsid: own session, so the daemon outlives this script and the caller's terminal.
    # 9>&-: the daemon must not inherit the state lock.
    nohup setsid dockerd \
      --storage-driver="$STORAGE_DRIVER" \
      --iptables=false \
      --bridge=none \
      -H "unix://$SOCK" \
      --data-root "$STATE/data" \
      --exec-root "$STATE/exec" \
      --pidfile "$PIDFILE" \
      </dev/null >>"$LOGFILE" 2>&1 9>&- &
    pid=$!
    disown "$pid" 2>/dev/null || true
  fi

  local deadline=$((SECONDS + 60))
  until daemon_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "dockerd exited during start-up; last lines of $LOGFILE:"
      tail -n 30 "$LOGFILE" >&2 || true
      die "dockerd failed to start"
    fi
    if ((SECONDS >= deadline)); then
      log "dockerd did not answer within 60s; last lines of $LOGFILE:"
      tail -n 30 "$LOGFILE" >&2 || true
      die "dockerd is not answering on $SOCK"
    fi
    sleep 0.5
  done
  log "dockerd $(dk version --format '{{.Server.Version}}' 2>/dev/null || echo '?') answers (pid $(pidfile_pid)) after $(elapsed "$t0")"
}

stop_daemon() {
  local pid
  pid=$(pidfile_pid)
  if ! pid_is_our_dockerd "$pid"; then
    if daemon_answers; then
      die "a daemon answers on $SOCK but $PIDFILE does not name it; not stopping it"
    fi
    log "dockerd is not running"
    return 0
  fi
  local t0
  t0=$(now_ms)
  log "stopping dockerd (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 45))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "dockerd did not exit within 45s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    # A killed dockerd leaves its managed containerd behind.
    local cpid
    cpid=$(cat "$STATE/exec/containerd/containerd.pid" 2>/dev/null || true)
    if [[ $cpid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$cpid/comm" 2>/dev/null) == containerd ]]; then
      kill -TERM "$cpid" 2>/dev/null || true
    fi
    sleep 1
  fi
  # dockerd leaves its default network namespace bind-mounted under the exec root.
  local m
  while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done < <(findmnt -rn -o TARGET | grep -F "$STATE/exec/" | sort -r)
  log "dockerd stopped after $(elapsed "$t0")"
}

# ---------------------------------------------------------------------------------------------
# 3a. base image: debootstrapped Debian minbase (cached as a tarball under $STATE)
# ---------------------------------------------------------------------------------------------
debian_mirror() {
  if [[ -n ${CONTAINEROPT_DEBIAN_MIRROR:-} ]]; then
    printf '%s\n' "$CONTAINEROPT_DEBIAN_MIRROR"
    return 0
  fi
  if getent hosts deb.debian.org >/dev/null 2>&1; then
    printf '%s\n' http://deb.debian.org/debian
    return 0
  fi
  # The first ".../debian" URI apt uses (deb822 or one-line format), else the default.
  local uri
  uri=$(
    {
      grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | tr -s ' \t' '\n' | grep -v '^URIs:'
      grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
        sed -E 's/^deb +(\[[^]]*\] +)?//' | cut -d' ' -f1
    } | grep -E '/debian/?$' | head -n 1
  ) || true
  printf '%s\n' "${uri:-http://deb.debian.org/debian}"
}

base_fingerprint() {
  printf '%s\n' "$DEBIAN_SUITE" minbase "$BASE_PACKAGES" "$BASE_RECIPE_VERSION" |
    sha256sum | cut -c1-16
}

make_rootfs_tarball() { # make_rootfs_tarball TARBALL
  local tarball=$1 mirror rootfs t0
  mirror=$(debian_mirror)
  mkdir -p "$STATE/tmp"
  rootfs=$(mktemp -d "$STATE/tmp/rootfs.XXXXXX")
  TMP_PATHS+=("$rootfs")
  t0=$(now_ms)
  log "debootstrap --variant=minbase $DEBIAN_SUITE from $mirror (once; cached as $tarball)"
  if ! debootstrap --variant=minbase --include="$BASE_PACKAGES" \
    "$DEBIAN_SUITE" "$rootfs" "$mirror" >"$STATE/debootstrap.log" 2>&1; then
    tail -n 30 "$STATE/debootstrap.log" >&2 || true
    [[ -f $rootfs/debootstrap/debootstrap.log ]] && tail -n 30 "$rootfs/debootstrap/debootstrap.log" >&2
    die "debootstrap failed (full log: $STATE/debootstrap.log)"
  fi
  log "debootstrap took $(elapsed "$t0")"
  # debootstrap unmounts what it mounted; make sure before deleting or archiving anything.
  local m
  while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done < <(findmnt -rn -o TARGET | grep -F "$rootfs/" | sort -r)

  # Slim it the way debian:bookworm-slim is: no apt caches/lists, docs, man pages, locales.
  rm -rf --one-file-system -- \
    "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* "$rootfs"/tmp/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
    "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/groff/* "$rootfs"/usr/share/lintian/*
  mkdir -p "$rootfs/etc/dpkg/dpkg.cfg.d"
  printf '%s\n' \
    'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' \
    'path-exclude /usr/share/locale/*' 'path-include /usr/share/locale/locale.alias' \
    'path-exclude /usr/share/groff/*' 'path-exclude /usr/share/lintian/*' \
    >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim"
  : >"$rootfs/etc/machine-id"
  # mktemp -d made the directory 0700; it becomes the image's "/".
  chmod 0755 "$rootfs"
  rm -f -- "$rootfs/etc/hostname" "$rootfs/etc/resolv.conf"

  t0=$(now_ms)
  tar --numeric-owner --one-file-system \
    --exclude=./dev/* --exclude=./proc/* --exclude=./sys/* \
    -C "$rootfs" -cf "$tarball.partial" .
  mv -f -- "$tarball.partial" "$tarball"
  rm -rf --one-file-system -- "$rootfs"
  log "rootfs tarball $(du -h "$tarball" | cut -f1) written in $(elapsed "$t0")"
}

rootfs_tarball() { printf '%s\n' "$STATE/rootfs/debian-$DEBIAN_SUITE-minbase-$(base_fingerprint).tar"; }

ensure_rootfs_tarball() {
  local tarball
  tarball=$(rootfs_tarball)
  [[ -s $tarball ]] && return 0
  command -v debootstrap >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin"
  mkdir -p "$STATE/rootfs"
  make_rootfs_tarball "$tarball"
}

ensure_base_image() {
  local fp have tarball
  fp=$(base_fingerprint)
  have=$(image_label "$BASE_IMAGE" "$FINGERPRINT_LABEL")
  if [[ $have == "$fp" ]]; then
    return 0
  fi
  tarball=$(rootfs_tarball)
  if [[ -s $tarball ]]; then
    log "using cached rootfs $tarball"
  else
    ensure_rootfs_tarball
  fi
  local t0 old
  t0=$(now_ms)
  old=$(image_id "$BASE_IMAGE")
  dk import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' \
    --change "LABEL $FINGERPRINT_LABEL=$fp" \
    --message "debootstrap --variant=minbase --include=$BASE_PACKAGES $DEBIAN_SUITE" \
    "$tarball" "$BASE_IMAGE" >/dev/null
  log "imported $BASE_IMAGE in $(elapsed "$t0")"
  # Drop rootfs tarballs of older recipes.
  local f
  for f in "$STATE"/rootfs/debian-*-minbase-*.tar; do
    [[ -e $f && $f != "$tarball" ]] && rm -f -- "$f"
  done
  [[ -n $old ]] && OLD_IMAGE_IDS+=("$old")
  return 0
}

# ---------------------------------------------------------------------------------------------
# 3b. .NET stand-ins
# ---------------------------------------------------------------------------------------------
latest_version() { # latest_version DIR -> highest $DOTNET_CHANNEL.* subdirectory name
  local dir=$1
  [[ -d $dir ]] || return 0
  find "$dir" -mindepth 1 -maxdepth 1 -type d -name "$DOTNET_CHANNEL.*" -printf '%f\n' |
    sort -V | tail -n 1
}

detect_dotnet() {
  [[ -x $DOTNET_DIR/dotnet ]] || die "no .NET at $DOTNET_DIR (set CONTAINEROPT_DOTNET_ROOT)"
  RUNTIME_VERSION=$(latest_version "$DOTNET_DIR/shared/Microsoft.NETCore.App")
  ASPNET_VERSION=$(latest_version "$DOTNET_DIR/shared/Microsoft.AspNetCore.App")
  SDK_VERSION=$(latest_version "$DOTNET_DIR/sdk")
  [[ -n $RUNTIME_VERSION ]] || die "no Microsoft.NETCore.App $DOTNET_CHANNEL.* in $DOTNET_DIR/shared"
  [[ -n $ASPNET_VERSION ]] || die "no Microsoft.AspNetCore.App $DOTNET_CHANNEL.* in $DOTNET_DIR/shared"
  [[ -n $SDK_VERSION ]] || die "no SDK $DOTNET_CHANNEL.* in $DOTNET_DIR/sdk"
}

# Stand-in ids: <kind>[-chiseled[-extra]], kind = runtime-deps|runtime|aspnet|sdk; and sdk-aot.
kind_of() {
  local kind=${1%%-chiseled*}
  printf '%s\n' "${kind%-aot}"
}

repo_of() { printf '%s\n' "mcr.microsoft.com/dotnet/$(kind_of "$1")"; }

tag_suffix_of() { # the part of the tag after $DOTNET_CHANNEL
  case $1 in
    *-chiseled-extra) printf '%s\n' "-noble-chiseled-extra" ;;
    *-chiseled) printf '%s\n' "-noble-chiseled" ;;
    *-aot) printf '%s\n' "-noble-aot" ;;
    *) printf '\n' ;;
  esac
}

primary_tag_of() { printf '%s\n' "$(repo_of "$1"):$DOTNET_CHANNEL$(tag_suffix_of "$1")"; }

# Further tags of the same image (the full images are also the -bookworm-slim ones).
alias_tags_of() {
  case $1 in
    *-chiseled* | *-aot) ;;
    *) printf '%s\n' "$(repo_of "$1"):$DOTNET_CHANNEL-$DEBIAN_SUITE-slim" ;;
  esac
  return 0
}

dockerfile_of() {
  case $1 in
    runtime-deps-chiseled | runtime-deps-chiseled-extra) printf '%s\n' "$1.Dockerfile" ;;
    *-chiseled*) printf '%s\n' "$(kind_of "$1")-chiseled.Dockerfile" ;;
    *) printf '%s\n' "$1.Dockerfile" ;;
  esac
}

# The image each stand-in is built on; for the chiseled runtime-deps (FROM scratch) the Debian
# base image, whose id changes with the rootfs tarball its files are cut from.
parent_of() {
  local suffix
  suffix=$(tag_suffix_of "$1")
  case $1 in
    runtime-deps) printf '%s\n' "$BASE_IMAGE" ;;
    runtime-deps-chiseled*) printf '%s\n' "$BASE_IMAGE" ;;
    runtime*) printf '%s\n' "mcr.microsoft.com/dotnet/runtime-deps:$DOTNET_CHANNEL$suffix" ;;
    aspnet*) printf '%s\n' "mcr.microsoft.com/dotnet/runtime:$DOTNET_CHANNEL$suffix" ;;
    sdk-aot) printf '%s\n' "mcr.microsoft.com/dotnet/sdk:$DOTNET_CHANNEL" ;;
    sdk) printf '%s\n' "mcr.microsoft.com/dotnet/aspnet:$DOTNET_CHANNEL" ;;
  esac
}

version_of() {
  case $(kind_of "$1") in
    runtime-deps | runtime) printf '%s\n' "$RUNTIME_VERSION" ;;
    aspnet) printf '%s\n' "$ASPNET_VERSION" ;;
    sdk) printf '%s\n' "$SDK_VERSION" ;;
  esac
}

# What goes into an image's build context, relative to $DOTNET_DIR.
context_parts() {
  local part
  [[ $1 == sdk-aot ]] && return 0 # only the toolchain layer, on top of the sdk stand-in
  case $(kind_of "$1") in
    runtime-deps) ;;
    runtime)
      printf '%s\n' dotnet host "shared/Microsoft.NETCore.App/$RUNTIME_VERSION"
      for part in LICENSE.txt ThirdPartyNotices.txt; do
        [[ -e $DOTNET_DIR/$part ]] && printf '%s\n' "$part"
      done
      ;;
    aspnet) printf '%s\n' "shared/Microsoft.AspNetCore.App/$ASPNET_VERSION" ;;
    sdk)
      printf '%s\n' "sdk/$SDK_VERSION"
      for part in packs sdk-manifests templates library-packs dnx; do
        [[ -e $DOTNET_DIR/$part ]] && printf '%s\n' "$part"
      done
      ;;
  esac
  return 0
}

# ---------------------------------------------------------------------------------------------
# 3c. runtime packs for the sdk stand-in
# ---------------------------------------------------------------------------------------------
# A RID-specific restore (`dotnet restore -a $TARGETARCH`, as generated Dockerfiles do, or
# --self-contained) downloads Microsoft.NETCore.App.Runtime.<rid> and
# Microsoft.AspNetCore.App.Runtime.<rid> even for a console app, and the sdk stand-in builds with
# --network=none. The SDK takes a runtime pack from $DOTNET_ROOT/packs/<Name>/<version> before
# asking NuGet (checked: restore and self-contained publish then run offline), so the sdk image
# gets both there. They come from the host's NuGet global packages folder, else from a restore on
# the host (which reaches the NuGet feed) into $STATE/nuget-packages.
host_rid() {
  case $(uname -m) in
    x86_64) printf '%s\n' linux-x64 ;;
    aarch64) printf '%s\n' linux-arm64 ;;
    *) printf 'linux-%s\n' "$(uname -m)" ;;
  esac
}

seeded_packs() { # lines "Name version"
  local rid
  rid=$(host_rid)
  printf '%s %s\n' "Microsoft.NETCore.App.Runtime.$rid" "$RUNTIME_VERSION" \
    "Microsoft.AspNetCore.App.Runtime.$rid" "$ASPNET_VERSION"
}

# Prints the extracted package folder of NAME VERSION, fetching it with a host restore if needed.
runtime_pack_dir() { # runtime_pack_dir NAME VERSION
  local name=$1 version=$2 lower dir
  lower=$(tr '[:upper:]' '[:lower:]' <<<"$name")
  for dir in "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$lower/$version" \
    "$STATE/nuget-packages/$lower/$version"; do
    if [[ -f $dir/$lower.$version.nupkg.sha512 && -d $dir/runtimes ]]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  return 1
}

fetch_runtime_packs() {
  local missing=() name version
  while read -r name version; do
    runtime_pack_dir "$name" "$version" >/dev/null || missing+=("$name/$version")
  done < <(seeded_packs)
  ((${#missing[@]})) || return 0
  # Offline machines: do not pay NuGet's retries on every warm start; try again after a day.
  local failed="$STATE/packs-restore.failed"
  if [[ -n $(find "$failed" -mmin -1440 2>/dev/null) ]]; then
    log "runtime packs ${missing[*]} unavailable (host restore failed within the last day; rm $failed to retry)"
    return 0
  fi
  local proj t0 item
  mkdir -p "$STATE/tmp" "$STATE/nuget-packages"
  proj=$(mktemp -d "$STATE/tmp/packs.XXXXXX")
  TMP_PATHS+=("$proj")
  {
    printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net%s</TargetFramework></PropertyGroup>\n  <ItemGroup>\n' "$DOTNET_CHANNEL"
    for item in "${missing[@]}"; do
      printf '    <PackageDownload Include="%s" Version="[%s]" />\n' "${item%/*}" "${item#*/}"
    done
    printf '  </ItemGroup>\n</Project>\n'
  } >"$proj/packs.csproj"
  t0=$(now_ms)
  log "fetching ${missing[*]} with a host restore into $STATE/nuget-packages"
  if ! DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 timeout 600 "$DOTNET_DIR/dotnet" restore \
    "$proj/packs.csproj" --packages "$STATE/nuget-packages" >"$STATE/packs-restore.log" 2>&1; then
    tail -n 5 "$STATE/packs-restore.log" >&2 || true
    log "warning: could not fetch the runtime packs; in the sdk stand-in, RID-specific and self-contained restores will need the network"
    : >"$failed"
    return 0
  fi
  rm -f -- "$failed"
  log "fetched runtime packs in $(elapsed "$t0")"
}

standin_fingerprint() { # standin_fingerprint ID PARENT_ID
  local id=$1 parent_id=$2 part
  {
    printf '%s\n' "$id" "$parent_id" "$(version_of "$id")"
    cat "$BASE_IMAGES_DIR/$(dockerfile_of "$id")"
    # Names (not contents) two levels down: a changed pack or workload manifest set shows.
    while read -r part; do
      [[ -n $part ]] || continue
      printf '%s\n' "$part"
      if [[ -d $DOTNET_DIR/$part ]]; then
        find "$DOTNET_DIR/$part" -mindepth 1 -maxdepth 2 -printf '%P\n' | sort
      fi
    done < <(context_parts "$id")
    # The chiseled rootfs: its recipe, the Debian rootfs it is cut from, and the .NET whose
    # native libraries decide the closure (named by RUNTIME_VERSION above).
    case $id in
      runtime-deps-chiseled*)
        cat "$BASE_IMAGES_DIR/chiseled-rootfs.sh"
        base_fingerprint
        ;;
      sdk)
        local name version
        while read -r name version; do
          if runtime_pack_dir "$name" "$version" >/dev/null; then
            printf 'pack %s %s without nupkg\n' "$name" "$version"
          fi
        done < <(seeded_packs)
        ;;
      sdk-aot)
        cat "$BASE_IMAGES_DIR/aot-rootfs.sh"
        aot_fingerprint
        ;;
    esac
  } | sha256sum | cut -c1-16
}

# ---------------------------------------------------------------------------------------------
# 3d. the native toolchain layer of sdk:10.0-noble-aot (cached as a tarball under $STATE)
# ---------------------------------------------------------------------------------------------
aot_fingerprint() {
  printf '%s\n' "$(base_fingerprint)" "$AOT_PACKAGES" "$AOT_RECIPE_VERSION" | sha256sum | cut -c1-16
}

aot_tarball() { printf '%s\n' "$STATE/rootfs/debian-$DEBIAN_SUITE-aot-$(aot_fingerprint).tar"; }

ensure_aot_tarball() {
  local tarball t0 f
  tarball=$(aot_tarball)
  [[ -s $tarball ]] && return 0
  ensure_rootfs_tarball
  t0=$(now_ms)
  log "installing $AOT_PACKAGES into a chroot of the Debian rootfs (once; cached as $tarball)"
  if ! bash "$BASE_IMAGES_DIR/aot-rootfs.sh" "$(rootfs_tarball)" "$(debian_mirror)" \
    "$AOT_PACKAGES" "$tarball" >"$STATE/aot-rootfs.log" 2>&1; then
    tail -n 20 "$STATE/aot-rootfs.log" >&2 || true
    die "aot-rootfs.sh failed (log: $STATE/aot-rootfs.log)"
  fi
  log "toolchain layer $(du -h "$tarball" | cut -f1) ($(wc -l <"$tarball.packages") packages) made in $(elapsed "$t0")"
  # Drop layers of older recipes or rootfs tarballs.
  for f in "$STATE"/rootfs/debian-*-aot-*.tar; do
    [[ -e $f && $f != "$tarball" ]] && rm -f -- "$f" "$f.packages"
  done
  return 0
}

# The rootfs tarball unpacked once per run for both chiseled variants (removed on exit).
DONOR_DIR=""
ensure_donor_rootfs() {
  [[ -n $DONOR_DIR ]] && return 0
  ensure_rootfs_tarball
  local t0
  t0=$(now_ms)
  mkdir -p "$STATE/tmp"
  DONOR_DIR=$(mktemp -d "$STATE/tmp/donor.XXXXXX")
  TMP_PATHS+=("$DONOR_DIR")
  tar --numeric-owner -C "$DONOR_DIR" -xf "$(rootfs_tarball)"
  log "unpacked the Debian rootfs for the chiseled images in $(elapsed "$t0")"
}

assemble_context() { # assemble_context ID DIR
  local id=$1 ctx=$2 part dest
  case $id in
    sdk-aot)
      ensure_aot_tarball
      mkdir -p "$ctx/rootfs"
      tar --numeric-owner -C "$ctx/rootfs" -xf "$(aot_tarball)"
      cp -- "$(aot_tarball).packages" "$STATE/sdk-aot.packages"
      cp -- "$BASE_IMAGES_DIR/$(dockerfile_of "$id")" "$ctx/Dockerfile"
      return 0
      ;;
    runtime-deps-chiseled*)
      local variant=plain
      [[ $id == *-extra ]] && variant=extra
      ensure_donor_rootfs
      bash "$BASE_IMAGES_DIR/chiseled-rootfs.sh" "$DONOR_DIR" "$DOTNET_DIR" \
        "$RUNTIME_VERSION" "$variant" "$ctx/chisel" || die "chiseled-rootfs.sh $variant failed"
      mv -- "$ctx/chisel/rootfs" "$ctx/rootfs"
      # What went in, for people and tests to read.
      cp -- "$ctx/chisel/manifest.txt" "$STATE/chiseled-$variant.manifest"
      cp -- "$ctx/chisel/packages.txt" "$STATE/chiseled-$variant.packages"
      rm -rf --one-file-system -- "$ctx/chisel"
      cp -- "$BASE_IMAGES_DIR/$(dockerfile_of "$id")" "$ctx/Dockerfile"
      return 0
      ;;
  esac
  cp -- "$BASE_IMAGES_DIR/$(dockerfile_of "$id")" "$ctx/Dockerfile"
  mkdir -p "$ctx/rootfs"
  [[ $(kind_of "$id") == runtime-deps ]] && return 0
  while read -r part; do
    [[ -n $part ]] || continue
    dest="$ctx/rootfs/usr/share/dotnet/$part"
    mkdir -p "$(dirname "$dest")"
    # Hard links when on the same file system (fast, no extra space), else a copy.
    cp -al -- "$DOTNET_DIR/$part" "$dest" 2>/dev/null || {
      rm -rf -- "$dest"
      cp -a -- "$DOTNET_DIR/$part" "$dest"
    }
  done < <(context_parts "$id")
  if [[ $(kind_of "$id") == runtime ]]; then
    mkdir -p "$ctx/rootfs/usr/bin"
    ln -s /usr/share/dotnet/dotnet "$ctx/rootfs/usr/bin/dotnet"
  fi
  if [[ $id == sdk ]]; then
    local name version src
    while read -r name version; do
      src=$(runtime_pack_dir "$name" "$version") || continue
      dest="$ctx/rootfs/usr/share/dotnet/packs/$name/$version"
      mkdir -p "$(dirname "$dest")"
      cp -al -- "$src" "$dest" 2>/dev/null || {
        rm -rf -- "$dest"
        cp -a -- "$src" "$dest"
      }
      # The SDK reads the unpacked files; the .nupkg itself (~60 MB for both) is dead weight.
      rm -f -- "$dest"/*.nupkg "$dest"/*.nupkg.sha512
    done < <(seeded_packs)
  fi
}

build_standin() { # build_standin ID FINGERPRINT
  local id=$1 fp=$2 tag ctx t0 old version alias
  tag=$(primary_tag_of "$id")
  version=$(version_of "$id")
  mkdir -p "$STATE/tmp"
  ctx=$(mktemp -d "$STATE/tmp/ctx-$id.XXXXXX")
  TMP_PATHS+=("$ctx")
  chmod 0755 "$ctx"
  assemble_context "$id" "$ctx"
  old=$(image_id "$tag")
  t0=$(now_ms)
  log "building $tag (.NET $version; context $(du -sh "$ctx" | cut -f1))"
  local args=(
    build --network=none
    --build-arg "DOTNET_VERSION=$RUNTIME_VERSION"
    --build-arg "ASPNET_VERSION=$ASPNET_VERSION"
    --build-arg "DOTNET_SDK_VERSION=$SDK_VERSION"
  )
  [[ $id == *-chiseled* ]] && args+=(--build-arg "BASE_TAG=$DOTNET_CHANNEL$(tag_suffix_of "$id")")
  args+=(
    --label "$VERSION_LABEL=$version"
    --label "$FINGERPRINT_LABEL=$fp"
    -t "$tag"
  )
  while read -r alias; do
    [[ -n $alias ]] && args+=(-t "$alias")
  done < <(alias_tags_of "$id")
  args+=("$ctx")
  local buildlog="$STATE/build-$id.log"
  # BuildKit first: the legacy builder commits a container (a full copy under vfs) for every
  # ENV/ARG/LABEL step, which costs ~10 s per step on the sdk image.
  if ! DOCKER_BUILDKIT=1 "$DOCKER_CLIENT" -H "unix://$SOCK" "${args[@]}" >"$buildlog" 2>&1; then
    tail -n 20 "$buildlog" >&2 || true
    log "BuildKit build of $tag failed; retrying with the legacy builder"
    if ! DOCKER_BUILDKIT=0 "$DOCKER_CLIENT" -H "unix://$SOCK" "${args[@]:0:1}" --rm --force-rm \
      "${args[@]:1}" >>"$buildlog" 2>&1; then
      tail -n 40 "$buildlog" >&2 || true
      die "building $tag failed (log: $buildlog)"
    fi
  fi
  rm -rf --one-file-system -- "$ctx"
  log "built $tag in $(elapsed "$t0")"
  if [[ -n $old && $old != "$(image_id "$tag")" ]]; then
    OLD_IMAGE_IDS+=("$old")
  fi
  return 0
}

ensure_standins() {
  local id tag parent parent_id fp have alias refs=("$BASE_IMAGE")
  detect_dotnet
  fetch_runtime_packs
  for id in "${STANDINS[@]}"; do
    refs+=("$(primary_tag_of "$id")")
    while read -r alias; do [[ -n $alias ]] && refs+=("$alias"); done < <(alias_tags_of "$id")
  done
  load_image_cache "${refs[@]}"
  for id in "${STANDINS[@]}"; do
    tag=$(primary_tag_of "$id")
    parent=$(parent_of "$id")
    parent_id=$(image_id "$parent")
    [[ -n $parent_id ]] || die "parent image $parent is missing"
    fp=$(standin_fingerprint "$id" "$parent_id")
    have=$(image_label "$tag" "$FINGERPRINT_LABEL")
    if [[ $have == "$fp" ]]; then
      # Keep the other tags in place even if someone removed or moved them.
      while read -r alias; do
        if [[ -n $alias && $(image_id "$alias") != "$(image_id "$tag")" ]]; then
          dk tag "$tag" "$alias"
          drop_image_cache
        fi
      done < <(alias_tags_of "$id")
      continue
    fi
    if [[ -n $have ]]; then
      local was
      was=$(image_label "$tag" "$VERSION_LABEL")
      if [[ $was != "$(version_of "$id")" ]]; then
        log "$tag holds .NET $was, the machine has $(version_of "$id"); rebuilding"
      else
        log "$tag: its parent image, Dockerfile or .NET files changed; rebuilding"
      fi
    fi
    drop_image_cache
    build_standin "$id" "$fp"
    BUILT_ANY=1
    load_image_cache "${refs[@]}"
  done
}

remove_replaced_images() {
  local i id
  # Newest first: children before parents.
  for ((i = ${#OLD_IMAGE_IDS[@]} - 1; i >= 0; i--)); do
    id=${OLD_IMAGE_IDS[i]}
    if dk image rm "$id" >/dev/null 2>&1; then
      log "removed replaced image ${id:7:12}"
    else
      log "kept replaced image ${id:7:12} (still used by other images or containers)"
    fi
  done
  # BuildKit keeps its own copy of each transferred context and of each built layer (under
  # vfs, full copies: ~2.5 GB for the four stand-ins). New stand-ins invalidate every cached
  # build on top of the old ones anyway, so drop all unused build cache after building them.
  if ((BUILT_ANY)); then
    local reclaimed
    reclaimed=$(dk builder prune -a -f 2>/dev/null | tail -n 1) || true
    log "pruned BuildKit cache: ${reclaimed:-nothing}"
  fi
  return 0
}

# ---------------------------------------------------------------------------------------------
# 4. podman beside dockerd (best effort: start never fails because of it)
# ---------------------------------------------------------------------------------------------
# Debian 12's podman 4.3 runs here as root without systemd with: cgroupfs, a file event log, runc
# (crun 1.8 refuses this hybrid cgroup v1+v2 host: "cgroups in hybrid mode not supported"), and its
# own store and config under CONTAINEROPT_PODMAN_STATE (default /var/lib/containeropt-podman),
# selected by CONTAINERS_CONF and CONTAINERS_STORAGE_CONF, so /etc/containers and
# /var/lib/containers stay untouched. The base image comes from dockerd (docker save | podman
# load); a warm start compares its image id in both stores (~0.05 s). The outcome, "ready" or
# "unavailable: <why>", is written to $CONTAINEROPT_PODMAN_STATE/status for the tests to read.
# CONTAINEROPT_PODMAN=0 skips all of it.
ensure_podman() {
  local pstate=${CONTAINEROPT_PODMAN_STATE:-/var/lib/containeropt-podman} reason="" t0
  t0=$(now_ms)
  mkdir -p "$pstate"
  printf 'export CONTAINEROPT_PODMAN_STATE=%q\n' "$pstate"
  if [[ ${CONTAINEROPT_PODMAN:-1} == 0 ]]; then
    reason="disabled by CONTAINEROPT_PODMAN=0"
  elif ! command -v podman >/dev/null 2>&1; then
    if ((EUID == 0)) && log "installing podman with apt-get" &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman >&2; then
      log "installed podman in $(elapsed "$t0")"
    else
      reason="podman is not installed and 'apt-get install podman' failed"
    fi
  fi
  if [[ -z $reason ]]; then
    # One store per storage driver: podman refuses a store made with another driver.
    local driver=vfs runtime=crun
    [[ $STORAGE_DRIVER == overlay2 ]] && driver=overlay
    command -v runc >/dev/null 2>&1 && runtime=runc
    mkdir -p "$pstate/tmp"
    # `podman run` as root asks runc for nofile and nproc of 1048576, which fails here ("error
    # setting rlimit type 7: operation not permitted": no CAP_SYS_RESOURCE); ask for this shell's
    # hard limits instead, nproc at most 32768 (higher failed, measured on podman 4.3 + runc 1.1).
    local nofile nproc
    nofile=$(ulimit -Hn)
    nproc=$(ulimit -Hu)
    [[ $nofile =~ ^[0-9]+$ ]] || nofile=1048576
    [[ $nproc =~ ^[0-9]+$ ]] && ((nproc <= 32768)) || nproc=32768
    printf '[storage]\ndriver = "%s"\ngraphroot = "%s"\nrunroot = "%s"\n' \
      "$driver" "$pstate/storage-$driver" "$pstate/run" >"$pstate/storage.conf.new"
    printf '[containers]\nnetns = "none"\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n\n[engine]\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\nevents_logfile_path = "%s"\nruntime = "%s"\ntmp_dir = "%s"\nstatic_dir = "%s"\nvolume_path = "%s"\n' \
      "$nofile" "$nofile" "$nproc" "$nproc" "$pstate/events.log" "$runtime" "$pstate/tmp" "$pstate/libpod-$driver" "$pstate/volumes" >"$pstate/containers.conf.new"
    local conf changed=0
    for conf in storage.conf containers.conf; do
      if cmp -s "$pstate/$conf.new" "$pstate/$conf"; then
        rm -f -- "$pstate/$conf.new"
      else
        mv -f -- "$pstate/$conf.new" "$pstate/$conf"
        changed=1
      fi
    done
    local -a pm=(env "CONTAINERS_CONF=$pstate/containers.conf" "CONTAINERS_STORAGE_CONF=$pstate/storage.conf" podman)
    local want have out
    want=$(image_id "$BASE_IMAGE")
    have=$("${pm[@]}" image inspect --format '{{.Id}}' "localhost/$BASE_IMAGE" 2>/dev/null || true)
    if ((changed == 0)) && [[ -n $want && sha256:$have == "$want" && $(cat "$pstate/status" 2>/dev/null) == ready ]]; then
      log "podman ready ($BASE_IMAGE ${have:0:12} loaded; store $pstate) in $(elapsed "$t0")"
    elif [[ -z $want ]]; then
      reason="$BASE_IMAGE is missing in dockerd"
    elif ! out=$(timeout 60 "${pm[@]}" info --format '{{.Version.Version}} {{.Store.GraphDriverName}}' 2>&1); then
      reason="'podman info' failed: $(tail -n 3 <<<"$out" | tr '\n' ' ')"
    elif ! out=$({ dk save "$BASE_IMAGE" | timeout 300 "${pm[@]}" load -q; } 2>&1); then
      reason="'docker save $BASE_IMAGE | podman load' failed: $(tail -n 3 <<<"$out" | tr '\n' ' ')"
    elif ! out=$(timeout 120 "${pm[@]}" run --rm --network=none "localhost/$BASE_IMAGE" true 2>&1); then
      reason="'podman run $BASE_IMAGE true' failed: $(tail -n 3 <<<"$out" | tr '\n' ' ')"
    else
      # The replaced base image, unless images built on it still hold it.
      [[ -n $have && sha256:$have != "$want" ]] && "${pm[@]}" image rm "$have" >/dev/null 2>&1 || true
      printf 'ready\n' >"$pstate/status"
      log "podman ready: loaded $BASE_IMAGE ${want:7:12} into $pstate (runtime $runtime, $driver) in $(elapsed "$t0")"
    fi
  fi
  if [[ -n $reason ]]; then
    printf 'unavailable: %s\n' "$reason" >"$pstate/status"
    log "podman unavailable (tests stay inconclusive): $reason"
    return 0
  fi
  printf 'export CONTAINERS_CONF=%q\n' "$pstate/containers.conf"
  printf 'export CONTAINERS_STORAGE_CONF=%q\n' "$pstate/storage.conf"
}

# ---------------------------------------------------------------------------------------------
# 5. a local registry holding the runtime stand-ins (best effort: start never fails because of it)
# ---------------------------------------------------------------------------------------------
# Debian's docker-registry (distribution 2.8) on 127.0.0.1:$REGISTRY_PORT, plain HTTP, no auth,
# its own config and storage under $STATE/registry (Debian's /etc/docker/registry stays unused).
# The runtime stand-ins are pushed as localhost:PORT/dotnet/<kind>:<tag> (the mcr path without
# its host), so SDK container publishes (ContainerBaseImage) and registry readers have a real
# registry to talk to. A warm start compares each tag's image id with what it pushed last (no
# push when equal). The outcome, "ready" or "unavailable: <why>", goes to $STATE/registry/status;
# CONTAINEROPT_REGISTRY is exported only when ready. CONTAINEROPT_REGISTRY_PORT picks the port.
readonly REGISTRY_PORT=${CONTAINEROPT_REGISTRY_PORT:-5000}
readonly REGISTRY_HOST=localhost:$REGISTRY_PORT
# The images pushed: everything an app image starts FROM (not the sdk ones: build images).
readonly REGISTRY_STANDINS=(
  runtime-deps runtime aspnet
  runtime-deps-chiseled runtime-chiseled aspnet-chiseled
  runtime-deps-chiseled-extra runtime-chiseled-extra aspnet-chiseled-extra
)

registry_repo_of() { # registry_repo_of HOST:PORT/REPO:TAG -> REPO
  local path=${1#*/}
  printf '%s\n' "${path%:*}"
}

registry_answers() { curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$REGISTRY_PORT/v2/" 2>/dev/null; }

registry_pid_is_ours() { # registry_pid_is_ours PID
  local pid=$1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "$STATE/registry/config.yml"
}

start_registry() { # prints the reason on failure
  local rdir="$STATE/registry" pid
  mkdir -p "$rdir/data"
  printf 'version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:%s\n' \
    "$rdir/data" "$REGISTRY_PORT" >"$rdir/config.yml.new"
  if cmp -s "$rdir/config.yml.new" "$rdir/config.yml"; then
    rm -f -- "$rdir/config.yml.new"
  else
    mv -f -- "$rdir/config.yml.new" "$rdir/config.yml"
    pid=$(cat "$rdir/registry.pid" 2>/dev/null || true)
    registry_pid_is_ours "$pid" && kill -TERM "$pid" 2>/dev/null && sleep 1
  fi
  if registry_answers; then
    pid=$(cat "$rdir/registry.pid" 2>/dev/null || true)
    registry_pid_is_ours "$pid" && return 0
    printf 'something else answers on 127.0.0.1:%s (set CONTAINEROPT_REGISTRY_PORT to another port)\n' "$REGISTRY_PORT"
    return 1
  fi
  nohup setsid docker-registry serve "$rdir/config.yml" </dev/null >>"$rdir/registry.log" 2>&1 9>&- &
  pid=$!
  disown "$pid" 2>/dev/null || true
  printf '%s\n' "$pid" >"$rdir/registry.pid"
  local deadline=$((SECONDS + 20))
  until registry_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      printf 'docker-registry exited: %s\n' "$(tail -n 3 "$rdir/registry.log" | tr '\n' ' ')"
      return 1
    fi
    ((SECONDS < deadline)) || {
      printf 'docker-registry did not answer on 127.0.0.1:%s within 20 s\n' "$REGISTRY_PORT"
      return 1
    }
    sleep 0.2
  done
}

ensure_registry() {
  local rdir="$STATE/registry" reason="" t0 id tag target pushed=0 out
  t0=$(now_ms)
  mkdir -p "$rdir"
  if [[ ${CONTAINEROPT_REGISTRY_START:-1} == 0 ]]; then
    reason="disabled by CONTAINEROPT_REGISTRY_START=0"
  elif ! command -v docker-registry >/dev/null 2>&1; then
    if ((EUID == 0)) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >&2; then
      log "installed docker-registry in $(elapsed "$t0")"
    else
      reason="docker-registry is not installed and 'apt-get install docker-registry' failed"
    fi
  fi
  [[ -z $reason ]] && ! out=$(start_registry) && reason=$out
  if [[ -z $reason ]]; then
    # tag -> image id last pushed, one per line.
    declare -A was_pushed=()
    local line
    if [[ -f $rdir/pushed ]]; then
      while read -r line; do [[ -n $line ]] && was_pushed[${line%% *}]=${line#* }; done <"$rdir/pushed"
    fi
    : >"$rdir/pushed.new"
    for id in "${REGISTRY_STANDINS[@]}"; do
      tag=$(primary_tag_of "$id")
      target="$REGISTRY_HOST/${tag#mcr.microsoft.com/}"
      local image
      image=$(image_id "$tag")
      [[ -n $image ]] || { reason="$tag is missing in dockerd"; break; }
      if [[ ${was_pushed[$target]:-} == "$image" ]] &&
        curl -fsS -o /dev/null --max-time 5 -I -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
          "http://127.0.0.1:$REGISTRY_PORT/v2/$(registry_repo_of "$target")/manifests/${target##*:}" 2>/dev/null; then
        printf '%s %s\n' "$target" "$image" >>"$rdir/pushed.new"
        continue
      fi
      dk tag "$tag" "$target"
      if ! out=$(dk push "$target" 2>&1); then
        reason="'docker push $target' failed: $(tail -n 2 <<<"$out" | tr '\n' ' ')"
        break
      fi
      dk image rm "$target" >/dev/null 2>&1 || true
      printf '%s %s\n' "$target" "$image" >>"$rdir/pushed.new"
      pushed=$((pushed + 1))
    done
    mv -f -- "$rdir/pushed.new" "$rdir/pushed"
  fi
  if [[ -n $reason ]]; then
    printf 'unavailable: %s\n' "$reason" >"$rdir/status"
    log "registry unavailable (tests that need it stay inconclusive): $reason"
    return 0
  fi
  printf 'ready\n' >"$rdir/status"
  log "registry ready on $REGISTRY_HOST ($pushed of ${#REGISTRY_STANDINS[@]} stand-ins pushed now; storage $rdir/data) in $(elapsed "$t0")"
  printf 'export CONTAINEROPT_REGISTRY=%q\n' "$REGISTRY_HOST"
}

stop_registry() {
  local pid
  pid=$(cat "$STATE/registry/registry.pid" 2>/dev/null || true)
  if registry_pid_is_ours "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    log "registry stopped"
  fi
  return 0
}

# ---------------------------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------------------------
print_exports() {
  printf 'export DOCKER_HOST=%q\n' "unix://$SOCK"
  printf 'export DOCKER_BUILDKIT=%q\n' "$BUILDKIT_EXPORT"
  printf 'export CONTAINEROPT_DOCKER=%q\n' "$DOCKER_CLIENT"
}

cmd_start() {
  local t0
  t0=$(now_ms)
  check_paths
  lock_state
  ensure_packages
  start_daemon
  ensure_base_image
  ensure_standins
  remove_replaced_images
  ensure_podman
  ensure_registry
  log "ready in $(elapsed "$t0"): DOCKER_HOST=unix://$SOCK, client $DOCKER_CLIENT"
  print_exports
}

cmd_stop() {
  check_paths
  if [[ -d $STATE ]]; then
    lock_state
  fi
  stop_registry
  stop_daemon
}

cmd_status() {
  check_paths
  local ready=0 ref id version
  if daemon_answers; then
    printf 'daemon: answers on unix://%s (dockerd %s, pid %s, storage %s)\n' "$SOCK" \
      "$(dk version --format '{{.Server.Version}}' 2>/dev/null)" "$(pidfile_pid)" \
      "$(dk info --format '{{.Driver}}' 2>/dev/null)"
  else
    printf 'daemon: not answering on unix://%s\n' "$SOCK"
    return 1
  fi
  for ref in "$BASE_IMAGE" "${STANDINS[@]}"; do
    [[ $ref == */* ]] || ref=$(primary_tag_of "$ref")
    id=$(image_id "$ref")
    if [[ -n $id ]]; then
      version=$(image_label "$ref" "$VERSION_LABEL")
      printf 'image:  %-64s %s%s\n' "$ref" "${id:7:12}" "${version:+ (.NET $version)}"
    else
      printf 'image:  %-64s MISSING\n' "$ref"
      ready=1
    fi
  done
  if ((ready == 0)); then
    printf 'ready; environment for clients:\n'
    print_exports
  fi
  return "$ready"
}

usage() {
  cat >&2 <<EOF
usage: $0 start|stop|status
  start   install docker.io/debootstrap if needed, start dockerd on $SOCK,
          build the mcr.microsoft.com/dotnet/*:$DOTNET_CHANNEL stand-ins (full,
          -noble-chiseled[-extra], sdk -noble-aot), start a local registry
          holding the runtime stand-ins (CONTAINEROPT_REGISTRY); prints export lines
          (use: eval "\$($0 start)")
  stop    stop the dockerd started by start
  status  daemon and stand-in images; exit 0 when ready
EOF
}

main() {
  case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    -h | --help | help) usage ;;
    *)
      usage
      exit 2
      ;;
  esac
}

main "$@"
