using ContainerOpt.Analysis.Configuration;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

/// <summary>Options with a label schema for the label rules' tests.</summary>
internal static class LabelSchemaOptions
{
    public static AnalysisOptions With(string label, string type, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        options.LabelSchema[label] = type;
        return options;
    }
}
