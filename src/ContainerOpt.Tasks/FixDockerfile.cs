using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Core.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerOpt.Tasks;

/// <summary>
/// <c>dotnet build -t:ContainerOptFix</c>: fixes the project's Dockerfile with the project's facts and writes it in place,
/// atomically. A thin adapter over <see cref="DockerfileFixEngine"/> and <see cref="FixedFileWriter"/>: every fix made and
/// every finding left is a high-importance message with its code at its line (<c>Dockerfile(1): message COPT4001: fixed dotnet-version-mismatch: Use …</c>, <c>… message COPT4003: left sdk-in-final-stage: no automatic fix</c>); a file
/// that does not parse (COPT0030) or cannot be written as read (COPT0031) is an error.
/// </summary>
public sealed class FixDockerfile : ProjectTask
{
    [Required]
    public string Dockerfile { get; set; } = "";

    /// <summary>True when the path is the default (Dockerfile beside the project): a missing file is then only a note.</summary>
    public bool DockerfileIsDefault { get; set; }

    public string? Context { get; set; }
    public string? ConfigFile { get; set; }
    public string? AnalysisMode { get; set; }

    /// <summary>$(ContainerOptFixRules): codes, names or equivalents separated by ';' or ','; empty: what the mode shows.</summary>
    public string? Rules { get; set; }

    /// <summary>The fixes made: item spec the code, metadata Line (in the file as it was), Title.</summary>
    [Output]
    public ITaskItem[] Fixed { get; private set; } = Array.Empty<ITaskItem>();

    protected override string? SubjectFile => Dockerfile;

    protected override void Run()
    {
        string dockerfile = Path.GetFullPath(Dockerfile);
        if (!File.Exists(dockerfile))
        {
            if (DockerfileIsDefault)
            {
                Diagnostics.Note(MessageImportance.High, "no Dockerfile at {0}; nothing to fix.", dockerfile);
                return;
            }
            Diagnostics.Report(new[] { DockerfileInput.FileProblem(DiagnosticCatalog.FileNotFound, dockerfile, dockerfile) }, dockerfile);
            return;
        }
        Core.Diagnostics.AnalysisMode? mode = null;
        if (PropertyValues.Blank(AnalysisMode) is { } modeText)
        {
            if (!AnalysisModeText.TryParse(modeText, out var parsed))
            {
                Diagnostics.Report(DiagnosticCatalog.InvalidConfiguration, null, "ContainerOptAnalysisMode",
                    $"'{modeText}' is not a mode; use recommended, minimum, all or hadolint.");
                return;
            }
            mode = parsed;
        }
        var rules = (Rules ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        foreach (var rule in rules.Where(r => DiagnosticCatalog.Find(r) is null))
        {
            Diagnostics.Report(DiagnosticCatalog.InvalidConfiguration, null, "ContainerOptFixRules",
                $"'{rule}' names no rule; use a code (COPT4001), a name (dotnet-version-mismatch) or an equivalent (DL3025).");
        }
        if (Log.HasLoggedErrors)
        {
            return;
        }
        var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(dockerfile)
        {
            Context = Context,
            ConfigFile = ConfigFile,
            Mode = mode,
            Project = BuildProjectModel(),
        });
        Diagnostics.Report(loaded.Problems, dockerfile);
        if (loaded.Input is not { } input)
        {
            return;
        }
        var result = new DockerfileFixEngine().Fix(input, new FixSelection(rules));
        if (result.NotFixed is { } notFixed)
        {
            Diagnostics.Report(new[] { notFixed }, dockerfile);
            return;
        }
        if (result.Changed && FixedFileWriter.Write(loaded.Dockerfile, result.OriginalText, result.FixedText) is { } notWritten)
        {
            Diagnostics.Report(new[] { notWritten }, dockerfile);
            return;
        }
        var items = new List<ITaskItem>();
        foreach (var fix in result.Fixed)
        {
            Log.LogMessage(null, fix.Code, null, dockerfile, fix.Line, 0, 0, 0, MessageImportance.High, "fixed {0}: {1}", fix.Finding.Descriptor.Name, fix.Title);
            var item = new TaskItem(fix.Code);
            item.SetMetadata("Line", fix.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.SetMetadata("Title", fix.Title);
            items.Add(item);
        }
        foreach (var left in result.Left)
        {
            Log.LogMessage(null, left.Code, null, dockerfile, left.Line, 0, 0, 0, MessageImportance.High, "left {0}: {1}", left.Finding.Descriptor.Name, left.ReasonText);
        }
        Fixed = items.ToArray();
        Diagnostics.Note(MessageImportance.High, "fixed {0} finding(s) in {1}; {2} left", result.Fixed.Count, dockerfile, result.Left.Count);
    }
}
