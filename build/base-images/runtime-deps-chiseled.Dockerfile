# Local stand-in for mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled (distroless: no
# shell, no package manager). build/docker-env.sh assembles rootfs/ with chiseled-rootfs.sh from the
# debootstrapped Debian 12 rootfs (glibc, libgcc_s, libstdc++, libssl3, zlib, CA certificates,
# passwd/group with app 1654) — the official image cuts the same packages from Ubuntu 24.04.
# No RUN anywhere: there is no shell to run it with.
FROM scratch

COPY rootfs/ /

ENV \
    # UID of the non-root user 'app'
    APP_UID=1654 \
    # Configure web servers to bind to port 8080 when present
    ASPNETCORE_HTTP_PORTS=8080 \
    # Enable detection of running in a container
    DOTNET_RUNNING_IN_CONTAINER=true \
    # Set the invariant mode since ICU package isn't included
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true

# /home/app owned by app. The official image copies /rootfs/home/app again from its chisel stage
# (moby/moby#38710); a COPY from the build context drops owners and `COPY dir /home/app` would
# only chown the (empty) contents, so copy home/'s contents: the app directory itself.
COPY --chown=$APP_UID:$APP_UID rootfs/home/ /home/

USER $APP_UID
