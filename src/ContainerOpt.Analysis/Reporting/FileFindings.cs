namespace ContainerOpt.Analysis.Reporting;

/// <summary>The findings of one file (a Dockerfile, or a configuration file with problems), in the order they are reported.</summary>
public sealed record FileFindings(string Path, IReadOnlyList<Finding> Findings);
