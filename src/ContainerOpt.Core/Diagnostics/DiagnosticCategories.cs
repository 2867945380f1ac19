namespace ContainerOpt.Core.Diagnostics;

/// <summary>Diagnostic categories (descriptor <c>Category</c>), one per code range.</summary>
public static class DiagnosticCategories
{
    /// <summary>COPT0xxx: the tool, its inputs, configuration and environment.</summary>
    public const string Tool = "Tool";

    /// <summary>COPT10xx: the parser's errors.</summary>
    public const string Syntax = "Syntax";

    /// <summary>COPT11xx: correctness (BuildKit's build checks).</summary>
    public const string Correctness = "Correctness";

    /// <summary>COPT2xxx: general practice (hadolint's rules).</summary>
    public const string Practice = "Practice";

    /// <summary>COPT3xxx: image size and build cache.</summary>
    public const string SizeAndCache = "SizeAndCache";

    /// <summary>COPT4xxx: .NET project-aware checks.</summary>
    public const string DotNet = "DotNet";
}
