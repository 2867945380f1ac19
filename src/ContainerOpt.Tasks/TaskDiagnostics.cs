using ContainerOpt.Core.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerOpt.Tasks;

/// <summary>
/// The one path from a finding to MSBuild's log, for every task: MSBuild's canonical form (file, line,
/// column, end line, end column, code, help link). NoWarn and WarningsAsErrors/WarningsNotAsErrors are
/// applied here as well as by MSBuild — here also to a finding's equivalents (NoWarn=SC2086 or DL3008), so older MSBuild versions (Visual Studio 2019) behave like the .NET
/// SDK's; -warnaserror and MSBuildTreatWarningsAsErrors are MSBuild's own and apply to these warnings as
/// to any other. TreatWarningsAsErrors (which MSBuild leaves to the compiler) is applied here, as NuGet
/// applies it to its NU warnings. Info findings are high-importance messages with their code.
/// </summary>
internal sealed class TaskDiagnostics
{
    private const string? Subcategory = null;
    private readonly TaskLoggingHelper _log;
    private readonly HashSet<string> _noWarn;
    private readonly HashSet<string> _asErrors;
    private readonly HashSet<string> _notAsErrors;
    private readonly bool _allAsErrors;

    public TaskDiagnostics(TaskLoggingHelper log, string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors = false)
    {
        _allAsErrors = treatWarningsAsErrors;
        _log = log;
        _noWarn = Codes(noWarn);
        _asErrors = Codes(warningsAsErrors);
        _notAsErrors = Codes(warningsNotAsErrors);
    }

    private static HashSet<string> Codes(string? list) => new(Analysis.Configuration.WarningSwitches.Names(list), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reports a coded problem about a whole file (no position: MSBuild prints <c>file : error CODE: …</c>).</summary>
    public void Report(DiagnosticDescriptor descriptor, string? file, params object?[] messageArgs) =>
        ReportMessage(descriptor, file, descriptor.FormatMessage(messageArgs));

    /// <summary>Reports a coded problem about a whole file with a message already written (an exception's, which says what happened).</summary>
    public void ReportMessage(DiagnosticDescriptor descriptor, string? file, string message) =>
        Report(new[] { new LoggedFinding(descriptor.Id, descriptor.DefaultSeverity, message, file ?? "", 0, 0, 0, 0, descriptor.HelpUri) });

    /// <summary>Reports findings of the libraries (analysis, image build, gates); a finding without a file is placed in <paramref name="defaultFile"/>.</summary>
    public ITaskItem[] Report(IEnumerable<Finding> findings, string defaultFile) => Report(findings.Select(f => LoggedFinding.From(f, defaultFile)));

    /// <summary>Logs each finding at its severity (after NoWarn and the warnings-as-errors switches) and returns them as items for the binlog.</summary>
    public ITaskItem[] Report(IEnumerable<LoggedFinding> findings) => Log(Apply(findings));

    /// <summary>
    /// The findings as the build reports them: without those NoWarn names (errors stay), warnings raised to errors by
    /// WarningsAsErrors/TreatWarningsAsErrors unless WarningsNotAsErrors names them. What the SARIF error log holds.
    /// </summary>
    public IReadOnlyList<LoggedFinding> Apply(IEnumerable<LoggedFinding> findings)
    {
        var reported = new List<LoggedFinding>();
        foreach (var f in findings)
        {
            if (f.Severity != DiagnosticSeverity.Error && f.IsNamedIn(_noWarn))
            {
                continue;
            }
            var severity = f.Severity;
            if (severity == DiagnosticSeverity.Warning && (_allAsErrors || f.IsNamedIn(_asErrors)) && !f.IsNamedIn(_notAsErrors))
            {
                severity = DiagnosticSeverity.Error;
            }
            reported.Add(f.WithSeverity(severity));
        }
        return reported;
    }

    /// <summary>Logs findings <see cref="Apply"/> has passed, each at its severity, and returns them as items for the binlog.</summary>
    public ITaskItem[] Log(IReadOnlyList<LoggedFinding> findings)
    {
        var items = new List<ITaskItem>();
        foreach (var f in findings)
        {
            var severity = f.Severity;
            switch (severity)
            {
                case DiagnosticSeverity.Error:
                    _log.LogError(Subcategory, f.Code, null, f.HelpLink, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message);
                    break;
                case DiagnosticSeverity.Warning:
                    _log.LogWarning(Subcategory, f.Code, null, f.HelpLink, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message);
                    break;
                case DiagnosticSeverity.Info:
                    _log.LogMessage(Subcategory, f.Code, null, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, MessageImportance.High, f.Message);
                    break;
                default:
                    // A suggestion: in the binlog and the findings items, not among the build's output.
                    _log.LogMessage(Subcategory, f.Code, null, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, MessageImportance.Low, f.Message);
                    break;
            }
            var item = new TaskItem(f.Code);
            item.SetMetadata("Severity", severity.ToText());
            item.SetMetadata("Message", f.Message);
            item.SetMetadata("File", f.File);
            item.SetMetadata("Line", f.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.SetMetadata("Column", f.Column.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.SetMetadata("EndLine", f.EndLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.SetMetadata("EndColumn", f.EndColumn.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.SetMetadata("HelpLink", f.HelpLink);
            item.SetMetadata("Equivalents", string.Join(";", f.Equivalents));
            items.Add(item);
        }
        return items.ToArray();
    }

    /// <summary>
    /// A coded info diagnostic as a message of the importance given rather than an Info finding's high
    /// importance: what a solution-wide build says once per project it passes over (COPT0017), seen at -v:n.
    /// </summary>
    public void Message(DiagnosticDescriptor descriptor, MessageImportance importance, string? file, params object?[] messageArgs) =>
        _log.LogMessage(Subcategory, descriptor.Id, null, file ?? "", 0, 0, 0, 0, importance, descriptor.FormatMessage(messageArgs));

    /// <summary>Progress and notes (not findings): <c>ContainerOpt: wrote …</c>.</summary>
    public void Note(MessageImportance importance, string format, params object?[] args) =>
        _log.LogMessage(importance, "ContainerOpt: " + format, args);
}
