using System.Text;
using System.Text.RegularExpressions;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// A rule's help page (docs/rules/CODE.md, embedded in this assembly at build) as SARIF's rule help: the page as Markdown with
/// its links made absolute (they point next to the page on GitHub), the same as plain text, and the first paragraph of
/// "What it reports" as the rule's full description.
/// </summary>
public static class RuleHelp
{
    private const string ResourcePrefix = "ContainerOpt.Analysis.RuleHelp.";

    private static readonly Dictionary<string, Page?> Pages = new(StringComparer.Ordinal);

    /// <summary>A Markdown link or image whose target is relative: <c>](../modes.md)</c>, <c>](COPT3102.md#why)</c>.</summary>
    private static readonly Regex RelativeLink = new(@"\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^)\s]+)\)", RegexOptions.CultureInvariant);

    /// <summary>The page as Markdown, links absolute; null when the rule has no page in this assembly.</summary>
    public static string? Markdown(DiagnosticDescriptor descriptor) => Load(descriptor)?.Markdown;

    /// <summary>The page as plain text; null when the rule has no page.</summary>
    public static string? Text(DiagnosticDescriptor descriptor) => Load(descriptor)?.Text;

    /// <summary>The first paragraph of the page's "What it reports", as plain text; the rule's title when there is none.</summary>
    public static string FullDescription(DiagnosticDescriptor descriptor) => Load(descriptor)?.FullDescription ?? descriptor.Title;

    private static Page? Load(DiagnosticDescriptor descriptor)
    {
        lock (Pages)
        {
            if (!Pages.TryGetValue(descriptor.Id, out var page))
            {
                using var stream = typeof(RuleHelp).Assembly.GetManifestResourceStream(ResourcePrefix + descriptor.Id + ".md");
                if (stream is not null)
                {
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    page = Page.From(reader.ReadToEnd().Replace("\r\n", "\n"), descriptor);
                }
                Pages[descriptor.Id] = page;
            }
            return page;
        }
    }

    private sealed class Page
    {
        private Page(string markdown, string text, string? fullDescription)
        {
            Markdown = markdown;
            Text = text;
            FullDescription = fullDescription;
        }

        public string Markdown { get; }
        public string Text { get; }
        public string? FullDescription { get; }

        public static Page From(string page, DiagnosticDescriptor descriptor)
        {
            string baseUri = descriptor.HelpUri.Substring(0, descriptor.HelpUri.LastIndexOf('/') + 1);
            string markdown = RelativeLink.Replace(page.TrimEnd('\n'), m => "](" + Absolute(baseUri, m.Groups[1].Value) + ")");
            return new Page(markdown, PlainText(markdown), FirstParagraph(markdown, "## What it reports"));
        }

        /// <summary>A relative link resolved against the folder of the page (<c>../modes.md</c> from docs/rules/ is docs/modes.md).</summary>
        private static string Absolute(string baseUri, string relative)
        {
            string uri = baseUri;
            while (relative.StartsWith("../", StringComparison.Ordinal))
            {
                relative = relative.Substring(3);
                uri = uri.Substring(0, uri.TrimEnd('/').LastIndexOf('/') + 1);
            }
            if (relative.StartsWith("./", StringComparison.Ordinal))
            {
                relative = relative.Substring(2);
            }
            return uri + relative;
        }

        private static string? FirstParagraph(string markdown, string heading)
        {
            int at = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }
            var lines = new List<string>();
            foreach (var line in markdown.Substring(at + heading.Length + 2).Split('\n'))
            {
                if (line.Trim().Length == 0 || line.StartsWith("#", StringComparison.Ordinal) || line.StartsWith("```", StringComparison.Ordinal))
                {
                    if (lines.Count > 0) break;
                    continue;
                }
                lines.Add(line.Trim());
            }
            return lines.Count == 0 ? null : Inline(string.Join(" ", lines));
        }

        /// <summary>
        /// Markdown read as text: headings without their #, code blocks indented four spaces without their fences, inline
        /// code, bold and links as their words (a link's target in parentheses after them).
        /// </summary>
        private static string PlainText(string markdown)
        {
            var text = new StringBuilder();
            bool inCode = false;
            foreach (var line in markdown.Split('\n'))
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                    continue;
                }
                if (inCode)
                {
                    text.Append("    ").Append(line).Append('\n');
                    continue;
                }
                string trimmed = line.TrimStart('#');
                text.Append(Inline(trimmed.Length < line.Length ? trimmed.TrimStart() : line)).Append('\n');
            }
            return text.ToString().TrimEnd('\n');
        }

        private static readonly Regex Link = new(@"\[([^\]]*)\]\(([^)\s]+)\)", RegexOptions.CultureInvariant);

        private static string Inline(string line) =>
            Link.Replace(line, m => m.Groups[1].Value + " (" + m.Groups[2].Value + ")").Replace("**", "").Replace("`", "");
    }
}
