using System.Text;

namespace ContainerOpt.Analysis.Tests.Conformance;

/// <summary>
/// For every BuildKit lint case, each finding that stands for the expected check on the expected
/// line has a message that starts with BuildKit's own detail text, word for word.
/// </summary>
[TestClass]
public sealed class BuildKitLintMessagesTests
{
    [TestMethod]
    public void Messages_start_with_the_buildkit_detail_text()
    {
        var cases = BuildKitLintCasesTests.LoadCases();
        var problems = new StringBuilder();
        int checkedCount = 0;
        foreach (var c in cases)
        {
            var actual = BuildKitLintCasesTests.Actual(c);
            foreach (var group in c.Expected.GroupBy(e => (e.Rule, e.Line)))
            {
                var messages = actual.Where(a => a.Rule == group.Key.Rule && a.Line == group.Key.Line).Select(a => a.Message).ToList();
                if (messages.Count == 0)
                {
                    continue; // the line count test reports missing findings
                }
                foreach (var expected in group)
                {
                    checkedCount++;
                    if (!messages.Any(m => m.StartsWith(expected.Detail, StringComparison.Ordinal)))
                    {
                        problems.AppendLine($"case {c.Number} {expected.Rule}@{expected.Line}: expected a message starting with \"{expected.Detail}\", got [{string.Join(" | ", messages)}]");
                    }
                }
            }
        }
        Assert.IsTrue(checkedCount > 50, $"only {checkedCount} findings compared");
        Assert.AreEqual(0, problems.Length, problems.ToString());
    }
}
