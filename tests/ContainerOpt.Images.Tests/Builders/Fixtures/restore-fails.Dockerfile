FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TFM
WORKDIR /src
COPY app.csproj .
RUN dotnet restore -p:TargetFramework=$TFM
COPY . .
RUN dotnet publish -c Release -o /app --no-restore
