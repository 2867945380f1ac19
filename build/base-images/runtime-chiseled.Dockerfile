# Local stand-in for mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled (BASE_TAG
# 10.0-noble-chiseled) and :10.0-noble-chiseled-extra (BASE_TAG 10.0-noble-chiseled-extra).
# The build context (assembled by build/docker-env.sh) holds rootfs/usr/share/dotnet with only
# dotnet, host/, shared/Microsoft.NETCore.App/<version>, the license files, and the
# /usr/bin/dotnet symlink. Like the official image it runs `dotnet --info` by default.
ARG BASE_TAG=10.0-noble-chiseled
FROM mcr.microsoft.com/dotnet/runtime-deps:$BASE_TAG

ARG DOTNET_VERSION
# .NET Runtime version
ENV DOTNET_VERSION=${DOTNET_VERSION}

COPY rootfs/ /

ENTRYPOINT ["/usr/bin/dotnet"]
CMD ["--info"]
