using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Fixes;

/// <summary>A FROM's image reference rewritten to the one its rule names, changing only the characters that differ.</summary>
internal static class ImageFix
{
    /// <summary>
    /// The edit that turns the image word of the stage whose .NET image <paramref name="spanOf"/> places at the finding into
    /// the rule's replacement. Not made for a reference written with a variable (the ARG would have to change) or pinned by
    /// digest (the digest, not the tag, decides what is pulled).
    /// </summary>
    public static CodeFix? Rewrite(FixContext context, Func<Core.DotNet.DotNetImage, TextSpan> spanOf, string title)
    {
        if (context.Property(FixProperties.Replacement) is not { } replacement)
        {
            return null;
        }
        foreach (var stage in context.Model.Stages)
        {
            var image = context.Facts.DotNetImageOf(stage);
            if (image is null || spanOf(image) != context.Finding.Span || stage.BaseToken is not { } token)
            {
                continue;
            }
            string written = context.Source.GetText(token.Span);
            if (written != token.Value || written.IndexOfAny(new[] { '$', '@' }) >= 0)
            {
                return null;
            }
            int prefix = 0;
            while (prefix < written.Length && prefix < replacement.Length && written[prefix] == replacement[prefix])
            {
                prefix++;
            }
            int suffix = 0;
            while (suffix < written.Length - prefix && suffix < replacement.Length - prefix
                && written[written.Length - 1 - suffix] == replacement[replacement.Length - 1 - suffix])
            {
                suffix++;
            }
            var span = TextSpan.FromBounds(token.Span.Start + prefix, token.Span.End - suffix);
            return context.Offer(string.Format(System.Globalization.CultureInfo.InvariantCulture, title, replacement),
                context.Replace(span, replacement.Substring(prefix, replacement.Length - prefix - suffix)));
        }
        return null;
    }
}
