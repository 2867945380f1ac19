using System.Text;

namespace ContainerOpt.TestSupport;

/// <summary>The inputs every benchmark uses: a typical 40-line multi-stage .NET Dockerfile and big files made of it.</summary>
public static class Samples
{
    /// <summary>samples/naive-web's Dockerfile as every fixer leaves it: what the fix tests in process and on the engine expect.</summary>
    public const string NaiveWebFixed =
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" +
        "WORKDIR /app\n" +
        "COPY Api.csproj ./\n" +
        "RUN dotnet restore\n" +
        "COPY . .\n" +
        "RUN dotnet publish --no-restore -o out\n" +
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" +
        "WORKDIR /app\n" +
        "COPY --from=build /app/out .\n" +
        "USER $APP_UID\n" +
        "ENTRYPOINT [\"dotnet\", \"Api.dll\"]\n";

    public const string Typical = """
        # syntax=docker/dockerfile:1
        ARG DOTNET_VERSION=10.0
        FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
        ARG TARGETARCH
        WORKDIR /src
        COPY ["NuGet.config", "Directory.Build.props", "Directory.Packages.props", "./"]
        COPY ["src/Api/Api.csproj", "src/Api/"]
        COPY ["src/Domain/Domain.csproj", "src/Domain/"]
        RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
            dotnet restore "src/Api/Api.csproj" -a $TARGETARCH
        COPY . .
        RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
            dotnet publish "src/Api/Api.csproj" --no-restore -c Release -a $TARGETARCH -o /app
        RUN <<EOF
        set -eu
        echo "published"
        ls -la /app
        EOF

        FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS final
        LABEL org.opencontainers.image.source="https://example.com/repo" \
              org.opencontainers.image.version="1.2.3"
        ENV ASPNETCORE_HTTP_PORTS=8080 \
            DOTNET_RUNNING_IN_CONTAINER=true
        RUN apt-get update \
            && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \
            && rm -rf /var/lib/apt/lists/*
        WORKDIR /app
        EXPOSE 8080
        USER $APP_UID
        COPY --from=build --chown=app:app /app .
        HEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-f", "http://localhost:8080/health"]
        ENTRYPOINT ["dotnet", "Api.dll"]

        """;

    public static string Repeat(int bytes)
    {
        var sb = new StringBuilder(bytes + Typical.Length);
        while (sb.Length < bytes)
        {
            sb.Append(Typical);
        }
        return sb.ToString();
    }
}
