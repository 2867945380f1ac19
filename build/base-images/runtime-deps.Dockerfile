# Local stand-in for mcr.microsoft.com/dotnet/runtime-deps:10.0 (bookworm-slim shape).
# Built by build/docker-env.sh on top of a debootstrapped Debian 12 minbase image that already
# holds the .NET native dependencies (libicu72, libssl3, ca-certificates, tzdata). Nothing here
# needs the network: the build runs with --network=none.
FROM containeropt/bookworm-base:1

ENV \
    # UID of the non-root user 'app'
    APP_UID=1654 \
    # Configure web servers to bind to port 8080 when present (the official runtime-deps sets it)
    ASPNETCORE_HTTP_PORTS=8080 \
    # Enable detection of running in a container
    DOTNET_RUNNING_IN_CONTAINER=true

# Create a non-root user and group, as the official image does
RUN groupadd --gid=$APP_UID app \
    && useradd --no-log-init --uid=$APP_UID --gid=$APP_UID --create-home app
