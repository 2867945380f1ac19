using ContainerOpt.Core.Diagnostics;
using Microsoft.Build.Framework;

namespace ContainerOpt.Tasks;

/// <summary>
/// Base of every ContainerOpt task: the warning switches every task obeys, the one diagnostics path
/// (<see cref="Diagnostics"/>), and the guarantee that nothing escapes as MSB4018: an exception the task
/// does not turn into a coded finding itself becomes COPT0009 with what to do.
/// </summary>
public abstract class ContainerOptTask : Microsoft.Build.Utilities.Task
{
    private TaskDiagnostics? _diagnostics;

    public string? NoWarn { get; set; }
    public string? WarningsAsErrors { get; set; }
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>$(TreatWarningsAsErrors): every finding that is a warning becomes an error, except those in WarningsNotAsErrors (as NuGet does).</summary>
    public bool TreatWarningsAsErrors { get; set; }

    internal TaskDiagnostics Diagnostics => _diagnostics ??= new TaskDiagnostics(Log, NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);

    /// <summary>The file a problem of the whole task is reported at (the project, else the Dockerfile).</summary>
    protected abstract string? SubjectFile { get; }

    public sealed override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception e)
        {
            if (Describe(e) is { } known)
            {
                Diagnostics.ReportMessage(known.Descriptor, SubjectFile, known.Message);
            }
            else
            {
                Diagnostics.Report(DiagnosticCatalog.InternalError, SubjectFile, SubjectFile, e.GetType().Name + ": " + e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    protected abstract void Run();

    /// <summary>The coded diagnostic an expected failure stands for (a dead engine, an unreadable image), or null for a bug.</summary>
    protected virtual (DiagnosticDescriptor Descriptor, string Message)? Describe(Exception exception) => null;
}
