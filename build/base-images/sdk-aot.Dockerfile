# Local stand-in for mcr.microsoft.com/dotnet/sdk:10.0-noble-aot: the sdk stand-in plus the native
# toolchain Native AOT publishing links with. The official image runs
# `apt-get install --no-install-recommends clang llvm zlib1g-dev` on sdk:10.0-noble; this build has
# no network, so build/base-images/aot-rootfs.sh does that install on the host (in a chroot of the
# same Debian minbase rootfs) and the build context holds only what that added or changed: clang 14,
# the llvm 14 tools (llvm-objcopy), binutils (ld), libc6-dev, libgcc-12-dev, zlib1g-dev and the
# rest apt resolves, /etc/alternatives/cc, and the dpkg database (so `dpkg -l` lists them).
FROM mcr.microsoft.com/dotnet/sdk:10.0

COPY rootfs/ /
