using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>
/// A finding's message is formatted when first read, except when its format and arguments could fail: then at once, so a
/// rule's wrong arguments are the rule's failure (COPT0009), never an exception where a report or a build reads the message.
/// </summary>
[TestClass]
public sealed class LateMessageTests
{
    /// <summary>Reports every FROM with the given arguments against the given format.</summary>
    private sealed class FromRule(string format, params object?[] args) : DockerfileRule
    {
        public override DiagnosticDescriptor Descriptor { get; } =
            new("COPT9902", "test-from", "Test rule", format, DiagnosticSeverity.Warning, DiagnosticCategories.Correctness);

        public override void Analyze(RuleContext context)
        {
            foreach (var instruction in context.Instructions)
            {
                if (instruction.Kind == InstructionKind.From)
                {
                    context.Report(instruction.Syntax.Keyword.Span, args);
                }
            }
        }
    }

    private static IReadOnlyList<Finding> Analyze(DockerfileRule rule) =>
        new DockerfileAnalyzer(new[] { rule }).Analyze(new AnalysisInput(SourceText.From("FROM alpine:3.20\n", "Dockerfile"))).Findings;

    [TestMethod]
    [DataRow("{0} and {1}.", "one")]
    [DataRow("{0,-5:x} and {2}.", "one")]
    [DataRow("Unclosed {0.", "one")]
    [DataRow("Stray } brace {0}.", "one")]
    [DataRow("{} empty.", "one")]
    public void A_format_the_arguments_cannot_fill_fails_in_the_rule(string format, string argument)
    {
        var findings = Analyze(new FromRule(format, argument));
        var failure = findings.Single();
        Assert.AreEqual("COPT0009", failure.Code, failure.Message);
        StringAssert.Contains(failure.Message, "COPT9902");
    }

    [TestMethod]
    public void A_format_the_arguments_fill_reads_as_formatted_whenever_it_is_read()
    {
        var finding = Analyze(new FromRule("{1} after {0}, {{braces}} kept, {0,6}|{2:D3}.", "first", "second", 7)).Single();
        Assert.AreEqual("COPT9902", finding.Code);
        Assert.AreEqual("second after first, {braces} kept,  first|007.", finding.Message);
        Assert.AreEqual("second after first, {braces} kept,  first|007.", finding.WithSeverity(DiagnosticSeverity.Error).Message);
    }
}
