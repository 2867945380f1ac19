namespace ContainerOpt.Core.Diagnostics;

/// <summary>
/// The rules that have a fixer (<c>containeropt fix</c>, <c>dotnet build -t:ContainerOptFix</c>) and what the fix does,
/// as <c>containeropt rules</c> and every help page's **Fix** line say it. The fixers live beside their rules in
/// ContainerOpt.Analysis; a test holds this table and them to each other.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static readonly Dictionary<string, string> Fixes = new(StringComparer.Ordinal)
    {
        ["COPT1100"] = "lower-cases the stage name, and every `FROM`, `--from` and mount `from=` that names it in another case.",
        ["COPT1101"] = "writes `AS` in the case of its `FROM`.",
        ["COPT1103"] = "writes the keyword in the case most keywords of the file use.",
        ["COPT1106"] = "writes the command in exec form (`[\"dotnet\", \"Api.dll\"]`, a leading `exec` dropped) when the shell does nothing for it: one command of plain words (quotes are fine), no variable, glob, operator, redirection or comment. Not made for an ENTRYPOINT whose stage (or a stage built on it) sets a CMD, which would become its arguments; nor for a CMD an ENTRYPOINT would receive; nor on Windows stages. When the shell does something for it (variables, a glob, `&&`), it puts `exec` before the last command instead (`CMD exec dotnet app.dll --port $PORT`, `CMD ./migrate && exec ./serve`), so the expansion stays and the command gets the signals; not for a pipeline, `||` or `&`.",
        ["COPT1107"] = "replaces `MAINTAINER name` with `LABEL org.opencontainers.image.authors=\"name\"` (unless the stage already sets that label).",
        ["COPT1109"] = "makes the path absolute where the working directory before it is known (on `scratch`: `/`); on an image the base image's WORKDIR is unknown, and the finding is left.",
        ["COPT1112"] = "writes `key=value`, quoting a value that has blanks.",
        ["COPT2000"] = "joins the path to the absolute WORKDIR before it in the stage (or a stage it is built on); the first WORKDIR on an image is left.",
        ["COPT2009"] = "ends the same RUN with `rm -rf /var/lib/apt/lists/*`.",
        ["COPT2014"] = "adds `-y` after `apt-get install`.",
        ["COPT2015"] = "adds `--no-install-recommends` after `apt-get install`.",
        ["COPT2019"] = "adds `--no-cache` after `apk add`.",
        ["COPT2020"] = "writes `COPY` for `ADD` when every source is a plain local file or folder (a URL, git address or archive, or `--checksum`/`--keep-git-dir`/`--unpack`, keeps the `ADD`).",
        ["COPT2025"] = "writes the command in exec form when the shell does nothing for it (as COPT1106's fix; not inside ONBUILD).",
        ["COPT2030"] = "adds `-y` after the yum install verb.",
        ["COPT2032"] = "ends the same RUN with `yum clean all`.",
        ["COPT2034"] = "adds zypper's global `--non-interactive` after `zypper`.",
        ["COPT2036"] = "ends the same RUN with `zypper clean -a`.",
        ["COPT2038"] = "adds `-y` after the dnf install verb.",
        ["COPT2040"] = "ends the same RUN with `dnf clean all` (`microdnf clean all`).",
        ["COPT2042"] = "adds `--no-cache-dir` after `pip install`.",
        ["COPT2059"] = "joins the RUN into the one before it with `&&`, each keeping its lines.",
        ["COPT2060"] = "ends the same RUN with `yarn cache clean`.",
        ["COPT3004"] = "in every RUN the finding names: ends it with the cleanup (`rm -rf /var/lib/apt/lists/*`, `apt-get clean`, `yum clean all`, `dnf clean all`, `zypper clean -a`, `npm cache clean --force`, `yarn cache clean`), or adds the flag (`apk add --no-cache`, `pip install --no-cache-dir`, `uv --no-cache`, `gem install --no-document`). The NuGet cache is left: a later restore or publish reads it.",
        ["COPT3005"] = "moves the update into the RUN that installs next (`apt-get update && apt-get install …`) and deletes its own RUN, when only ENV, ARG, LABEL or EXPOSE stand between them and both RUNs have the same flags.",
        ["COPT3006"] = "joins the RUNs into the first with `&&`, each keeping its lines and the comments between them (blank lines between them go: an empty continuation line is deprecated).",
        ["COPT4001"] = "changes the tag to the version the project's framework needs, keeping the variant (`sdk:6.0` → `sdk:10.0`, `aspnet:8.0-alpine` → `aspnet:10.0-alpine`).",
        ["COPT4002"] = "changes the image to the kind the app needs (aspnet, runtime or runtime-deps), keeping the tag.",
        ["COPT4003"] = "splits the stage: the SDK stage is named (`AS build`) and after its `dotnet publish -o DIR` comes a final stage `FROM` the runtime image the rule names, `WORKDIR /app`, `COPY --from=build DIR .`, the stage's ENV, EXPOSE and LABEL lines, and what followed the publish (USER, ENTRYPOINT, CMD), the ENTRYPOINT's dll under /app. Only for a framework-dependent app that publishes to a known folder and starts `[\"dotnet\", \"DIR/App.dll\"]`, with no RUN, COPY or WORKDIR after the publish.",
        ["COPT4005"] = "copies the project file and the restore inputs first, then moves the broad COPY after `dotnet restore`, when nothing between them needs the sources and the restore finds the project.",
        ["COPT4006"] = "copies the missing restore inputs before the restore, where the project file's COPY puts the build context.",
        ["COPT4009"] = "adds `--no-restore` after `dotnet publish`, when the restore asked for the same runtime (`-r`, `--arch`, `--os`, `--self-contained`).",
        ["COPT4011"] = "writes the project's output name (`Api.dll`), keeping the path before it.",
        ["COPT4012"] = "exposes the ports the app listens on instead; a port left over is removed (an EXPOSE with none left goes).",
        ["COPT4013"] = "adds `USER $APP_UID` to the final stage, after its last RUN.",
    };

    /// <summary>What the rule's fixer does, as the help page's **Fix** line says it; null for a rule without one.</summary>
    public static string? FixOf(DiagnosticDescriptor descriptor) => Fixes.TryGetValue(descriptor.Id, out var fix) ? fix : null;

    /// <summary>True when <c>containeropt fix</c> can fix the rule's findings.</summary>
    public static bool IsFixable(DiagnosticDescriptor descriptor) => Fixes.ContainsKey(descriptor.Id);

    /// <summary>The help page's **Fix** line, or null for a rule without a fixer (its page has none).</summary>
    public static string? FixLine(DiagnosticDescriptor descriptor) => FixOf(descriptor) is { } fix
        ? "**Fix:** `containeropt fix` (and `dotnet build -t:ContainerOptFix`) " + fix + " ([how fixing works](../fixes.md))"
        : null;
}
