using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// The final image keeps build tools: it is based on a toolchain image (.NET SDK, golang, rust, gcc,
/// buildpack-deps, maven, gradle, openjdk), or a RUN of the final stage or a stage it is built on
/// installs compilers and headers (build-essential, gcc, make, cmake, *-dev, *-devel, JDKs, SDKs ...)
/// that no later command removes, or installs a Node.js project's devDependencies (<c>npm ci</c> /
/// <c>npm install</c> / <c>yarn install</c> without <c>--omit=dev</c> / <c>--production</c>, NODE_ENV
/// not production, no <c>npm prune</c> after). Build stages are not checked: that is where tools belong; nor are
/// dev containers and SSH dev boxes, build environments, test runners and base images (<see cref="ImagePurpose"/>), whose tools
/// are the point. Build tools several RUNs leave are one finding, at the first, naming the other RUNs' lines.
/// <para>
/// package.json is not read (the context is known only by which paths exist), so the devDependencies finding is worded
/// as the condition it is. Its flag is the one the image's npm knows: <c>--omit=dev</c> from npm 7 (node 15),
/// <c>--production</c> before; both when the node version is not in the tag.
/// </para>
/// <para>
/// In a .NET image (a .NET base image, or one whose ENTRYPOINT/CMD starts <c>dotnet</c> or <c>dnx</c>) no <c>*-dev</c> /
/// <c>*-devel</c> package is reported: P/Invoke loads the unversioned <c>libX.so</c> that on Debian and Ubuntu only the
/// -dev package installs (<c>libsqlite3-dev</c> for Microsoft.Data.Sqlite), so there it can be a run-time dependency.
/// Compilers and build tools by name (gcc, make, build-essential ...) are still reported.
/// </para>
/// <para>
/// On a full official language image built on buildpack-deps (<c>ruby:3.3</c>, <c>python:3.12</c>, <c>node:22</c>: see
/// <see cref="BuildpackDeps"/>) the apt packages the base already holds (gcc, make, libpq-dev ...) are not reported: installing
/// them adds next to nothing and removing them cannot shrink the image. A package the base does not hold still is.
/// </para>
/// </summary>
public sealed class COPT3008BuildToolsInFinalImage : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.BuildToolsInFinalImage;

    public override void Analyze(RuleContext context)
    {
        if (context.Model.FinalStage is not { } final)
        {
            return;
        }
        // The image's purpose is worked out only before a finding (IsApplication below): it costs more than the rest of the
        // rule, and in most files no rule that needs it has anything to report, so it is never worked out.
        bool? isApplication = null;
        var root = BaseImages.RootImage(context.Facts, final);
        if (root is { } based && BaseImages.Toolchain(based.Image) is { } toolchain)
        {
            if (!IsApplication(context, ref isApplication))
            {
                return;
            }
            context.Report(based.Token.Span, $"The final image is based on '{based.Image}', which carries {toolchain.Carries}", $" ({toolchain.Instead})");
        }

        // Every package-manager call of the final stage's chain, in build order (loops, not LINQ: this runs for every file).
        var steps = context.RunSteps;
        bool? runsDotNet = null; // asked only when a -dev package is installed
        var rootImage = root?.Image;
        // Counted first: a file without an install (most) makes no list, and the others an array of the right size.
        var chain = final.Chain;
        int count = ChainCalls(chain, steps, null, out bool anyInstall);
        if (!anyInstall)
        {
            return;
        }
        var calls = new ChainCall[count];
        ChainCalls(chain, steps, calls, out _);
        List<(TextSpan Span, List<string> Names, RunStep Step)>? left = null; // the tools each install leaves, in build order
        for (int i = 0; i < calls.Length; i++)
        {
            var (step, index, call) = calls[i];
            if (call.Op != PackageOp.Install)
            {
                continue;
            }
            var at = step.Commands[index];
            if (call.Manager is "apt" or "apk" or "yum" or "dnf" or "zypper")
            {
                if (BuildPackages(call) is not { } tools)
                {
                    continue; // (most installs)
                }
                if (call.Manager == "apt" && rootImage is not null)
                {
                    // a full language image on buildpack-deps holds them already: the install adds nothing, a removal frees nothing
                    RemoveHeld(tools, rootImage);
                }
                if (tools.Any(t => ToolchainPackages.IsHeaderPackage(PackageManagers.StripVersion(t.Value))) && (runsDotNet ??= RunsDotNet(context, final)))
                {
                    tools.RemoveAll(t => ToolchainPackages.IsHeaderPackage(PackageManagers.StripVersion(t.Value)));
                }
                if (tools.Count == 0 || RemovedLater(calls, i, call, tools))
                {
                    continue;
                }
                (left ??= new()).Add((at.Script.SpanOf(tools[0]), tools.Select(t => "'" + PackageManagers.StripVersion(t.Value) + "'").Distinct().ToList(), step));
            }
            else if (call.Manager is "npm" or "yarn" && InstallsDevDependencies(call, step, at) && !PrunedLater(calls, i))
            {
                if (!IsApplication(context, ref isApplication))
                {
                    return;
                }
                context.Report(at.Script.NameSpanOf(call.Command), $"'{call.Display}' in the final image installs devDependencies too, if package.json has any",
                    $", or install only production dependencies here ({ProductionInstall(call, context, final)})");
            }
        }
        // A container that starts a build driver (ENTRYPOINT ["make", "build-start"]) uses the tools when it runs: none can go.
        if (left is not null && !(final.StartProgram() is { } program && ToolchainPackages.IsBuildProgram(program)) && IsApplication(context, ref isApplication))
        {
            ReportLeft(context, final, left);
        }
    }

    /// <summary>
    /// Whether the image is an application's (build environments, dev containers and base images are not checked), asked of
    /// the facts once, when the rule is about to report.
    /// </summary>
    private static bool IsApplication(RuleContext context, ref bool? isApplication) =>
        isApplication ??= context.Facts.Purpose.IsApplication;

    /// <summary>
    /// One finding for the build tools every RUN leaves, at the first (one habit to change, as COPT3004 does): it names that
    /// RUN's tools and the lines of the other RUNs. Removing them at the end of that RUN is offered only when no later RUN
    /// may use them; else they go after the last such command, in one RUN with the install (a later RUN's removal leaves
    /// their bytes in the install's layer), or, when that command is in another stage, only a build stage helps.
    /// </summary>
    private static void ReportLeft(RuleContext context, Stage final, List<(TextSpan Span, List<string> Names, RunStep Step)> left)
    {
        var (span, names, step) = left[0];
        int line = step.Line;
        var lines = new List<int>();
        var others = new List<TextSpan>();
        for (int i = 1; i < left.Count; i++)
        {
            others.Add(left[i].Span);
            if (left[i].Step.Line != line && !lines.Contains(left[i].Step.Line))
            {
                lines.Add(left[i].Step.Line);
            }
        }
        string also = lines.Count == 0 ? "" : $"; the {(lines.Count == 1 ? "RUN on line" : "RUNs on lines")} {Prose.And(lines)} {(lines.Count == 1 ? "leaves" : "leave")} build tools too";
        string them = names.Count == 1 ? "it" : "them";
        string removal = LastUseAfter(context.RunSteps, final, step) switch
        {
            null => $", or remove {them} at the end of the same RUN",
            var (user, what) when ReferenceEquals(user.Stage, step.Stage) =>
                $", or remove {them} in one RUN with the install, after the last command that may use {them} ('{what}' on line {user.Line}): merge the RUNs up to line {user.Line}",
            _ => "",
        };
        context.ReportAlsoAt(span, others, $"{Prose.And(names)} {(names.Count == 1 ? "is" : "are")} installed in the final image and never removed",
            removal + also);
    }

    /// <summary>
    /// The last RUN after <paramref name="install"/> in the final stage's chain with a command that may use build tools
    /// (<see cref="ToolchainPackages.BuildToolUse"/>), and what its first such command runs; null when there is none.
    /// </summary>
    private static (RunStep Step, string What)? LastUseAfter(RunSteps steps, Stage final, RunStep install)
    {
        (RunStep, string)? last = null;
        bool after = false;
        foreach (var instruction in final.ChainInstructions)
        {
            if (steps.Find(instruction) is not { IsOnbuild: false } step)
            {
                continue;
            }
            if (!after)
            {
                after = ReferenceEquals(step, install);
                continue;
            }
            foreach (var at in step.Commands)
            {
                if (ToolchainPackages.BuildToolUse(at.Command, step.CallAt(at)) is { } what)
                {
                    last = (step, what);
                    break;
                }
            }
        }
        return last;
    }

    /// <summary>A package-manager call of the final stage's chain: its step, its place in the step's commands, the call.</summary>
    private readonly record struct ChainCall(RunStep Step, int Index, PackageCall Call);

    /// <summary>
    /// Removes the packages the root image holds already. (A method of its own: a lambda over the image in Analyze made its
    /// closure for every file.)
    /// </summary>
    private static void RemoveHeld(List<ShellWord> tools, ImageReference rootImage) =>
        tools.RemoveAll(t => BuildpackDeps.Holds(rootImage, PackageManagers.StripVersion(t.Value)));

    /// <summary>The build packages an install names (its operands as written), or null when it names none.</summary>
    private static List<ShellWord>? BuildPackages(PackageCall call)
    {
        List<ShellWord>? tools = null;
        var operands = call.Operands;
        for (int i = 0; i < operands.Count; i++)
        {
            if (ToolchainPackages.IsBuildPackage(PackageManagers.StripVersion(operands[i].Value)))
            {
                (tools ??= new List<ShellWord>()).Add(operands[i]);
            }
        }
        return tools;
    }

    private static bool RemovedLater(ChainCall[] calls, int install, PackageCall call, List<ShellWord> tools)
    {
        for (int j = install + 1; j < calls.Length; j++)
        {
            if (Removes(calls[j].Call, call, tools))
            {
                return true;
            }
        }
        return false;
    }

    private static bool PrunedLater(ChainCall[] calls, int install)
    {
        for (int j = install + 1; j < calls.Length; j++)
        {
            if (calls[j].Call is { Manager: "npm", Display: "npm prune" })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The final image runs .NET: its root image is a .NET image (or <c>microsoft/aspnet</c>, the ASP.NET 5 / DNX images),
    /// or its last ENTRYPOINT (else CMD) starts <c>dotnet</c> or <c>dnx</c>.
    /// </summary>
    private static bool RunsDotNet(RuleContext context, Stage final)
    {
        // The .NET image the facts read from the root's FROM once, not another parse of its text.
        if (BaseImages.RootImage(context.Facts, final) is { } root
            && (context.Facts.DotNetBaseImageOf(final) is not null || root.Image.IsOfficial("microsoft/aspnet")))
        {
            return true;
        }
        StageInstruction? start = null;
        foreach (var instruction in final.ChainInstructions)
        {
            if (instruction.Kind == InstructionKind.Entrypoint || (instruction.Kind == InstructionKind.Cmd && start?.Kind != InstructionKind.Entrypoint))
            {
                start = instruction;
            }
        }
        if (start is null)
        {
            return false;
        }
        var words = start.Syntax.Arguments;
        int first = words.Count > 0 && words[0].Value == "exec" ? 1 : 0;
        if (first >= words.Count)
        {
            return false;
        }
        string program = words[first].Value;
        program = program.Substring(program.LastIndexOf('/') + 1);
        return program is "dotnet" or "dnx";
    }

    /// <summary>The production-only form of the install, with the flag the image's npm knows (yarn 1: <c>--production</c>).</summary>
    private static string ProductionInstall(PackageCall call, RuleContext context, Stage final)
    {
        if (call.Manager != "npm")
        {
            return $"'{call.Display} --production'";
        }
        int? node = BaseImages.RootImage(context.Facts, final) is { } root ? BaseImages.NodeMajor(root.Image) : null;
        return node switch
        {
            >= 15 => $"'{call.Display} --omit=dev'",
            not null => $"'{call.Display} --production': node {node} comes with an npm older than 7, which ignores --omit=dev",
            null => $"'{call.Display} --omit=dev' on npm 7 and later, '{call.Display} --production' on npm 6 and older",
        };
    }

    /// <summary>A later removal of the tools: by name, by apk virtual name, or an autoremove / purge of variables.</summary>
    private static bool Removes(PackageCall removal, PackageCall install, List<ShellWord> tools)
    {
        if (removal.Op != PackageOp.Remove || removal.Manager != install.Manager)
        {
            return false;
        }
        var names = new HashSet<string>(removal.PackageNames, StringComparer.Ordinal);
        if (names.Count == 0 || removal.Operands.Any(o => o.HasExpansion))
        {
            return true; // autoremove, purge $buildDeps
        }
        if (install.Command.FlagValue("virtual", "t") is { } virtualName && names.Contains(virtualName))
        {
            return true;
        }
        return tools.Any(t => names.Contains(PackageManagers.StripVersion(t.Value)));
    }

    private static bool InstallsDevDependencies(PackageCall call, RunStep step, StepCommand at)
    {
        var command = call.Command;
        if (command.HasFlag("g", "global") || call.Display.Contains("global", StringComparison.Ordinal))
        {
            return false;
        }
        if (call.Manager == "npm")
        {
            if (call.Operands.Count > 0 || call.Display is "npm update" or "npm up" or "npm upgrade" or "npm udpate")
            {
                return false;
            }
            if (command.HasFlag("production") || command.FlagValue("omit") == "dev" || (command.FlagValue("only") ?? "").StartsWith("prod", StringComparison.Ordinal))
            {
                return false;
            }
            if (PackageCaches.IsTruthy(step.EnvironmentValue("npm_config_production", at)) || step.EnvironmentValue("NPM_CONFIG_OMIT", at) == "dev"
                || step.EnvironmentValue("npm_config_omit", at) == "dev")
            {
                return false;
            }
        }
        else
        {
            if (call.Display is not ("yarn" or "yarn install") || command.HasFlag("production", "prod"))
            {
                return false;
            }
            if (call.Display == "yarn workspaces focus")
            {
                return false;
            }
        }
        return step.EnvironmentValue("NODE_ENV", at) != "production";
    }

    /// <summary>
    /// The package-manager calls of the final stage's chain in build order (ONBUILD triggers and non-POSIX shells left
    /// out): counted when <paramref name="into"/> is null, else written into it; whether any installs.
    /// </summary>
    private static int ChainCalls(ArrayView<Stage> chain, RunSteps steps, ChainCall[]? into, out bool anyInstall)
    {
        int count = 0;
        anyInstall = false;
        // Each stage's POSIX steps taken from the file's, in file order (the stage's instruction order): a file has a few RUNs
        // and many more instructions, which would each be looked up.
        var posix = steps.Posix;
        for (int s = 0; s < chain.Count; s++)
        {
            var stage = chain[s];
            for (int i = 0; i < posix.Count; i++)
            {
                var step = posix[i];
                if (!ReferenceEquals(step.Stage, stage) || step.IsOnbuild)
                {
                    continue;
                }
                var stepCalls = step.Calls;
                for (int k = 0; k < stepCalls.Count; k++)
                {
                    if (stepCalls[k] is { } call)
                    {
                        if (into is not null)
                        {
                            into[count] = new ChainCall(step, k, call);
                        }
                        count++;
                        anyInstall |= call.Op == PackageOp.Install;
                    }
                }
            }
        }
        return count;
    }
}
