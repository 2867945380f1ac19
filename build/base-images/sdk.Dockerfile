# Local stand-in for mcr.microsoft.com/dotnet/sdk:10.0 (without git, curl, wget and PowerShell,
# which the official image adds from the internet).
# The build context (assembled by build/docker-env.sh) holds rootfs/usr/share/dotnet with
# sdk/<version>, packs/, sdk-manifests/, templates/ (and library-packs/, dnx when present).
# The SDK's targeting packs make restore work offline for apps without extra PackageReferences.
FROM mcr.microsoft.com/dotnet/aspnet:10.0

ARG DOTNET_SDK_VERSION
ENV \
    # SDK version
    DOTNET_SDK_VERSION=${DOTNET_SDK_VERSION} \
    # Do not generate certificate
    DOTNET_GENERATE_ASPNET_CERTIFICATE=false \
    # Do not show first run text
    DOTNET_NOLOGO=true \
    # No telemetry from CI and test builds
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    # Enable correct mode for dotnet watch (only mode supported in a container)
    DOTNET_USE_POLLING_FILE_WATCHER=true \
    # Skip extraction of XML docs - generally not useful within an image/container
    NUGET_XMLDOC_MODE=skip

COPY rootfs/ /
