namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// The findings of one file (a Dockerfile, or a configuration file with problems), in the order they are reported, and
/// whether the formats for people (<c>tty</c>, <c>msbuild</c>) print its style findings (suggestions): a build does not,
/// so they are left out unless the file was linted in hadolint's mode, where style is one of the levels hadolint prints.
/// Machine formats always carry them. Decided per file: each folder's configuration may choose its mode.
/// </summary>
public sealed record FileFindings(string Path, IReadOnlyList<Finding> Findings, bool ShowsStyle = false);
