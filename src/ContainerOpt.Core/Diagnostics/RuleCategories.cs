namespace ContainerOpt.Core.Diagnostics;

/// <summary>Rule categories (descriptor <c>Category</c>), one per code range.</summary>
public static class RuleCategories
{
    /// <summary>COPT1xxx: syntax and correctness (BuildKit's build checks).</summary>
    public const string Correctness = "Correctness";

    /// <summary>COPT2xxx: general practice (hadolint's rules).</summary>
    public const string Practice = "Practice";

    /// <summary>COPT3xxx: image size and build cache.</summary>
    public const string SizeAndCache = "SizeAndCache";

    /// <summary>COPT4xxx: .NET project-aware checks.</summary>
    public const string DotNet = "DotNet";

    /// <summary>COPT5xxx: results of a real image build.</summary>
    public const string Image = "Image";
}
