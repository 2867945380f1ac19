using System.Text.RegularExpressions;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>What the image a Dockerfile builds is for: the rules about what ships to production speak only about applications.</summary>
public enum ImagePurposeKind
{
    /// <summary>An application image: what ships to production (the default when nothing says otherwise).</summary>
    Application,

    /// <summary>A development environment (dev container, watcher, dev server): compilers and SDKs are the point.</summary>
    Development,

    /// <summary>A build or CI environment, or a file whose last stage is a build stage (built with <c>--target</c> or <c>--output</c>).</summary>
    BuildEnvironment,

    /// <summary>A test runner: its command runs the project's tests (<c>make test</c>, <c>go test</c>, <c>pytest</c>), which need the toolchain.</summary>
    TestRunner,

    /// <summary>A base image for other Dockerfiles (ONBUILD triggers, or no application copied and no command of its own): a toolchain image is its product.</summary>
    BaseImage,
}

/// <summary>
/// What the final image is for, and the evidence: the file's path (<c>.devcontainer/</c>, <c>Dockerfile.dev</c>,
/// <c>build.dockerfile</c>), the final stage's name (<c>AS dev</c>, <c>AS builder</c>), its command
/// (<c>dotnet watch</c>, <c>npm run dev</c>, <c>sleep infinity</c>, <c>make test</c>, <c>sshd -D</c>), what it copies and,
/// with no command, whether it installs a toolchain (<see cref="ToolchainPackages"/>). Rules about what ships
/// (build tools and SDKs in the final image, a slimmer base, a non-root user) stay silent unless it is an
/// <see cref="ImagePurposeKind.Application"/>: on a dev container or a toolchain image they are wrong advice.
/// </summary>
public sealed class ImagePurpose
{
    // Words of a file or stage name, compared case-insensitively (see FirstWord).
    private static readonly string[] DevelopmentWords =
    {
        "dev", "develop", "development", "devcontainer", "devcontainers", "dockerdev", "debug", "local", "devenv", "workspace",
    };

    private static readonly string[] BuildWords =
    {
        "build", "builder", "buildenv", "compile", "compiler", "chef", "planner", "toolchain", "ci", "cicd", "sdk", "deps", "cross",
    };

    // The expressions of this class are made on first use (a benign race: a Regex is immutable): making all eight cost some 1 M
    // instructions at start-up, while the cheap checks before each (Fragments, IsOneWord, IsPackageManager) keep most files
    // from running any.
    /// <summary>Commands that only make sense while developing: watchers, dev servers, a container kept alive for an editor.</summary>
    private static Regex? _developmentCommand;
    private static Regex DevelopmentCommand => _developmentCommand ??= new(
        @"\bdotnet\s+watch\b|\bnodemon\b|\b(npm|pnpm|bun)\s+run\s+(dev|develop|watch|serve)\b|\b(yarn|pnpm)\s+(dev|develop|watch)\b|\b(gatsby|strapi)\s+develop\b|\b(npm|yarn|pnpm|bun)\s+(run\s+)?start:dev\b|\bnext\s+dev\b|\bnuxt\s+dev\b|\bng\s+serve\b|\bvite(?:\s+(?:dev|serve))?\s*(?:--|$)|\bwebpack(?:-dev-server|\s+serve)\b|\breact-scripts\s+start\b|\bflask\s+run\b|\bgo\s+run\b|\bsleep\s+infinity\b|\bStart-Sleep\b|\btail\s+-f\s+/dev/null\b|\bmanage\.py[""',\s]+runserver\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// <c>npm start</c> and its kin: package.json's start script, a dev server (<c>react-scripts start</c>, <c>vite</c>) or a
    /// production server (<c>node server.js</c>) alike; what else the image does tells them apart (<see cref="FrontEndDevServer"/>).
    /// </summary>
    private static Regex? _packageStart;
    private static Regex PackageStart => _packageStart ??= new(@"^(npm|yarn|pnpm|bun)\s+(run\s+)?start$", RegexOptions.CultureInvariant);

    /// <summary>A RUN command that builds a Node.js project's output (<c>npm run build</c>, <c>ng build</c>, <c>tsc</c>): what a production image serves.</summary>
    private static Regex? _frontEndBuild;
    private static Regex FrontEndBuild => _frontEndBuild ??= new(
        @"\b(npm|yarn|pnpm|bun)\s+(run\s+)?build\b|\b(ng|next|vite|nuxt|react-scripts|vue-cli-service|astro)\s+(build|generate|export)\b|\btsc\b|\bwebpack\b(?!\s+serve|-dev-server)",
        RegexOptions.CultureInvariant);

    /// <summary>The default ports of front-end dev servers, which a production image does not serve on: Vite's, the Angular CLI's (<c>ng serve</c>).</summary>
    private static readonly Dictionary<string, string> DevServerPorts = new(StringComparer.Ordinal) { ["5173"] = "Vite's", ["4200"] = "the Angular CLI's" };

    /// <summary>
    /// Why the final stage is a front-end dev server, or null: it runs <c>npm start</c> (or has no command of its own: compose
    /// gives it), copies a package.json, builds nothing (no <c>npm run build</c>, no stage's output copied) and either copies
    /// only the package manifests (the source is bind-mounted: the image cannot ship without it) or exposes a dev server's port.
    /// </summary>
    private static string? FrontEndDevServer(DockerfileFacts facts, Stage final, StageInstruction? command)
    {
        bool packageJson = false, manifestsOnly = true;
        string? devPort = null;
        var steps = facts.RunSteps;
        foreach (var instruction in final.ChainInstructions)
        {
            if (instruction.Kind == InstructionKind.Expose)
            {
                foreach (var port in instruction.Syntax.Arguments)
                {
                    string number = port.Value.Split('/')[0];
                    devPort ??= DevServerPorts.TryGetValue(number, out var server) ? number + " (" + server + " dev-server port)" : null;
                }
                continue;
            }
            if (facts.CopyOf(instruction) is { IsOnbuild: false } copy)
            {
                if (!copy.FromContext)
                {
                    if (StageNamed(facts.Model, copy.From) is not null)
                    {
                        return null; // a build's output: what a production image serves
                    }
                    continue;
                }
                foreach (var source in copy.Sources)
                {
                    string name = LayerPaths.BaseName(source.Value);
                    bool manifest = ProjectManifests.IsNodeManifest(name);
                    packageJson |= name.StartsWith("package", StringComparison.Ordinal) && manifest;
                    manifestsOnly &= manifest || IsHelperFile(source.Value);
                }
            }
        }
        if (!packageJson || (!manifestsOnly && devPort is null))
        {
            return null;
        }
        foreach (var instruction in final.ChainInstructions)
        {
            if (steps.Find(instruction) is { IsOnbuild: false } step)
            {
                foreach (var at in step.Commands)
                {
                    if (FrontEndBuild.IsMatch(at.Command.ToString()))
                    {
                        return null; // the image builds its output: what it serves ships
                    }
                }
            }
        }
        string runs = command is null ? "it has no CMD or ENTRYPOINT of its own" : $"its {command.Kind.ToString().ToUpperInvariant()} runs '{Words(command)}'";
        return manifestsOnly
            ? $"{runs}, it copies only the package manifests (the source is bind-mounted) and builds nothing: a dev server"
            : $"{runs}, it exposes {devPort} and builds nothing: a dev server";
    }

    /// <summary>A command that runs a project's tests: the toolchain it needs is what the container runs.</summary>
    private static Regex? _testCommand;
    private static Regex TestCommand => _testCommand ??= new(
        @"\b(make|gmake)\s+(\S+\s+)*(test\S*|check)\b|\b(go|cargo|dotnet|mix|deno|bun)\s+test\b|\bpytest\b|\bpython[0-9.]*\s+-m\s+(pytest|unittest)\b|\b(npm|yarn|pnpm)\s+(run\s+)?test\S*|\b(mvn|mvnw|gradle|gradlew)\s+(\S+\s+)*(test|verify|check)\b|\btox\b|\bctest\b|\bphpunit\b|\brspec\b",
        RegexOptions.CultureInvariant);

    /// <summary>Words one of which every alternative of <see cref="TestCommand"/> contains: most commands have none, and skip the expression.</summary>
    private static readonly Fragments TestCommandWords = new("test", "check", "verify", "tox", "phpunit", "rspec");

    private static readonly string[] TestWords = { "test", "tests", "testing" };

    /// <summary>A debugger: with sshd as the command, a box to log into and debug in.</summary>
    private static readonly HashSet<string> Debuggers = new(StringComparer.Ordinal) { "gdb", "gdbserver", "lldb", "valgrind" };

    /// <summary>The command of a language or toolchain image (docker-library's <c>CMD ["python3"]</c>): a shell or an interpreter and nothing else.</summary>
    private static Regex? _bareInterpreter;
    private static Regex BareInterpreter => _bareInterpreter ??= new(
        @"^\s*(/\S*/)?(bash|sh|ash|zsh|python[0-9.]*|node|irb|jshell|php|perl|ruby|pwsh|powershell|ghci|iex|erl|R|julia)\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private ImagePurpose(ImagePurposeKind kind, string reason)
    {
        Kind = kind;
        Reason = reason;
    }

    public ImagePurposeKind Kind { get; }

    /// <summary>The evidence, for messages and tests ("the file is under .devcontainer").</summary>
    public string Reason { get; }

    public bool IsApplication => Kind == ImagePurposeKind.Application;

    public override string ToString() => $"{Kind}: {Reason}";

    internal static ImagePurpose Of(DockerfileFacts facts)
    {
        var final = facts.Model.FinalStage;
        // The path is read in place (no split): its folders and its file name, '/' or '\\' separated.
        string path = facts.Source.Path ?? "";
        int nameStart = path.LastIndexOfAny(Separators) + 1;
        string fileName = path.Substring(nameStart);

        if (FirstFolder(path, nameStart, ".devcontainer", ".dockerdev", ".devcontainers") is { } folder)
        {
            return new(ImagePurposeKind.Development, $"the file is under {folder}");
        }
        if (FirstWord(fileName, DevelopmentWords) is { } devWord)
        {
            return new(ImagePurposeKind.Development, $"the file name '{fileName}' says '{devWord}'");
        }
        if (final is null)
        {
            return new(ImagePurposeKind.Application, "nothing says otherwise");
        }
        if (final.Name is { } name && FirstWord(name, DevelopmentWords) is not null)
        {
            return new(ImagePurposeKind.Development, $"the final stage is named '{name}'");
        }
        if (NamesDevContainerImage(final.Root.BaseName))
        {
            return new(ImagePurposeKind.Development, $"it is built on the dev container image '{final.Root.BaseName}'");
        }
        var chain = final.Chain;
        StageInstruction? command = null;
        bool onbuild = false;
        for (int s = 0; s < chain.Count; s++)
        {
            var instructions = chain[s].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var kind = instructions[i].Kind;
                if (kind is InstructionKind.Cmd or InstructionKind.Entrypoint)
                {
                    command = instructions[i];
                }
                onbuild |= kind == InstructionKind.Onbuild;
            }
        }
        // The command's words once: each expression below is interpreted (Native AOT), a few thousand instructions a match.
        string? words = command is null ? null : Words(command);
        bool? bareInterpreter = null;
        bool IsBareInterpreter() => bareInterpreter ??= IsOneWord(words!) && BareInterpreter.IsMatch(words!);
        if (command is not null && MayRunDevelopmentCommand(command) && DevelopmentCommand.IsMatch(words!))
        {
            return new(ImagePurposeKind.Development, $"its {command.Kind.ToString().ToUpperInvariant()} runs a development command");
        }
        if ((command is null || (IsPackageManager(words!) && PackageStart.IsMatch(words!))) && FrontEndDevServer(facts, final, command) is { } devServer)
        {
            return new(ImagePurposeKind.Development, devServer);
        }
        if (command is not null && ContainsAny(command, TestCommandWords) && TestCommand.IsMatch(words!))
        {
            return new(ImagePurposeKind.TestRunner, $"its {command.Kind.ToString().ToUpperInvariant()} runs the tests");
        }
        if (command is not null && RunsSshd(command) && FirstToolchainPackage(facts, final, debuggers: true) is { } devTool)
        {
            return new(ImagePurposeKind.Development, $"its {command.Kind.ToString().ToUpperInvariant()} runs sshd and it installs '{devTool}': a box to log into and build in");
        }
        if (final.Name is { } stageName && FirstWord(stageName, BuildWords) is not null)
        {
            return new(ImagePurposeKind.BuildEnvironment, $"the final stage is named '{stageName}'");
        }
        if (FirstWord(fileName, BuildWords) is { } buildWord)
        {
            return new(ImagePurposeKind.BuildEnvironment, $"the file name '{fileName}' says '{buildWord}'");
        }
        if (FirstFolder(path, nameStart, ".cicd", ".ci", "ci") is { } ciFolder)
        {
            return new(ImagePurposeKind.BuildEnvironment, $"the file is under {ciFolder}");
        }
        if (FirstWord(fileName, TestWords) is { } testWord)
        {
            return new(ImagePurposeKind.TestRunner, $"the file name '{fileName}' says '{testWord}'");
        }
        if (onbuild)
        {
            return new(ImagePurposeKind.BaseImage, "it has ONBUILD triggers");
        }
        // Cross compilers and foreign-architecture libraries serve builds for another platform, never the app this image runs:
        // with no command of its own, or only a shell, the image is where others build. (A command that runs an app keeps it an
        // application: wine-based images add i386 to run, not to build.)
        if ((command is null || IsBareInterpreter()) && CrossCompileSign(facts, final) is { } cross)
        {
            return new(ImagePurposeKind.BuildEnvironment, $"it sets up cross-compiling ({cross})");
        }
        // The Go toolchain image with the source copied in, nothing built and no command: it can only run the source with a
        // command given from outside (compose's 'go run'), a development image; an application image builds its binary.
        if (command is null && GoSourceWithoutBuild(facts, final))
        {
            return new(ImagePurposeKind.Development, "it copies Go source onto the Go toolchain image, builds nothing and has no CMD or ENTRYPOINT (run with 'go run' from outside)");
        }
        // A Dockerfile beside a project builds that project: never a base image.
        if (facts.Project is null && !CopiesAnApplication(facts, final))
        {
            if (command is null)
            {
                return new(ImagePurposeKind.BaseImage, "it copies no application and has no CMD or ENTRYPOINT of its own");
            }
            if (IsBareInterpreter())
            {
                return new(ImagePurposeKind.BaseImage, "it copies no application and its command only starts an interpreter");
            }
        }
        // No command of its own and a toolchain installed: a CI or build environment that others run their builds in. A
        // Dockerfile beside a project builds that project; a project copied in (the whole context, a folder, a manifest, source,
        // a stage's output) makes an application that something else starts (compose's command:); scripts and configuration do not.
        if (command is null && facts.Project is null && !CopiesAProject(facts, final) && FirstToolchainPackage(facts, final, debuggers: false) is { } tool)
        {
            return new(ImagePurposeKind.BuildEnvironment, $"it has no CMD or ENTRYPOINT and installs '{tool}'");
        }
        return new(ImagePurposeKind.Application, "nothing says otherwise");
    }

    /// <summary>
    /// True when the (trimmed) command holds no blank: <see cref="BareInterpreter"/> matches one word only, and most commands
    /// (<c>node server.js</c>) are several, which this tells without running the expression.
    /// </summary>
    private static bool IsOneWord(string words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            if (char.IsWhiteSpace(words[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static readonly char[] Separators = { '/', '\\' };

    /// <summary>
    /// Whether the image name holds <c>devcontainers/</c> (ignoring case): the folder is compared only before each '/', where
    /// it can end; a String.IndexOf ignoring case cost some 1,400 instructions a file.
    /// </summary>
    private static bool NamesDevContainerImage(string baseName)
    {
        const string Folder = "devcontainers";
        for (int slash = baseName.IndexOf('/'); slash >= 0; slash = baseName.IndexOf('/', slash + 1))
        {
            if (slash >= Folder.Length && string.Compare(baseName, slash - Folder.Length, Folder, 0, Folder.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first folder of the path (before <paramref name="nameStart"/>) that is one of the names, as the name.</summary>
    private static string? FirstFolder(string path, int nameStart, string a, string b, string c)
    {
        int start = 0;
        while (start < nameStart)
        {
            // A plain scan: the folders are short, and String.IndexOfAny cost more to set up than they take to read.
            int end = start;
            while (path[end] is not ('/' or '\\'))
            {
                end++; // stops at nameStart - 1 at the latest: the last separator
            }
            if (Is(a) || Is(b) || Is(c))
            {
                return Is(a) ? a : Is(b) ? b : c;
            }
            start = end + 1;

            bool Is(string folder) => folder.Length == end - start && string.CompareOrdinal(path, start, folder, 0, folder.Length) == 0;
        }
        return null;
    }

    /// <summary>
    /// Words every alternative of <see cref="DevelopmentCommand"/> contains, one of them at least: a command with none of them
    /// cannot match, and most commands (<c>dotnet App.dll</c>) have none, so the expression is not run for them.
    /// </summary>
    private static readonly Fragments DevelopmentCommandWords = new("watch", "nodemon", "run", "dev", "serve", "vite", "webpack", "react-scripts", "leep");

    private static bool MayRunDevelopmentCommand(StageInstruction command) => ContainsAny(command, DevelopmentCommandWords);

    /// <summary>
    /// A COPY/ADD of something other than helper scripts from the context, or of a stage's output. Copying a tool
    /// out of another image (<c>--from=composer:2</c>) or a whole filesystem tree to <c>/</c> assembles a toolchain, not an app.
    /// </summary>
    private static bool CopiesAnApplication(DockerfileFacts facts, Stage final)
    {
        var chain = final.Chain;
        for (int s = 0; s < chain.Count; s++)
        {
            var instructions = chain[s].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                if (facts.CopyOf(instructions[i]) is not { IsOnbuild: false } copy)
                {
                    continue;
                }
                if (copy.FromContext)
                {
                    var sources = copy.Sources;
                    for (int j = 0; j < sources.Count; j++)
                    {
                        if (!IsHelperFile(sources[j].Value))
                        {
                            return true;
                        }
                    }
                }
                else if (copy.DestinationValue != "/" && StageNamed(facts.Model, copy.From) is { } source && TakesFromContext(facts, source, new HashSet<Stage>()))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Whether a stage's files can hold this repository's application: the stage or one it is built on took files from the
    /// build context (COPY or ADD from it, a RUN with a bind mount of it), or copied from a stage that did. A stage that
    /// only downloads and unpacks (an SDK, a tool, <c>RUN wget … &amp;&amp; tar …</c>) makes none: copying its output
    /// installs a tool.
    /// </summary>
    private static bool TakesFromContext(DockerfileFacts facts, Stage stage, HashSet<Stage> seen)
    {
        if (!seen.Add(stage))
        {
            return false;
        }
        var chain = stage.Chain;
        for (int s = 0; s < chain.Count; s++)
        {
            foreach (var instruction in chain[s].Instructions)
            {
                if (facts.CopyOf(instruction) is { IsOnbuild: false } copy)
                {
                    if (copy.FromContext || StageNamed(facts.Model, copy.From) is { } source && TakesFromContext(facts, source, seen))
                    {
                        return true;
                    }
                }
                else if (instruction.Kind == InstructionKind.Run && facts.RunSteps.Find(instruction) is { } step)
                {
                    foreach (var mount in step.Mounts)
                    {
                        if (mount.Type == "bind" && (mount.From is null || StageNamed(facts.Model, mount.From) is { } mounted && TakesFromContext(facts, mounted, seen)))
                        {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /// <summary>The command starts the SSH daemon (<c>/usr/sbin/sshd -D</c>): the container is a machine to log into.</summary>
    private static bool RunsSshd(StageInstruction command)
    {
        if (!ContainsAny(command, SshDaemon))
        {
            return false; // nearly every command: no words made
        }
        foreach (var word in Words(command).Split(' '))
        {
            if (word == "sshd" || word.EndsWith("/sshd", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly Fragments SshDaemon = new("sshd");

    /// <summary>True when some argument of the command contains one of the words.</summary>
    private static bool ContainsAny(StageInstruction command, Fragments words)
    {
        var arguments = command.Syntax.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (words.AnyIn(arguments[i].Value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// ASCII words looked for inside a text: one pass over the text, the words compared only where a character one of them
    /// starts with stands, and then only those that start with it. A String.IndexOf per word cost some 150 instructions
    /// even for a short argument, and every file's command is asked for up to nine words.
    /// </summary>
    private sealed class Fragments
    {
        // The words by their first character (an ASCII code): null where no word starts with it.
        private readonly string[]?[] _byFirst = new string[128][];

        public Fragments(params string[] words)
        {
            foreach (var word in words)
            {
                char first = word[0];
                if (first >= 128)
                {
                    throw new ArgumentException($"'{word}' does not start with an ASCII character.", nameof(words));
                }
                var same = _byFirst[first] ?? Array.Empty<string>();
                Array.Resize(ref same, same.Length + 1);
                same[same.Length - 1] = word;
                _byFirst[first] = same;
            }
        }

        /// <summary>True when <paramref name="text"/> contains one of the words (ordinal).</summary>
        public bool AnyIn(string text)
        {
            var byFirst = _byFirst;
            for (int p = 0; p < text.Length; p++)
            {
                char c = text[p];
                if (c >= 128 || byFirst[c] is not { } words)
                {
                    continue;
                }
                foreach (var word in words)
                {
                    if (word.Length <= text.Length - p && string.CompareOrdinal(text, p, word, 0, word.Length) == 0)
                    {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /// <summary>The first compiler or build tool (or, when asked, debugger) a system package manager installs in the final stage's chain, or null.</summary>
    private static string? FirstToolchainPackage(DockerfileFacts facts, Stage final, bool debuggers)
    {
        var steps = facts.RunSteps;
        foreach (var instruction in final.ChainInstructions)
        {
            if (steps.Find(instruction) is not { IsOnbuild: false } step)
            {
                continue;
            }
            foreach (var at in step.Commands)
            {
                if (step.CallAt(at) is not { Op: PackageOp.Install, Manager: "apt" or "apk" or "yum" or "dnf" or "zypper" } call)
                {
                    continue;
                }
                foreach (var operand in call.Operands)
                {
                    string name = PackageManagers.StripVersion(operand.Value);
                    if (ToolchainPackages.IsToolchain(name) || (debuggers && Debuggers.Contains(name)))
                    {
                        return name;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Commands that prepare cross builds: a target for rustup, a foreign architecture for dpkg. Not i386 (nor amd64): 32-bit
    /// libraries are added to run 32-bit programs (wine, steamcmd), not to build.
    /// </summary>
    private static Regex? _crossCommand;
    private static Regex CrossCommand => _crossCommand ??= new(@"\brustup\s+target\s+add\b|\bdpkg\s+--add-architecture(?=\s+(?!i386\b|amd64\b)\S)", RegexOptions.CultureInvariant);

    /// <summary>Cross compilers and cross libraries: <c>gcc-arm-linux-gnueabihf</c>, <c>g++-aarch64-linux-gnu</c>, <c>crossbuild-essential-arm64</c>, <c>mingw-w64</c>, <c>libc6-dev-armhf-cross</c>.</summary>
    private static Regex? _crossPackage;
    private static Regex CrossPackage => _crossPackage ??= new(
        @"^(?:(?:gcc|g\+\+|cpp|binutils)(?:-[0-9.]+)?-[a-z0-9_-]+-linux-gnu[a-z]*(?:-.*)?|crossbuild-essential-.+|(?:gcc-|g\+\+-|binutils-)?mingw-w64.*|.+-cross)$",
        RegexOptions.CultureInvariant);

    /// <summary>True when the name holds what every alternative of <see cref="CrossPackage"/> needs: most packages hold none, and skip the expression.</summary>
    private static bool MayBeCrossPackage(string name) =>
        name.IndexOf("-linux-gnu", StringComparison.Ordinal) >= 0 || name.IndexOf("-cross", StringComparison.Ordinal) >= 0
        || name.IndexOf("mingw-w64", StringComparison.Ordinal) >= 0 || name.IndexOf("crossbuild-essential-", StringComparison.Ordinal) >= 0;

    /// <summary>The first sign in the final stage's chain that it prepares cross builds (a package or a command), or null.</summary>
    private static string? CrossCompileSign(DockerfileFacts facts, Stage final)
    {
        var steps = facts.RunSteps;
        foreach (var instruction in final.ChainInstructions)
        {
            if (steps.Find(instruction) is not { IsOnbuild: false } step)
            {
                continue;
            }
            foreach (var at in step.Commands)
            {
                // Only rustup and dpkg can match: the command's text (and the expression) for them alone.
                if (at.Command.IsAny("rustup", "dpkg") && CrossCommand.Match(at.Command.ToString()) is { Success: true } match)
                {
                    return $"runs '{match.Value}'";
                }
                if (step.CallAt(at) is not { Op: PackageOp.Install } call)
                {
                    continue;
                }
                foreach (var operand in call.Operands)
                {
                    string name = PackageManagers.StripVersion(operand.Value);
                    if (MayBeCrossPackage(name) && CrossPackage.IsMatch(name))
                    {
                        return $"installs '{name}'";
                    }
                }
            }
        }
        return null;
    }

    private static Regex? _goBuild;
    private static Regex GoBuild => _goBuild ??= new(@"\bgo\s+(?:build|install)\b", RegexOptions.CultureInvariant);

    /// <summary>The chain starts from the official golang image, copies a project and no RUN builds or installs it with go.</summary>
    private static bool GoSourceWithoutBuild(DockerfileFacts facts, Stage final)
    {
        if (BaseImages.RootImage(facts, final) is not { } root || !root.Image.IsOfficial("golang") || !CopiesAProject(facts, final))
        {
            return false;
        }
        var steps = facts.RunSteps;
        foreach (var instruction in final.ChainInstructions)
        {
            if (steps.Find(instruction) is not { IsOnbuild: false } step)
            {
                continue;
            }
            foreach (var at in step.Commands)
            {
                if (GoBuild.IsMatch(at.Command.ToString()))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static readonly HashSet<string> ProjectExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".csproj", ".fsproj", ".vbproj", ".sln", ".py", ".js", ".mjs", ".ts", ".go", ".rb", ".php", ".java", ".jar", ".war", ".dll", ".exe",
        ".c", ".cc", ".cpp", ".rs", ".html",
    };

    /// <summary>
    /// The final stage's chain copies a project: another stage's output, or from the context the whole context, a folder (a
    /// name without an extension), a project manifest (<c>package.json</c>, <c>requirements.txt</c>, <c>*.csproj</c>), source
    /// or a built artifact (<c>*.py</c>, <c>*.jar</c>).
    /// </summary>
    private static bool CopiesAProject(DockerfileFacts facts, Stage final)
    {
        foreach (var instruction in final.ChainInstructions)
        {
            if (facts.CopyOf(instruction) is not { IsOnbuild: false } copy)
            {
                continue;
            }
            if (!copy.FromContext)
            {
                if (StageNamed(facts.Model, copy.From) is not null)
                {
                    return true;
                }
                continue;
            }
            foreach (var source in copy.Sources)
            {
                string value = source.Value.TrimEnd('/');
                string name = value.Substring(value.LastIndexOf('/') + 1);
                string extension = Path.GetExtension(name);
                if (name is "" or "." or "*" || extension.Length == 0 || ProjectManifests.IsManifest(name) || ProjectExtensions.Contains(extension)
                    || name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The stage a <c>--from</c> names (by name or index), or null (an image, or none).</summary>
    private static Stage? StageNamed(DockerfileModel model, string? from)
    {
        foreach (var stage in model.Stages)
        {
            if (string.Equals(stage.Name, from, StringComparison.OrdinalIgnoreCase) || stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) == from)
            {
                return stage;
            }
        }
        return null;
    }

    private static bool IsHelperFile(string source)
    {
        string name = source.Substring(source.LastIndexOf('/') + 1);
        return name.EndsWith(".sh", StringComparison.OrdinalIgnoreCase) || name.IndexOf("entrypoint", StringComparison.OrdinalIgnoreCase) >= 0
            || name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".repo", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A CMD or ENTRYPOINT as words, exec form or shell form alike: <c>["dotnet", "watch"]</c> → <c>dotnet watch</c>.</summary>
    /// <summary>Whether the command's words start with a Node.js package manager (the only start <see cref="PackageStart"/> matches).</summary>
    private static bool IsPackageManager(string words) =>
        words.StartsWith("npm ", StringComparison.Ordinal) || words.StartsWith("yarn ", StringComparison.Ordinal)
        || words.StartsWith("pnpm ", StringComparison.Ordinal) || words.StartsWith("bun ", StringComparison.Ordinal);

    private static string Words(StageInstruction command)
    {
        // The arguments blank-joined, with [ ] " , read as blanks, trimmed: built in one buffer, not a string per step.
        var arguments = command.Syntax.Arguments;
        int length = Math.Max(0, arguments.Count - 1);
        for (int i = 0; i < arguments.Count; i++)
        {
            length += arguments[i].Value.Length;
        }
        var chars = new char[length];
        int at = 0;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                chars[at++] = ' ';
            }
            string value = arguments[i].Value;
            for (int k = 0; k < value.Length; k++)
            {
                char c = value[k];
                chars[at++] = c is '[' or ']' or '"' or ',' ? ' ' : c;
            }
        }
        int start = 0, end = length;
        while (start < end && char.IsWhiteSpace(chars[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(chars[end - 1]))
        {
            end--;
        }
        return new string(chars, start, end - start);
    }

    /// <summary>
    /// The first word of a name that is in the set, or null. The words of a name: "Dockerfile.dev" → Dockerfile, dev;
    /// "deps-builder" → deps, builder.
    /// </summary>
    private static string? FirstWord(string name, string[] words)
    {
        // Each word compared in place with the few of its length (ordinal, ignoring case): a string is made only for the
        // word found, not for every word of every file and stage name.
        int start = 0;
        while (start <= name.Length)
        {
            // A plain scan: the names are short, and String.IndexOfAny cost more to set up than they take to read.
            int end = start;
            while (end < name.Length && name[end] is not ('.' or '-' or '_' or ' '))
            {
                end++;
            }
            int length = end - start;
            if (length > 0)
            {
                foreach (var word in words)
                {
                    if (word.Length == length && string.Compare(name, start, word, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        return name.Substring(start, length);
                    }
                }
            }
            start = end + 1;
        }
        return null;
    }

}
