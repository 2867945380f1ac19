using System.Collections;
using Microsoft.Build.Framework;

namespace ContainerOpt.Tasks.Tests;

/// <summary>A build engine that keeps what a task logs, in order, as MSBuild would receive it.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();
    public List<BuildWarningEventArgs> Warnings { get; } = new();
    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "test.proj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
    public void LogCustomEvent(CustomBuildEventArgs e) { }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("the ContainerOpt tasks build no projects");

    /// <summary>Every coded diagnostic as <c>severity CODE file(line,col)</c>.</summary>
    public IReadOnlyList<string> Coded =>
        Errors.Select(e => $"error {e.Code} {Path.GetFileName(e.File)}({e.LineNumber},{e.ColumnNumber})")
            .Concat(Warnings.Select(w => $"warning {w.Code} {Path.GetFileName(w.File)}({w.LineNumber},{w.ColumnNumber})"))
            .Concat(Messages.Where(m => !string.IsNullOrEmpty(m.Code)).Select(m => $"message {m.Code} {Path.GetFileName(m.File)}({m.LineNumber},{m.ColumnNumber})"))
            .ToList();
}
