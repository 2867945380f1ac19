using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// A broad COPY or ADD from the build context (<c>.</c>, <c>./</c>, <c>*</c>, a folder such as
/// <c>src/</c>) earlier in the stage than a dependency step: <c>pip install -r</c>, <c>uv sync</c>,
/// <c>poetry install</c>, <c>pipenv install</c>, <c>npm ci</c> / <c>npm install</c> (no packages named),
/// <c>yarn install</c>, <c>pnpm install</c>, <c>dotnet restore</c>, <c>go mod download</c>,
/// <c>mvn dependency:…</c> (or <c>mvn package</c> when no dependency goal ran first),
/// <c>bundle install</c>, <c>composer install</c>, <c>cargo fetch</c>. Reported at the first COPY's source,
/// once per step, naming every broad COPY before it (the others are additional locations). A folder that holds the requirements file the step
/// reads is not broad, nor one the manager reads besides its manifests (<c>.mvn/</c>, <c>patches/</c>, <c>.yarn/</c>, Bundler's path gems: see
/// <see cref="ProjectManifests.IsReadBeside"/>). A step that runs in a project the same RUN fetched (<c>git clone URL /app &amp;&amp; cd /app
/// &amp;&amp; composer install</c>) reads that project's manifests, not the context's, and is not reported. Every stage is checked: the build cache matters in build stages most.
/// A step that repeats one the stage already ran from the manifests alone (after only narrow COPYs, or with the manifests
/// bind-mounted: <c>RUN --mount=type=bind,source=uv.lock,... uv sync --no-install-project</c>) is not reported: the
/// dependencies are in that earlier, cached layer, and the repeat only adds the project (the documented uv, npm and
/// <c>dotnet restore</c> patterns).
/// </summary>
public sealed class COPT3007CopyBeforeDependencyInstall : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyBeforeDependencyInstall;

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var steps = context.RunSteps;
        foreach (var stage in model.Stages)
        {
            List<(CopyInstruction Copy, CopySource Source)>? pending = null; // made on the first broad COPY
            List<(PackageCall Call, string? Workdir)>? primed = null; // the dependency steps that ran from the manifests alone
            bool copiedFromContext = false, broadReported = false;
            bool mavenResolved = false, copiedNuGetConfig = false;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind is InstructionKind.Copy or InstructionKind.Add)
                {
                    var copy = context.Facts.CopyOf(instruction);
                    if (copy is { FromContext: true, IsOnbuild: false })
                    {
                        copiedFromContext = true;
                        var sources = copy.Sources;
                        for (int k = 0; k < sources.Count; k++) // by index: foreach over the interface makes an enumerator per COPY
                        {
                            var source = sources[k];
                            // every folder is kept: which of them the step reads besides its manifests is known only at the step
                            if (source.IsWholeContext || source.IsDirectoryLike)
                            {
                                (pending ??= new()).Add((copy, source));
                            }
                            else if (IsNuGetConfig(source.Value))
                            {
                                copiedNuGetConfig = true;
                            }
                        }
                    }
                    continue;
                }
                // A RUN without a package-manager call (most) has no dependency step: its commands are not walked.
                if (instruction.Kind != InstructionKind.Run || steps.Find(instruction) is not { IsPosix: true } step || step.PackageCalls.Count == 0)
                {
                    continue;
                }
                string? cwd = step.Workdir, fetched = null;
                foreach (var at in step.Commands)
                {
                    if (at.Command.Is("cd"))
                    {
                        cwd = ChangedDirectory(at.Command, cwd);
                    }
                    fetched = FetchedProject(at.Command, cwd) ?? fetched;
                    if (step.CallAt(at) is not { } call || Dependency(call, ref mavenResolved) is not { } advice)
                    {
                        continue;
                    }
                    if (fetched is not null && cwd is not null && LayerPaths.IsAtOrUnder(cwd, fetched))
                    {
                        continue; // the step reads the fetched project's manifests, not the context's: no COPY can come first
                    }
                    if (primed is not null && IsPrimed(primed, call, step.Workdir))
                    {
                        continue; // a repeat: the dependencies came in an earlier layer that only the manifests key
                    }
                    bool reported = false;
                    if (pending is { Count: > 0 })
                    {
                        reported = Report(context, pending, call, step, advice, copiedNuGetConfig);
                        pending.Clear();
                    }
                    broadReported |= reported;
                    if (!reported && !broadReported && (copiedFromContext || BindsFromContext(step)))
                    {
                        (primed ??= new()).Add((call, step.Workdir));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Every broad COPY before the step is one finding: one reordering fixes them all. (A method of its own: the lambdas here
    /// would otherwise make their closure once per instruction of the loop above.)
    /// </summary>
    /// <returns>True when it reported (a broad COPY was left once the requirements folders were set aside).</returns>
    private static bool Report(RuleContext context, List<(CopyInstruction Copy, CopySource Source)> pending, PackageCall call, RunStep step, Advice advice, bool copiedNuGetConfig)
    {
        // One source names each COPY (its first broad one), in COPY order.
        List<(CopyInstruction Copy, CopySource Source)>? broad = null;
        foreach (var p in pending)
        {
            if (IsInstallInput(p.Source, call, copiedNuGetConfig) || HoldsRequirements(p.Copy, p.Source, call, step, context) || Names(broad, p.Copy))
            {
                continue;
            }
            (broad ??= new()).Add(p);
        }
        if (broad is null)
        {
            return false;
        }
        var first = broad[0].Source;
        string subject;
        var others = new TextSpan[broad.Count - 1];
        if (broad.Count == 1)
        {
            subject = $"The COPY of '{first.Value}' comes";
        }
        else
        {
            var named = new string[broad.Count];
            for (int i = 0; i < broad.Count; i++)
            {
                var source = broad[i].Source;
                named[i] = $"'{source.Value}' (line {context.Source.GetLinePosition(source.Token.Span.Start).Line})";
                if (i > 0)
                {
                    others[i - 1] = source.Token.Span;
                }
            }
            subject = $"The COPYs of {Prose.And(named)} come";
        }
        context.ReportAlsoAt(first.Token.Span, others, subject, call.Display, step.Line, advice.Text(call));
        return true;
    }

    private static bool Names(List<(CopyInstruction Copy, CopySource Source)>? broad, CopyInstruction copy)
    {
        if (broad is not null)
        {
            foreach (var b in broad)
            {
                if (ReferenceEquals(b.Copy, copy))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Whether a dependency step the same as this one (<see cref="SameStep"/>) already ran from the manifests alone.</summary>
    private static bool IsPrimed(List<(PackageCall Call, string? Workdir)> primed, PackageCall call, string? workdir)
    {
        for (int i = 0; i < primed.Count; i++)
        {
            if (SameStep(primed[i].Call, primed[i].Workdir, call, workdir))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// What makes two dependency steps the same: the manager, what it reads (pip's <c>-r dev.txt</c> after <c>-r base.txt</c>,
    /// or <c>dotnet restore Server.csproj</c> after <c>dotnet restore Shared.csproj</c>, downloads other packages) and the
    /// folder it runs in. Compared in place, not written into a key for a set: a stage primes one step or two.
    /// </summary>
    private static bool SameStep(PackageCall call, string? workdir, PackageCall other, string? otherWorkdir)
    {
        if (!string.Equals(call.Manager, other.Manager, StringComparison.Ordinal) || !SameText(workdir, otherWorkdir)
            || !SameText(call.Command.FlagValue(RequirementFlags), other.Command.FlagValue(RequirementFlags)))
        {
            return false;
        }
        var operands = call.Operands;
        var otherOperands = other.Operands;
        if (operands.Count != otherOperands.Count)
        {
            return false;
        }
        for (int i = 0; i < operands.Count; i++)
        {
            if (!string.Equals(operands[i].Value, otherOperands[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>No value and an empty one are the same part of a step (no flag value, no WORKDIR).</summary>
    private static bool SameText(string? text, string? other) => string.Equals(text ?? "", other ?? "", StringComparison.Ordinal);

    /// <summary>pip's requirements-file flag (one array for every call, not one per call).</summary>
    private static readonly string[] RequirementFlags = { "r", "requirement" };

    /// <summary>
    /// True when the path's last name (<see cref="LayerPaths.BaseName"/>) is NuGet.config in any case, compared in place: every
    /// narrow COPY source of every stage is asked, and few are.
    /// </summary>
    private static bool IsNuGetConfig(string path)
    {
        const string Name = "NuGet.config";
        int end = path.Length;
        while (end > 0 && path[end - 1] == '/')
        {
            end--;
        }
        int start = end == 0 ? 0 : path.LastIndexOf('/', end - 1) + 1;
        return end - start == Name.Length && string.Compare(path, start, Name, 0, Name.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary>A bind mount from the build context (no <c>from=</c>): the step reads the manifests without a COPY.</summary>
    private static bool BindsFromContext(RunStep step)
    {
        foreach (var mount in step.Mounts)
        {
            if (string.Equals(mount.Type, "bind", StringComparison.OrdinalIgnoreCase) && mount.From is null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The advice for a dependency step: which files to copy first, and the command to run when it is not the step's own.
    /// A value whose text is written only for a step that is reported (most dependency steps are not).
    /// </summary>
    private readonly struct Advice
    {
        private readonly string _files;
        private readonly string? _requirements;
        private readonly bool _goOffline;

        public Advice(string files, string? requirements = null, bool goOffline = false)
        {
            _files = files;
            _requirements = requirements;
            _goOffline = goOffline;
        }

        public string Text(PackageCall call)
        {
            string display = call.Display;
            if (_goOffline)
            {
                return First(_files, call.Command.Name + " dependency:go-offline") + $" before '{display}'";
            }
            return First(_files, _requirements is null ? display : display + " -r " + _requirements);
        }

        private static string First(string files, string run) => $"Copy only {files} first, run '{run}', then copy the rest";
    }

    /// <summary>The advice for a dependency step, or null when the call is not one.</summary>
    private static Advice? Dependency(PackageCall call, ref bool mavenResolved)
    {
        // Display read (joined, the first time) only by the managers whose cases compare it: every package-manager call
        // of every RUN comes here, and most (apt, apk, pip) never need it.
        switch (call.Manager)
        {
            case "pip" when call.Op == PackageOp.Install && call.Command.FlagValue(RequirementFlags) is { } requirements:
                return new Advice("'" + requirements + "'", requirements);
            case "uv" when call.Op == PackageOp.Install && (call.Display is "uv sync" or "uv pip sync" || call.Command.FlagValue(RequirementFlags) is not null):
                return new Advice(call.Display == "uv pip sync" ? "the requirements file" : "pyproject.toml and uv.lock");
            case "poetry" when call.Display.EndsWith("install", StringComparison.Ordinal):
                return new Advice("pyproject.toml and poetry.lock");
            case "pipenv" when call.Op == PackageOp.Install && call.Operands.Count == 0:
                return new Advice("Pipfile and Pipfile.lock");
            case "npm" when call.Op == PackageOp.Install && call.Operands.Count == 0 && !call.Display.EndsWith("update", StringComparison.Ordinal) && !call.Display.EndsWith(" up", StringComparison.Ordinal) && !call.Command.HasFlag("g", "global"):
                return new Advice("package.json and package-lock.json");
            case "yarn" when call.Op == PackageOp.Install && call.Display is "yarn" or "yarn install":
                return new Advice("package.json and yarn.lock");
            case "pnpm" when call.Op == PackageOp.Install && call.Operands.Count == 0 && call.Display is "pnpm install" or "pnpm i":
                return new Advice("package.json and pnpm-lock.yaml");
            case "nuget" when call.Display == "dotnet restore":
                return new Advice("the project and solution files (*.csproj, *.sln, Directory.*.props, NuGet.config)");
            case "go" when call.Display.EndsWith("mod download", StringComparison.Ordinal):
                return new Advice("go.mod and go.sum");
            case "maven" when call.Op == PackageOp.Install:
                mavenResolved = true;
                return new Advice("pom.xml");
            case "maven" when call.Op == PackageOp.Build && !mavenResolved:
                return new Advice("pom.xml", goOffline: true);
            case "bundle" when call.Op == PackageOp.Install:
                // a Gemfile can load more (eval_gemfile, require_relative, path: gems): the two files alone may not install
                return new Advice("the Gemfile, Gemfile.lock and what they load (Gemfile.d/, path gems, gemspecs)");
            case "composer" when call.Display.EndsWith("install", StringComparison.Ordinal):
                return new Advice("composer.json and composer.lock");
            case "cargo" when call.Display.EndsWith("fetch", StringComparison.Ordinal):
                return new Advice("Cargo.toml and Cargo.lock");
        }
        return null;
    }

    /// <summary>
    /// A folder (or extension-less dot file) the step reads besides its manifests; for NuGet, a <c>nuget/</c> or
    /// <c>packages/</c> local feed copied with a NuGet.config.
    /// </summary>
    private static bool IsInstallInput(CopySource source, PackageCall call, bool copiedNuGetConfig)
    {
        if (source.IsWholeContext)
        {
            return false;
        }
        string name = LayerPaths.BaseName(source.Value);
        if (call.Manager == "nuget")
        {
            return copiedNuGetConfig && (string.Equals(name, "nuget", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "packages", StringComparison.OrdinalIgnoreCase));
        }
        return ProjectManifests.IsReadBeside(call.Manager, name);
    }

    /// <summary>
    /// The folder a command brings a project into from elsewhere (<c>git clone URL [DIR]</c>, <c>svn checkout</c>,
    /// <c>hg clone</c>, <c>composer create-project PACKAGE [DIR]</c>), resolved against <paramref name="cwd"/>; null for any
    /// other command or when the folder is not known.
    /// </summary>
    private static string? FetchedProject(ShellCommand command, string? cwd)
    {
        if (cwd is null)
        {
            return null;
        }
        IReadOnlyList<ShellWord> positionals;
        if (command.Is("git"))
        {
            positionals = command.Positionals(LayerSimulation.GitFlagsTakingValue);
            if (positionals.Count < 2 || positionals[0].Value != "clone") return null;
        }
        else if (command.IsAny("svn", "hg") || command.Is("composer"))
        {
            positionals = command.Positionals();
            string? verb = positionals.Count >= 2 ? positionals[0].Value : null;
            if (!(command.Is("composer") ? verb == "create-project" : verb is "checkout" or "co" or "clone")) return null;
        }
        else
        {
            return null;
        }
        string? folder = positionals.Count >= 3 ? positionals[2].Value : ShellFacts.CloneFolderName(positionals[1].Value);
        return folder is null || folder.IndexOf('$') >= 0 ? null : LayerPaths.Resolve(folder, cwd);
    }

    /// <summary>The working directory after <c>cd DIR</c>; null when it cannot be known (<c>cd $X</c>, <c>cd -</c>, no folder).</summary>
    private static string? ChangedDirectory(ShellCommand cd, string? cwd)
    {
        var positionals = cd.Positionals();
        return cwd is null || positionals.Count != 1 || positionals[0].Value is "-" || positionals[0].Value.IndexOf('$') >= 0 || positionals[0].Value.StartsWith("~", StringComparison.Ordinal)
            ? null
            : LayerPaths.Resolve(positionals[0].Value, cwd);
    }

    /// <summary>A folder copied to bring in the requirements file pip reads (<c>COPY requirements/ requirements/</c>) is not broad.</summary>
    private static bool HoldsRequirements(CopyInstruction copy, CopySource source, PackageCall call, RunStep step, RuleContext context)
    {
        if (call.Manager == "nuget" && IsLocalPackageSource(source, context))
        {
            return true; // a feed folder NuGet.config names is a restore input, like the project files
        }
        if (source.IsWholeContext || call.Manager != "pip" || !LayerPaths.BaseName(source.Value).Contains("req", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var word = call.Command.Arguments.FirstOrDefault(a => a.Value == call.Command.FlagValue(RequirementFlags));
        if (word is null)
        {
            return false;
        }
        string? file = LayerPaths.FromWord(word, step.Instruction, context.Model, step.Workdir, relativeIsKnown: true);
        string destination = LayerPaths.Resolve(copy.DestinationValue, context.RunSteps.WorkdirOf(copy.Instruction));
        return file is not null && LayerPaths.IsAtOrUnder(file, destination) && file != destination;
    }

    /// <summary>A folder of .nupkg files that the project's NuGet.config lists as a package source.</summary>
    private static bool IsLocalPackageSource(CopySource source, RuleContext context)
    {
        if (source.IsWholeContext || context.Project is not { LocalPackageSources.Count: > 0 } project || context.ContextDirectory is not { } root)
        {
            return false;
        }
        string relative = source.Value.Replace('\\', '/').TrimStart('.', '/').TrimEnd('/');
        if (relative.Length == 0)
        {
            return false;
        }
        string full = Path.GetFullPath(Path.Combine(root, relative)).TrimEnd(Path.DirectorySeparatorChar);
        return project.LocalPackageSources.Any(f => string.Equals(Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar), full, StringComparison.Ordinal));
    }
}
