# Local stand-in for mcr.microsoft.com/dotnet/runtime:10.0.
# The build context (assembled by build/docker-env.sh) holds rootfs/usr/share/dotnet with only
# dotnet, host/, shared/Microsoft.NETCore.App/<version>, the license files, and the
# /usr/bin/dotnet symlink.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0

ARG DOTNET_VERSION
ENV DOTNET_VERSION=${DOTNET_VERSION}

COPY rootfs/ /
