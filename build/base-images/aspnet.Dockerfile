# Local stand-in for mcr.microsoft.com/dotnet/aspnet:10.0.
# The build context (assembled by build/docker-env.sh) holds only
# rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App/<version>.
FROM mcr.microsoft.com/dotnet/runtime:10.0

ARG ASPNET_VERSION
ENV ASPNET_VERSION=${ASPNET_VERSION}

COPY rootfs/ /
