using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>A source of COPY/ADD: its token and its value, unquoted, with ARG/ENV expanded.</summary>
public readonly struct CopySource
{
    internal CopySource(SyntaxToken token, string value, bool isHeredoc, bool isExpanded)
    {
        Token = token;
        Value = value;
        IsHeredoc = isHeredoc;
        IsExpanded = isExpanded;
        // Told once here: the size and context rules ask these of every source several times (the struct stays 24 bytes).
        IsUrl = !isHeredoc && RemoteSources.IsRemote(value);
        IsWholeContext = !isHeredoc && !IsUrl && CleansToWholeContext(value);
    }

    public SyntaxToken Token { get; }

    /// <summary>The source unquoted, ARG/ENV expanded (as written when a variable cannot be expanded).</summary>
    public string Value { get; }

    public bool IsHeredoc { get; }

    /// <summary>False when a variable in the source could not be expanded: <see cref="Value"/> is then as written.</summary>
    public bool IsExpanded { get; }

    public bool IsUrl { get; }

    public bool IsGitUrl => !IsHeredoc && RemoteSources.IsGitUrl(Value);

    /// <summary>The whole build context: <c>.</c>, <c>./</c>, <c>/</c>, <c>*</c>, <c>./*</c>, <c>**</c>.</summary>
    public bool IsWholeContext { get; }

    /// <summary>
    /// A directory rather than a file: ends with '/', or its last segment has no extension and does
    /// not look like a well-known extension-less file (Gemfile, Makefile, LICENSE ...).
    /// </summary>
    public bool IsDirectoryLike
    {
        get
        {
            if (IsHeredoc || IsUrl) return false;
            string value = Value;
            if (IsWholeContext || value.EndsWith("/", StringComparison.Ordinal)) return true;
            // No trailing '/' here: the base name is what follows the last '/', read in place (a string is made only for a
            // name without an extension, to look up).
            int start = value.LastIndexOf('/') + 1;
            int length = value.Length - start;
            if (length == 0 || PathGlob.IsGlob(value, start)) return false;
            if (length > 1 && value.IndexOf('.', start + 1) >= 0) return false;
            string name = start == 0 ? value : value.Substring(start);
            return !ExtensionlessFiles.Contains(name) && !(char.IsUpper(name[0]) && name.ToUpperInvariant() == name);
        }
    }

    public override string ToString() => Value;

    /// <summary>
    /// True when the path cleaned is <c>.</c>, <c>/</c>, <c>*</c>, <c>**</c>, <c>/*</c> or <c>/**</c>, told without cleaning it
    /// (asked of every source several times): without a ".." segment, cleaning only drops empty and "." segments, so the path is
    /// one of those when no segment is left, or one that is <c>*</c> or <c>**</c>.
    /// </summary>
    private static bool CleansToWholeContext(string value)
    {
        if (HasParentSegment(value))
        {
            string cleaned = LayerPaths.Clean(value);
            return cleaned is "." or "/" or "*" or "**" or "/*" or "/**";
        }
        int kept = 0, start = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && value[i] != '/')
            {
                // A segment that starts with another character than '.' or '*' is a name kept: most sources, told at their
                // first character.
                if (i == start && value[i] is not ('.' or '*'))
                {
                    return false;
                }
                continue;
            }
            int length = i - start;
            if (length > 0 && !(length == 1 && value[start] == '.'))
            {
                bool stars = length <= 2 && value[start] == '*' && value[i - 1] == '*';
                if (!stars || ++kept > 1)
                {
                    return false;
                }
            }
            start = i + 1;
        }
        return true;
    }

    private static bool HasParentSegment(string value)
    {
        // From dot to dot (a vectorized search), not character by character: most sources have a dot or two, in an extension.
        for (int i = value.IndexOf('.'); i >= 0 && i + 1 < value.Length; i = value.IndexOf('.', i + 1))
        {
            if (value[i + 1] == '.' && (i == 0 || value[i - 1] == '/') && (i + 2 == value.Length || value[i + 2] == '/'))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly HashSet<string> ExtensionlessFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Gemfile", "Pipfile", "Makefile", "GNUmakefile", "Dockerfile", "Containerfile", "Procfile", "Rakefile", "Jenkinsfile",
        "Brewfile", "Podfile", "Vagrantfile", "Justfile", "LICENSE", "README", "VERSION", "CHANGELOG", "NOTICE", "gradlew", "mvnw",
        // Configuration dot-files, which have no extension after their leading dot (folders such as .mvn/ or .yarn/ do not
        // look like these): copying one is copying one small file, not a folder.
        ".editorconfig", ".gitattributes", ".gitignore", ".gitmodules", ".dockerignore", ".env", ".npmrc", ".yarnrc", ".nvmrc",
        ".node-version", ".babelrc", ".eslintrc", ".prettierrc", ".browserslistrc", ".python-version", ".ruby-version",
        ".tool-versions", ".bowerrc", ".pylintrc", ".flake8", ".rspec",
    };
}

/// <summary>COPY and ADD as the size rules read them.</summary>
public sealed class CopyInstruction
{
    private CopyInstruction(StageInstruction instruction, InstructionSyntax syntax, IReadOnlyList<CopySource> sources, SyntaxToken destination, string destinationValue, string? from)
    {
        Instruction = instruction;
        Syntax = syntax;
        Sources = sources;
        Destination = destination;
        DestinationValue = destinationValue;
        From = from;
    }

    public StageInstruction Instruction { get; }

    /// <summary>The COPY/ADD (inside ONBUILD when it is a trigger).</summary>
    public InstructionSyntax Syntax { get; }

    public bool IsAdd => Syntax.Kind == InstructionKind.Add;

    public bool IsOnbuild => !ReferenceEquals(Instruction.Syntax, Syntax);

    public IReadOnlyList<CopySource> Sources { get; }

    public SyntaxToken Destination { get; }

    /// <summary>The destination unquoted and expanded.</summary>
    public string DestinationValue { get; }

    /// <summary>The <c>--from</c> value, or null when the sources come from the build context.</summary>
    public string? From { get; }

    /// <summary>True when the sources are the build context's (no <c>--from</c>; URLs and heredocs aside).</summary>
    public bool FromContext => From is null;

    /// <summary>The destination is a directory: it ends with '/' or several sources go into it.</summary>
    public bool DestinationIsDirectory => DestinationValue.EndsWith("/", StringComparison.Ordinal) || Sources.Count > 1 || DestinationValue is "." or "./";

    internal static CopyInstruction? Read(StageInstruction instruction, DockerfileModel model)
    {
        var syntax = instruction.Syntax.Effective;
        if (syntax.Kind is not (InstructionKind.Copy or InstructionKind.Add) || syntax.Arguments.Count < 2)
        {
            return null;
        }
        bool hasHeredocs = syntax.Heredocs.Count > 0; // a '<<' source is a heredoc only when the instruction has one
        var args = syntax.Arguments;
        var sources = new CopySource[args.Count - 1]; // the count is known: an array, no list around it (every COPY of every file)
        for (int i = 0; i < sources.Length; i++)
        {
            string raw = args[i].Value;
            bool heredoc = hasHeredocs && raw.StartsWith("<<", StringComparison.Ordinal);
            bool expanded = true;
            sources[i] = new CopySource(args[i], heredoc ? raw : Expand(raw, instruction, model, out expanded), heredoc, expanded);
        }
        var destination = args[args.Count - 1];
        string? from = syntax.Kind == InstructionKind.Copy ? syntax.FindFlag("from")?.Value : null;
        return new CopyInstruction(instruction, syntax, sources, destination, Expand(destination.Value, instruction, model, out _), from);
    }

    private static string Expand(string raw, StageInstruction instruction, DockerfileModel model, out bool expanded)
    {
        string value = LayerPaths.Unquote(raw);
        expanded = true;
        if (value.IndexOf('$') < 0)
        {
            return value;
        }
        var result = model.Expand(instruction, value);
        expanded = result.Success;
        return result.Success ? result.Result : value;
    }
}
