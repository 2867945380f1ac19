#!/usr/bin/env node
// The node half of build/bench.sh (read that first).
//
//   node build/bench.js generate DIR [COUNT]   writes COUNT (default 3000) Dockerfiles under DIR, the same ones on
//                                              every machine and every run (a seeded generator, no randomness of the
//                                              clock): .NET, node, python, go, java, static-site and tool images, in
//                                              repositories of 1 to 8 Dockerfiles, some with a .dockerignore or a
//                                              .hadolint.yaml; about 2.3 KB a file on average. Prints "files bytes".
//   node build/bench.js validate DIR           runs dockerfile-utils' validate() on every Dockerfile under DIR in this
//                                              one process (the module is found through NODE_PATH or the working
//                                              folder) and prints "files diagnostics".
'use strict';
const fs = require('fs');
const path = require('path');

// ---- deterministic generator ------------------------------------------------------------------------------
function mulberry32(seed) {
  return function () {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed) {
  const rnd = mulberry32(seed);
  const g = {
    int: (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(rnd() * list.length)],
    chance: (p) => rnd() < p,
    some: (list, lo, hi) => {
      const copy = list.slice();
      const n = Math.min(copy.length, g.int(lo, hi));
      const out = [];
      for (let i = 0; i < n; i++) out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0]);
      return out;
    },
  };
  return g;
}

const words = ['orders', 'billing', 'catalog', 'search', 'gateway', 'identity', 'payments', 'reports', 'notify', 'inventory',
  'shipping', 'profile', 'audit', 'media', 'export', 'scheduler', 'pricing', 'ledger', 'chat', 'metrics'];
const aptPackages = ['curl', 'ca-certificates', 'git', 'wget', 'gnupg', 'unzip', 'zip', 'jq', 'build-essential', 'libpq-dev',
  'libssl-dev', 'libffi-dev', 'tzdata', 'locales', 'openssh-client', 'procps', 'netcat-openbsd', 'vim', 'less', 'make',
  'gcc', 'g++', 'python3-dev', 'libxml2-dev', 'libxslt1-dev', 'zlib1g-dev', 'libjpeg-dev', 'libpng-dev', 'fontconfig',
  'dumb-init', 'tini', 'postgresql-client', 'default-mysql-client', 'iputils-ping', 'dnsutils', 'xz-utils'];
const apkPackages = ['curl', 'ca-certificates', 'git', 'bash', 'tzdata', 'openssl', 'tini', 'su-exec', 'jq', 'libc6-compat',
  'build-base', 'python3', 'make', 'g++', 'postgresql-client', 'icu-libs', 'krb5-libs', 'libgcc', 'libstdc++', 'zlib'];
const pipPackages = ['gunicorn', 'uvicorn', 'fastapi', 'flask', 'django', 'celery', 'redis', 'psycopg2-binary', 'requests',
  'pydantic', 'sqlalchemy', 'alembic', 'boto3', 'numpy', 'pandas'];

const remarks = [
  'Keep the layers ordered from the least to the most often changed, so a source edit reuses the dependency layers.',
  'The versions below are bumped by the dependency bot; do not edit them by hand without updating the changelog.',
  'This image is rebuilt nightly by the platform pipeline and scanned before it is promoted to production.',
  'Secrets are passed at run time through the orchestrator, never baked into the image.',
  'Set the build arguments from CI so the labels carry the commit and the build date.',
  'The health check endpoint is served by the application itself and reports its dependencies too.',
  'Local development uses docker compose with a bind mount instead of this image.',
  'See docs/containers.md for the conventions every service image follows.',
];

function header(g, what, name) {
  const lines = [];
  if (g.chance(0.25)) lines.push('# syntax=docker/dockerfile:1');
  if (g.chance(0.8)) {
    lines.push('#', `# ${what} image for the ${name} service.`, '#');
    lines.push(`# Build: docker build -t registry.example.com/platform/${name}:latest .`);
    if (g.chance(0.6)) lines.push(`# Run:   docker run --rm -p 8080:8080 --env-file .env registry.example.com/platform/${name}:latest`);
    for (const r of g.some(remarks, 2, 5)) lines.push('#', `# ${r}`);
    lines.push('#');
  }
  if (g.chance(0.5)) lines.push('ARG BUILD_DATE', 'ARG VCS_REF', `ARG VERSION=${g.int(0, 3)}.${g.int(0, 30)}.${g.int(0, 9)}`);
  return lines;
}

const configSteps = [
  'RUN mkdir -p /var/log/app /var/cache/app /etc/app/conf.d \\\n    && chown -R 1000:1000 /var/log/app /var/cache/app',
  "RUN sed -i 's/^# *\\(en_US.UTF-8\\)/\\1/' /etc/locale.gen && locale-gen",
  'RUN ln -snf /usr/share/zoneinfo/$TZ /etc/localtime && echo $TZ > /etc/timezone',
  'COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh\nRUN chmod +x /usr/local/bin/entrypoint.sh',
  'COPY config/appsettings.Production.json ./config/\nCOPY config/logging.json ./config/',
  'RUN echo "export PATH=/opt/tools/bin:$PATH" >> /etc/profile.d/tools.sh \\\n    && echo "umask 027" >> /etc/profile',
  'RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} \\; || true',
  "RUN printf '[global]\\ntimeout = 60\\nindex-url = https://pypi.example.com/simple\\n' > /etc/pip.conf",
  'ADD https://example.com/certs/internal-ca.crt /usr/local/share/ca-certificates/internal-ca.crt',
  'RUN groupadd --gid 2000 metrics \\\n    && mkdir -p /opt/metrics/exporter /opt/metrics/textfile \\\n    && chgrp -R metrics /opt/metrics \\\n    && chmod -R g+rwX /opt/metrics',
  'ENV OTEL_SERVICE_NAME=app \\\n    OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability:4317 \\\n    OTEL_RESOURCE_ATTRIBUTES=deployment.environment=production',
  'RUN curl -fsSL -o /tmp/grpc_health_probe https://github.com/grpc-ecosystem/grpc-health-probe/releases/download/v0.4.24/grpc_health_probe-linux-amd64 \\\n    && install -m 0755 /tmp/grpc_health_probe /usr/local/bin/grpc_health_probe \\\n    && rm -f /tmp/grpc_health_probe',
  'RUN if [ -f /etc/ssl/certs/ca-certificates.crt ]; then \\\n      update-ca-certificates --fresh; \\\n    else \\\n      echo "no CA bundle"; \\\n    fi',
];

const stepNotes = [
  'Restore the dependencies first: this layer is reused until the lock file changes.',
  'Copy the rest of the sources; everything below is rebuilt on every commit.',
  'Run as an unprivileged user, as the cluster policy requires.',
  'The port the service listens on (the ingress routes to it).',
  'Settings read by the runtime; the orchestrator overrides them per environment.',
  'Install the system packages the application needs at run time.',
  'TODO: pin these versions once the platform team publishes its base image.',
  'Build in release mode with the version of this commit.',
  'Work in a folder of our own instead of the image root.',
  'Clean up in the same layer so the package lists never reach the image.',
];

function config(g) {
  const out = [];
  for (const step of g.some(configSteps, 2, 5)) {
    if (g.chance(0.5)) out.push('# ' + g.pick(['Configuration the application expects at start.', 'Hardening, as the security baseline asks.', 'Operational tooling for the on-call engineers.', 'Certificates of the internal registries and services.']));
    out.push(...step.split('\n'));
  }
  return out;
}

function buildLabels(g) {
  if (!g.chance(0.45)) return [];
  return ['LABEL org.opencontainers.image.created="${BUILD_DATE}" \\',
    '      org.opencontainers.image.revision="${VCS_REF}" \\',
    '      org.opencontainers.image.version="${VERSION}" \\',
    '      org.opencontainers.image.licenses="MIT"'];
}

function labels(g, name) {
  if (g.chance(0.3)) return [];
  if (g.chance(0.2)) return [`MAINTAINER ${name} team <${name}@example.com>`];
  const out = [`LABEL org.opencontainers.image.title="${name}" \\`,
    `      org.opencontainers.image.description="The ${name} service" \\`,
    `      org.opencontainers.image.vendor="Example Corp" \\`,
    `      org.opencontainers.image.source="https://git.example.com/platform/${name}"`];
  if (g.chance(0.4)) out.push(`LABEL maintainer="${name}-team@example.com" version="${g.int(1, 4)}.${g.int(0, 20)}.${g.int(0, 9)}"`);
  return out;
}

function aptInstall(g, packages, style) {
  const list = packages.join(' \\\n        ');
  switch (style) {
    case 0: return [`RUN apt-get update && apt-get install -y --no-install-recommends \\\n        ${list} \\\n    && rm -rf /var/lib/apt/lists/*`];
    case 1: return ['RUN apt-get update', `RUN apt-get install -y ${packages.join(' ')}`];
    case 2: return [`RUN apt-get update && apt-get install -y \\\n        ${list}`];
    default: return [`RUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y --no-install-recommends \\\n        ${list}; \\\n    apt-get clean; \\\n    rm -rf /var/lib/apt/lists/*`];
  }
}

function apkInstall(g, packages) {
  return g.chance(0.6) ? [`RUN apk add --no-cache ${packages.join(' ')}`] : ['RUN apk update', `RUN apk add ${packages.join(' ')}`];
}

function envBlock(g, pairs) {
  if (pairs.length === 0) return [];
  if (g.chance(0.2)) return pairs.map(([k, v]) => `ENV ${k} ${v}`);
  return [`ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' \\\n    ')}`];
}

function userLines(g, alpine) {
  if (g.chance(0.35)) return [];
  if (alpine) return ['RUN addgroup -S app && adduser -S app -G app', 'USER app'];
  return [g.chance(0.5) ? 'RUN groupadd --system app && useradd --system --gid app --home /app app' : 'RUN useradd -m appuser', g.chance(0.5) ? 'USER app' : 'USER 1000'];
}

function healthcheck(g, port) {
  if (g.chance(0.55)) return [];
  return [`HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \\\n    CMD curl -fsS http://localhost:${port}/health || exit 1`];
}

function dotnet(g, name) {
  const v = g.pick(['6.0', '7.0', '8.0', '8.0', '9.0', '10.0', '10.0']);
  const proj = name[0].toUpperCase() + name.slice(1);
  const alpine = g.chance(0.25);
  const suffix = alpine ? '-alpine' : g.pick(['', '', '-jammy', '-noble', '-bookworm-slim']);
  const refs = g.some(['Domain', 'Infrastructure', 'Contracts', 'Shared', 'Persistence', 'Messaging'], 0, 4);
  const L = header(g, '.NET', name);
  L.push(`ARG DOTNET_VERSION=${v}`);
  L.push(`FROM mcr.microsoft.com/dotnet/sdk:${v}${alpine ? '-alpine' : ''} AS build`);
  L.push(`WORKDIR /src`);
  if (g.chance(0.25)) {
    L.push('COPY . .');
    L.push(`RUN dotnet restore "src/${proj}.Api/${proj}.Api.csproj"`);
  } else {
    if (g.chance(0.5)) L.push('COPY ["Directory.Build.props", "Directory.Packages.props", "NuGet.config", "./"]');
    L.push(`COPY ["src/${proj}.Api/${proj}.Api.csproj", "src/${proj}.Api/"]`);
    for (const r of refs) L.push(`COPY ["src/${proj}.${r}/${proj}.${r}.csproj", "src/${proj}.${r}/"]`);
    L.push(g.chance(0.3)
      ? `RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \\\n    dotnet restore "src/${proj}.Api/${proj}.Api.csproj"`
      : `RUN dotnet restore "src/${proj}.Api/${proj}.Api.csproj"`);
    L.push('COPY . .');
  }
  L.push(`WORKDIR "/src/src/${proj}.Api"`);
  if (g.chance(0.3)) L.push(`RUN dotnet build "${proj}.Api.csproj" -c Release -o /app/build`);
  if (g.chance(0.3)) {
    L.push('', 'FROM build AS test', `WORKDIR /src/tests/${proj}.Tests`, `RUN dotnet test --logger "trx;LogFileName=results.trx" --results-directory /testresults`);
  }
  L.push('', 'FROM build AS publish');
  L.push(g.chance(0.75)
    ? `RUN dotnet publish "${proj}.Api.csproj" -c Release -o /app/publish /p:UseAppHost=false${g.chance(0.5) ? ' --no-restore' : ''}`
    : `RUN dotnet publish -o /app/publish`);
  L.push('');
  L.push(`FROM mcr.microsoft.com/dotnet/${g.pick(['aspnet', 'aspnet', 'runtime', 'sdk'])}:${v}${suffix} AS final`);
  L.push(...labels(g, name), ...buildLabels(g), ...config(g));
  L.push('WORKDIR /app');
  const port = g.pick([80, 8080, 5000, 8081]);
  L.push(g.chance(0.7) ? `EXPOSE ${port}` : `EXPOSE ${port} 443`);
  L.push(...envBlock(g, [['ASPNETCORE_URLS', `http://+:${port}`], ['DOTNET_RUNNING_IN_CONTAINER', 'true']].concat(g.chance(0.4) ? [['TZ', 'Etc/UTC']] : [])));
  if (g.chance(0.35)) L.push(...(alpine ? apkInstall(g, g.some(apkPackages, 1, 4)) : aptInstall(g, g.some(aptPackages, 1, 5), g.int(0, 3))));
  L.push('COPY --from=publish /app/publish .');
  L.push(...userLines(g, alpine));
  L.push(...healthcheck(g, port));
  L.push(g.chance(0.85) ? `ENTRYPOINT ["dotnet", "${proj}.Api.dll"]` : `ENTRYPOINT dotnet ${proj}.Api.dll`);
  return L;
}

function node(g, name) {
  const v = g.pick(['14', '16', '18', '20', '20', '22', 'lts']);
  const alpine = g.chance(0.5);
  const base = `node:${v}${alpine ? '-alpine' : g.pick(['', '-slim', '-bullseye', '-bookworm-slim'])}`;
  const L = header(g, 'Node.js', name);
  const multi = g.chance(0.65);
  L.push(`FROM ${base}${multi ? ' AS build' : ''}`);
  L.push(g.chance(0.9) ? 'WORKDIR /usr/src/app' : 'RUN mkdir -p /usr/src/app && cd /usr/src/app');
  if (alpine && g.chance(0.5)) L.push(...apkInstall(g, g.some(['python3', 'make', 'g++', 'git', 'libc6-compat'], 1, 4)));
  if (g.chance(0.3)) {
    L.push('COPY . .', g.chance(0.5) ? 'RUN npm install' : 'RUN npm ci');
  } else {
    const yarn = g.chance(0.3);
    L.push(yarn ? 'COPY package.json yarn.lock ./' : 'COPY package*.json ./');
    L.push(yarn ? 'RUN yarn install --frozen-lockfile' : (g.chance(0.6) ? 'RUN npm ci' : 'RUN npm install'));
    L.push('COPY . .');
  }
  if (g.chance(0.7)) L.push(g.chance(0.5) ? 'RUN npm run build' : 'RUN npm run build && npm prune --production');
  if (g.chance(0.3)) L.push('RUN npm test');
  const port = g.pick([3000, 8080, 4000, 5173]);
  if (multi) {
    L.push('', `FROM ${base}`);
    L.push(...labels(g, name), ...buildLabels(g), ...config(g));
    L.push('ENV NODE_ENV=production');
    L.push('WORKDIR /usr/src/app');
    L.push('COPY --from=build /usr/src/app/package*.json ./');
    L.push(g.chance(0.6) ? 'RUN npm ci --omit=dev && npm cache clean --force' : 'RUN npm install --production');
    L.push('COPY --from=build /usr/src/app/dist ./dist');
  } else {
    L.push(...labels(g, name), ...buildLabels(g), ...config(g));
    L.push(...envBlock(g, [['NODE_ENV', 'production'], ['PORT', String(port)]]));
  }
  L.push(`EXPOSE ${port}`);
  L.push(...userLines(g, alpine));
  L.push(...healthcheck(g, port));
  L.push(g.pick(['CMD ["node", "dist/server.js"]', 'CMD ["npm", "start"]', 'CMD npm start', 'CMD [ "node", "index.js" ]']));
  return L;
}

function python(g, name) {
  const v = g.pick(['3.8', '3.9', '3.10', '3.11', '3.12', '3.12', '3.13']);
  const alpine = g.chance(0.2);
  const base = `python:${v}${alpine ? '-alpine' : g.pick(['', '-slim', '-slim', '-bookworm', '-slim-bullseye'])}`;
  const L = header(g, 'Python', name);
  const multi = g.chance(0.35);
  L.push(`FROM ${base}${multi ? ' AS builder' : ''}`);
  L.push(...envBlock(g, [['PYTHONDONTWRITEBYTECODE', '1'], ['PYTHONUNBUFFERED', '1']].concat(g.chance(0.5) ? [['PIP_NO_CACHE_DIR', 'off'], ['PIP_DISABLE_PIP_VERSION_CHECK', 'on']] : [])));
  L.push(g.pick(['WORKDIR /app', 'WORKDIR /code', 'WORKDIR /usr/src/app']));
  L.push(...(alpine ? apkInstall(g, g.some(apkPackages, 2, 6)) : aptInstall(g, g.some(aptPackages, 2, 9), g.int(0, 3))));
  if (g.chance(0.4)) L.push('RUN pip install --upgrade pip setuptools wheel');
  if (g.chance(0.3)) {
    L.push('COPY . .', 'RUN pip install -r requirements.txt');
  } else {
    L.push('COPY requirements.txt .');
    L.push(g.chance(0.6) ? 'RUN pip install --no-cache-dir -r requirements.txt' : 'RUN pip install -r requirements.txt');
    if (g.chance(0.4)) L.push(`RUN pip install ${g.some(pipPackages, 1, 4).join(' ')}`);
    L.push('COPY . .');
  }
  if (multi) {
    L.push('', `FROM ${base}`, 'WORKDIR /app', `COPY --from=builder /usr/local/lib/python${v}/site-packages /usr/local/lib/python${v}/site-packages`, 'COPY --from=builder /app /app');
  }
  L.push(...labels(g, name), ...buildLabels(g), ...config(g));
  const port = g.pick([8000, 5000, 8080]);
  L.push(`EXPOSE ${port}`);
  L.push(...userLines(g, alpine));
  L.push(...healthcheck(g, port));
  L.push(g.pick([`CMD ["gunicorn", "--bind", "0.0.0.0:${port}", "--workers", "4", "app.wsgi:application"]`,
    `CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "${port}"]`, 'CMD python app.py', 'CMD ["python", "-m", "app"]']));
  return L;
}

function golang(g, name) {
  const v = g.pick(['1.19', '1.20', '1.21', '1.22', '1.23']);
  const L = header(g, 'Go', name);
  L.push(`FROM golang:${v}${g.pick(['', '-alpine', '-bookworm'])} AS builder`);
  L.push('ARG TARGETOS', 'ARG TARGETARCH');
  L.push('WORKDIR /src');
  L.push('COPY go.mod go.sum ./');
  L.push(g.chance(0.4) ? 'RUN --mount=type=cache,target=/go/pkg/mod go mod download' : 'RUN go mod download');
  L.push('COPY . .');
  L.push(`RUN CGO_ENABLED=0 GOOS=\${TARGETOS:-linux} GOARCH=\${TARGETARCH} go build -trimpath -ldflags="-s -w -X main.version=${g.int(1, 3)}.${g.int(0, 9)}" -o /out/${name} ./cmd/${name}`);
  L.push('');
  const final = g.pick(['gcr.io/distroless/static-debian12:nonroot', 'alpine:3.19', 'alpine:latest', 'scratch', 'debian:bookworm-slim']);
  L.push(`FROM ${final}`);
  L.push(...labels(g, name), ...buildLabels(g), ...config(g));
  if (final.startsWith('alpine')) L.push(...apkInstall(g, g.some(['ca-certificates', 'tzdata', 'curl'], 1, 3)));
  if (final.startsWith('debian')) L.push(...aptInstall(g, ['ca-certificates'], g.int(0, 3)));
  if (final === 'scratch') L.push('COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/');
  L.push(`COPY --from=builder /out/${name} /usr/local/bin/${name}`);
  const port = g.pick([8080, 9090, 8000]);
  L.push(`EXPOSE ${port}`);
  if (!final.includes('nonroot') && final !== 'scratch') L.push(...userLines(g, final.startsWith('alpine')));
  L.push(`ENTRYPOINT ["/usr/local/bin/${name}"]`);
  if (g.chance(0.5)) L.push(`CMD ["serve", "--port", "${port}"]`);
  return L;
}

function java(g, name) {
  const v = g.pick(['11', '17', '17', '21']);
  const maven = g.chance(0.6);
  const L = header(g, 'Java', name);
  L.push(maven ? `FROM maven:3.9-eclipse-temurin-${v} AS build` : `FROM gradle:8-jdk${v} AS build`);
  L.push('WORKDIR /workspace/app');
  if (maven) {
    L.push('COPY pom.xml .');
    L.push(g.chance(0.5) ? 'RUN mvn -B dependency:go-offline' : 'RUN --mount=type=cache,target=/root/.m2 mvn -B dependency:go-offline');
    L.push('COPY src src');
    L.push('RUN mvn -B package -DskipTests');
  } else {
    L.push('COPY build.gradle settings.gradle ./', 'COPY gradle gradle', 'RUN gradle dependencies --no-daemon', 'COPY src src', 'RUN gradle bootJar --no-daemon');
  }
  L.push('', `FROM eclipse-temurin:${v}-jre${g.pick(['', '-alpine', '-jammy'])}`);
  L.push(...labels(g, name), ...buildLabels(g), ...config(g));
  L.push('VOLUME /tmp');
  L.push('WORKDIR /app');
  L.push(maven ? 'COPY --from=build /workspace/app/target/*.jar app.jar' : 'COPY --from=build /workspace/app/build/libs/*.jar app.jar');
  L.push(...envBlock(g, [['JAVA_OPTS', '"-XX:MaxRAMPercentage=75.0 -XX:+UseG1GC"'], ['SPRING_PROFILES_ACTIVE', 'prod']]));
  L.push('EXPOSE 8080');
  L.push(...healthcheck(g, 8080));
  L.push(g.chance(0.6) ? 'ENTRYPOINT ["sh", "-c", "java $JAVA_OPTS -jar /app/app.jar"]' : 'ENTRYPOINT ["java", "-jar", "/app/app.jar"]');
  return L;
}

function staticSite(g, name) {
  const L = header(g, 'static site', name);
  L.push(`FROM node:${g.pick(['18', '20', '22'])}-alpine AS build`, 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build');
  L.push('', `FROM nginx:${g.pick(['1.25', '1.27', 'stable', 'alpine', '1.27-alpine'])}`);
  L.push(...labels(g, name), ...buildLabels(g), ...config(g));
  if (g.chance(0.4)) L.push(...apkInstall(g, g.some(['curl', 'bash', 'tzdata'], 1, 2)));
  L.push('RUN rm -rf /usr/share/nginx/html/*');
  L.push('COPY nginx.conf /etc/nginx/conf.d/default.conf');
  L.push('COPY --from=build /app/dist /usr/share/nginx/html');
  L.push('EXPOSE 80');
  L.push(...healthcheck(g, 80));
  L.push('CMD ["nginx", "-g", "daemon off;"]');
  return L;
}

function tools(g, name) {
  const distro = g.pick(['ubuntu:22.04', 'ubuntu:24.04', 'debian:bookworm', 'debian:12-slim', 'ubuntu:latest', 'ubuntu']);
  const L = header(g, 'CI tools', name);
  L.push(`FROM ${distro}`);
  L.push(...labels(g, name), ...buildLabels(g), ...config(g));
  L.push('ARG DEBIAN_FRONTEND=noninteractive');
  L.push(`ARG KUBECTL_VERSION=1.${g.int(26, 31)}.${g.int(0, 9)}`);
  L.push(`ARG HELM_VERSION=3.${g.int(10, 16)}.${g.int(0, 4)}`);
  L.push(...aptInstall(g, g.some(aptPackages, 5, 14), g.int(0, 3)));
  L.push('RUN curl -fsSLo /usr/local/bin/kubectl "https://dl.k8s.io/release/v${KUBECTL_VERSION}/bin/linux/amd64/kubectl" \\\n    && chmod +x /usr/local/bin/kubectl');
  L.push(g.chance(0.5)
    ? 'RUN curl -fsSL "https://get.helm.sh/helm-v${HELM_VERSION}-linux-amd64.tar.gz" | tar -xz -C /tmp \\\n    && mv /tmp/linux-amd64/helm /usr/local/bin/helm \\\n    && rm -rf /tmp/linux-amd64'
    : 'RUN wget -q https://get.helm.sh/helm-v${HELM_VERSION}-linux-amd64.tar.gz && tar -xzf helm-v${HELM_VERSION}-linux-amd64.tar.gz && mv linux-amd64/helm /usr/local/bin/');
  if (g.chance(0.5)) L.push('RUN cd /tmp && curl -sSL https://example.com/install.sh | bash');
  if (g.chance(0.4)) L.push(`RUN pip3 install ${g.some(['awscli', 'ansible', 'yq', 'pre-commit', 'checkov'], 1, 3).join(' ')}`);
  if (g.chance(0.5)) L.push('RUN sudo chmod -R 755 /opt');
  L.push('WORKDIR /workspace');
  L.push(...userLines(g, false));
  L.push(g.chance(0.5) ? 'ENTRYPOINT ["/bin/bash"]' : 'CMD ["bash"]');
  return L;
}

const kinds = [dotnet, dotnet, dotnet, node, node, python, python, golang, java, staticSite, tools];

function generate(dir, count) {
  const g = generator(20240612);
  fs.rmSync(dir, { recursive: true, force: true });
  let files = 0, bytes = 0, repo = 0;
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  while (files < count) {
    const root = path.join(dir, `repo${String(repo++).padStart(4, '0')}`);
    if (g.chance(0.4)) write(path.join(root, '.dockerignore'), ['.git', 'bin/', 'obj/', 'node_modules', '**/*.md', '.env', 'Dockerfile*'].slice(0, g.int(2, 7)).join('\n') + '\n');
    if (g.chance(0.08)) write(path.join(root, '.hadolint.yaml'), 'ignored:\n  - DL3008\n  - DL3018\ntrustedRegistries:\n  - mcr.microsoft.com\n  - docker.io\n');
    const services = Math.min(g.int(1, 8), count - files);
    for (let s = 0; s < services; s++) {
      const name = `${g.pick(words)}${g.chance(0.3) ? '-' + g.pick(['api', 'worker', 'web', 'job']) : ''}`;
      const kind = g.pick(kinds);
      let lines = kind(g, name);
      // Comments between sections, and the odd blank-line continuation or lowercase instruction.
      if (g.chance(0.5)) lines = lines.flatMap((l) => (l.startsWith('FROM ') && g.chance(0.6) ? ['# ---- ' + l.split(' ').pop() + ' ----', l] : [l]));
      if (g.chance(0.05)) lines = lines.map((l) => (l.startsWith('RUN ') ? 'run ' + l.slice(4) : l));
      const chatty = g.chance(0.6) ? 0.6 : 0.2;
      lines = lines.flatMap((l) => (/^(RUN|COPY|ENV|WORKDIR|EXPOSE|USER) /.test(l) && g.chance(chatty) ? ['# ' + g.pick(stepNotes), l] : [l]));
      const text = lines.join('\n') + '\n';
      const rel = s === 0 ? 'Dockerfile' : g.pick([`src/${name}/Dockerfile`, `docker/${name}.Dockerfile`, `services/${name}/Dockerfile`, `Dockerfile.${name}`, `deploy/${name}/Containerfile`]);
      const file = path.join(root, rel);
      if (fs.existsSync(file)) continue;
      write(file, text);
      files++;
      bytes += Buffer.byteLength(text);
    }
  }
  return { files, bytes };
}

// ---- dockerfile-utils ---------------------------------------------------------------------------------------
function isDockerfileName(name) {
  const n = name.toLowerCase();
  return !n.endsWith('.dockerignore') && (n === 'dockerfile' || n === 'containerfile' || n.startsWith('dockerfile.')
    || n.endsWith('.dockerfile') || n.startsWith('containerfile.'));
}

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (isDockerfileName(e.name)) out.push(full);
  }
  return out;
}

function validateAll(dir) {
  const { validate } = require('dockerfile-utils');
  let diagnostics = 0;
  const files = walk(dir, []);
  for (const file of files) diagnostics += validate(fs.readFileSync(file, 'utf8')).length;
  return { files: files.length, diagnostics };
}

const [command, dir, count] = process.argv.slice(2);
if (command === 'generate' && dir) {
  const r = generate(path.resolve(dir), count ? Number(count) : 3000);
  console.log(`${r.files} ${r.bytes}`);
} else if (command === 'validate' && dir) {
  const r = validateAll(path.resolve(dir));
  console.log(`${r.files} ${r.diagnostics}`);
} else {
  console.error('usage: node build/bench.js generate DIR [COUNT] | validate DIR');
  process.exit(2);
}
