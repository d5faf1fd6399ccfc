using HtmlAgilityPack;
using Markdig;

namespace Platform.Notifications.News;

/// <summary>
/// Markdown to HTML safe to put in an email. Markdig with raw HTML disabled escapes anything a writer typed as a tag;
/// what Markdig itself emits is then cut to an allowlist of elements and attributes, and links to http, https and
/// mailto only, so neither a "javascript:" link nor an image beacon survives. (No HTML sanitiser package is on the
/// feed; this is the small allowlist one would configure.)
/// </summary>
public static class NewsMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().Build();

    private static readonly HashSet<string> AllowedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ins", "sub", "sup", "mark",
        "ul", "ol", "li", "blockquote", "code", "pre", "a",
    };

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string markdown)
    {
        var document = new HtmlDocument();
        document.LoadHtml(Markdown.ToHtml(markdown, Pipeline));
        Clean(document.DocumentNode);
        return document.DocumentNode.OuterHtml.Trim();
    }

    private static void Clean(HtmlNode node)
    {
        foreach (var child in node.ChildNodes.ToList())
        {
            if (child.NodeType == HtmlNodeType.Comment)
            {
                child.Remove();
                continue;
            }

            if (child.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            Clean(child);
            if (!AllowedElements.Contains(child.Name))
            {
                // Keep the words, drop the element (e.g. an image becomes nothing, since it has no text).
                var text = child.OwnerDocument.CreateTextNode(HtmlEntity.Entitize(HtmlEntity.DeEntitize(child.InnerText), true, true));
                node.ReplaceChild(text, child);
                continue;
            }

            foreach (var attribute in child.Attributes.ToList())
            {
                var keep = child.Name == "a" && attribute.Name == "href" && IsSafeLink(HtmlEntity.DeEntitize(attribute.Value) ?? "");
                if (!keep) attribute.Remove();
            }
        }
    }

    private static bool IsSafeLink(string href) =>
        Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri) && AllowedSchemes.Contains(uri.Scheme);
}
