using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// The argument list of a build for each builder. Options a builder cannot honour are refused with a
/// message that says which builder can (an <see cref="ImageBuilderException"/>, COPT0014), never dropped.
/// Secret build arguments go to docker and buildx as <c>--build-arg NAME</c> with the value in the child's
/// environment, so they are not visible in the process list either.
/// </summary>
public static class BuildCommandFactory
{
    public static BuildCommand Create(ImageBuildRequest request, BuilderInfo builder, string imageIdFile)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        Validate(request, builder.Kind);

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in builder.Environment) environment[pair.Key] = pair.Value;

        var args = new List<string>();
        switch (builder.Kind)
        {
            case BuilderKind.DockerLegacy:
                environment["DOCKER_BUILDKIT"] = "0";
                args.Add("build");
                break;
            case BuilderKind.DockerBuildKit:
                environment["DOCKER_BUILDKIT"] = "1";
                args.Add("build");
                args.Add("--progress=plain");
                break;
            case BuilderKind.Buildx:
                args.Add("buildx");
                args.Add("build");
                if (!string.IsNullOrEmpty(request.BuilderName))
                {
                    args.Add("--builder");
                    args.Add(request.BuilderName!);
                }
                args.Add(request.Push ? "--push" : request.Load == false ? "--output=type=cacheonly" : "--load");
                args.Add("--progress=plain");
                break;
            case BuilderKind.Podman:
                args.Add("build");
                args.Add("--layers");
                break;
        }

        args.Add("-f");
        args.Add(request.DockerfilePath);
        foreach (string tag in request.Tags)
        {
            args.Add("-t");
            args.Add(tag);
        }

        var secretValues = new List<string>();
        bool valuesFromEnvironment = builder.Kind != BuilderKind.Podman;
        foreach (BuildArgument argument in request.BuildArgs)
        {
            args.Add("--build-arg");
            if (argument.IsSecret)
            {
                secretValues.Add(argument.Value);
                if (valuesFromEnvironment)
                {
                    args.Add(argument.Name);
                    environment[argument.Name] = argument.Value;
                    continue;
                }
            }
            args.Add(argument.Name + "=" + argument.Value);
        }

        if (!string.IsNullOrEmpty(request.Target))
        {
            args.Add("--target");
            args.Add(request.Target!);
        }
        if (request.Platforms.Count > 0)
        {
            args.Add("--platform");
            args.Add(string.Join(",", request.Platforms));
        }
        foreach (var label in request.Labels)
        {
            args.Add("--label");
            args.Add(label.Key + "=" + label.Value);
        }
        if (!string.IsNullOrEmpty(request.Network))
        {
            args.Add("--network");
            args.Add(request.Network!);
        }
        if (request.NoCache) args.Add("--no-cache");
        if (request.Pull) args.Add(builder.Kind == BuilderKind.Podman ? "--pull=always" : "--pull");
        foreach (string source in request.CacheFrom)
        {
            args.Add("--cache-from");
            args.Add(source);
        }
        foreach (string destination in request.CacheTo)
        {
            args.Add("--cache-to");
            args.Add(destination);
        }
        foreach (SecretMount secret in request.Secrets)
        {
            args.Add("--secret");
            args.Add(secret.ToArgument());
        }
        args.Add("--iidfile");
        args.Add(imageIdFile);
        // The legacy builder keeps the container of a failed step unless told otherwise.
        if (builder.Kind == BuilderKind.DockerLegacy) args.Add("--force-rm");
        args.Add(request.ContextDirectory);

        return new BuildCommand(builder.ExecutablePath, args, environment, new CommandLineRedactor(secretValues));
    }

    private static void Validate(ImageBuildRequest request, BuilderKind kind)
    {
        string name = kind switch
        {
            BuilderKind.DockerLegacy => "the legacy docker builder",
            BuilderKind.DockerBuildKit => "docker build",
            BuilderKind.Buildx => "docker buildx",
            _ => "podman",
        };

        if (!string.IsNullOrEmpty(request.BuilderName) && kind != BuilderKind.Buildx)
        {
            Refuse($"a builder instance ('{request.BuilderName}') is a buildx option; {name} has none. Set ContainerOptBuilder=buildx (CLI: --builder buildx)");
        }
        if (request.Push && kind != BuilderKind.Buildx)
        {
            Refuse($"{name} cannot push while building; push with buildx (ContainerOptBuilder=buildx) or push the tag afterwards");
        }
        if (request.Push && request.Load == true)
        {
            Refuse("load and push together: buildx exports to one place; choose one");
        }
        if (request.Platforms.Count > 1 && !(kind == BuilderKind.Buildx && request.Push))
        {
            Refuse($"{request.Platforms.Count} platforms ({string.Join(",", request.Platforms)}): only buildx pushing to a registry builds several at once (the engine's image store holds one); give one platform");
        }
        if (request.CacheTo.Count > 0 && kind is BuilderKind.DockerLegacy or BuilderKind.DockerBuildKit)
        {
            Refuse($"--cache-to ({string.Join(", ", request.CacheTo)}) needs docker buildx: docker build can only read a cache. Set ContainerOptBuilder=buildx");
        }
        if (kind != BuilderKind.Buildx)
        {
            foreach (string value in request.CacheFrom.Concat(request.CacheTo))
            {
                if (value.IndexOf("type=", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    Refuse($"cache '{value}': {name} takes image references only; typed caches (type=local, type=registry, type=gha) need docker buildx (ContainerOptBuilder=buildx)");
                }
            }
        }
        if (request.Secrets.Count > 0 && kind == BuilderKind.DockerLegacy)
        {
            Refuse($"build secrets ({string.Join(", ", request.Secrets.Select(s => s.Id))}) need BuildKit; the legacy builder was chosen (DOCKER_BUILDKIT=0?). Unset DOCKER_BUILDKIT or set it to 1");
        }
        foreach (SecretMount secret in request.Secrets)
        {
            if (secret.EnvironmentVariable is not null && kind == BuilderKind.DockerBuildKit)
            {
                // docker 20.10's `docker build` reads secrets from files only; env= came with buildx.
                Refuse($"secret '{secret.Id}' from the variable {secret.EnvironmentVariable}: docker build reads secrets from files (src=); use a file or docker buildx");
            }
        }
    }

    private static void Refuse(string reason) =>
        throw ImageBuilderException.Create(DiagnosticCatalog.ImageBuildFailed, "the build options", reason);
}
