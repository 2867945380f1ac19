using ContainerOpt.Core.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerOpt.Tasks;

/// <summary>
/// Logs findings in MSBuild's canonical form (file, line, column, end line, end column, code, help
/// link). NoWarn and WarningsAsErrors/WarningsNotAsErrors are applied here as well as by MSBuild, so
/// older MSBuild versions (Visual Studio 2019) behave like the .NET SDK's; -warnaserror and
/// MSBuildTreatWarningsAsErrors are MSBuild's own and apply to these warnings as to any other.
/// TreatWarningsAsErrors (which MSBuild leaves to the compiler) is applied here, as NuGet applies it
/// to its NU warnings: a project that treats warnings as errors gets ContainerOpt's as errors too.
/// </summary>
internal sealed class FindingLogger
{
    private const string? Subcategory = null;
    private readonly TaskLoggingHelper _log;
    private readonly HashSet<string> _noWarn;
    private readonly HashSet<string> _asErrors;
    private readonly HashSet<string> _notAsErrors;
    private readonly bool _allAsErrors;

    public FindingLogger(TaskLoggingHelper log, string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors = false)
    {
        _allAsErrors = treatWarningsAsErrors;
        _log = log;
        _noWarn = Codes(noWarn);
        _asErrors = Codes(warningsAsErrors);
        _notAsErrors = Codes(warningsNotAsErrors);
    }

    private static HashSet<string> Codes(string? list) =>
        new((list ?? "").Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    public ITaskItem[] Log(IEnumerable<LoggedFinding> findings)
    {
        var items = new List<ITaskItem>();
        foreach (var f in findings)
        {
            if (f.Severity != DiagnosticSeverity.Error && _noWarn.Contains(f.Code))
            {
                continue;
            }
            var severity = f.Severity;
            if (severity == DiagnosticSeverity.Warning && (_allAsErrors || _asErrors.Contains(f.Code)) && !_notAsErrors.Contains(f.Code))
            {
                severity = DiagnosticSeverity.Error;
            }
            switch (severity)
            {
                case DiagnosticSeverity.Error:
                    _log.LogError(Subcategory, f.Code, null, f.HelpLink, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message);
                    break;
                case DiagnosticSeverity.Warning:
                    _log.LogWarning(Subcategory, f.Code, null, f.HelpLink, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message);
                    break;
                default:
                    _log.LogMessage(Subcategory, f.Code, null, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, MessageImportance.High, f.Message);
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
            items.Add(item);
        }
        return items.ToArray();
    }
}
