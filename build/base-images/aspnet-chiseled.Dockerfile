# Local stand-in for mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled (BASE_TAG
# 10.0-noble-chiseled) and :10.0-noble-chiseled-extra (BASE_TAG 10.0-noble-chiseled-extra).
# The build context (assembled by build/docker-env.sh) holds only
# rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App/<version>.
ARG BASE_TAG=10.0-noble-chiseled
FROM mcr.microsoft.com/dotnet/runtime:$BASE_TAG

ARG ASPNET_VERSION
# ASP.NET Core version
ENV ASPNET_VERSION=${ASPNET_VERSION}

COPY rootfs/ /
