using System.Text;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;

namespace MakersSite.Output;

/// <summary>
/// Post-processing from a page's tokens (<see cref="PageTokens"/>) instead of a whole DOM. Building the tree and serialising it again
/// took more than half of a page's post-processing (a DOM node costs microseconds), while what post-processing
/// changes is local: attributes of a tag, an id and a link inside a heading. This path takes only pages whose tags
/// nest exactly as written, for which the tree the HTML parser would build is the one the tags spell out; anything
/// the parser would repair (an unclosed element, a block inside a paragraph, text inside a table), a page without
/// a standards-mode doctype, or any page that needs a tree for other reasons (glossary links, SVG, templates) returns
/// null and goes the DOM way. What comes out is what serialising the tree would write, byte for byte, with the same
/// search text and broken links (PostProcessorTests and PostProcessingEquivalenceTests do both ways and compare).
/// </summary>
public sealed partial class PostProcessor
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    };

    // Elements the tree builder handles specially enough (their own insertion modes, a separate tree, renaming)
    // that only the DOM path takes them.
    private static readonly HashSet<string> NeedsTree = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "frameset", "frame", "svg", "math", "template", "image", "plaintext", "xmp", "listing",
        "noscript", "select", "option", "optgroup", "datalist", "rb", "rp", "rt", "rtc", "caption", "colgroup", "col",
        "isindex", "keygen", "menuitem",
    };

    // Start tags that close an open <p> (HTML's "close a p element" in the in-body insertion mode).
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "plaintext", "table", "hr", "xmp",
        "li", "dd", "dt",
    };

    private static readonly HashSet<string> HeadElements = new(StringComparer.Ordinal) { "meta", "link", "title", "style", "script", "base" };

    private static readonly HashSet<string> TableSections = new(StringComparer.Ordinal) { "table", "thead", "tbody", "tfoot", "tr" };

    private static readonly HashSet<string> InTableAllowed = new(StringComparer.Ordinal) { "thead", "tbody", "tfoot", "tr", "td", "th", "script", "style" };

    private enum Place { BeforeHtml, BeforeHead, InHead, AfterHead, InBody, AfterBody, AfterHtml }

    /// <summary>An open element.</summary>
    /// <param name="prose">Whether it or an ancestor has class "prose": its h2–h4 children are in the prose (".prose h2").</param>
    private sealed class Frame(string name, bool prose)
    {
        public string Name { get; } = name;
        public bool ProseOrInProse { get; } = prose;
    }

    /// <summary>A heading in the prose that gets an id and a "#" link: where it starts and ends, and its text.</summary>
    private sealed class AnchoredHeading(int start, int depth)
    {
        public int Start { get; } = start;
        public int Depth { get; } = depth;
        public int End { get; set; } = -1;
        public StringBuilder Text { get; } = new();
    }

    /// <summary>Collects the search text as <see cref="SearchTextExtractor"/> does from a DOM, as the tokens pass.</summary>
    private sealed class SearchRegion
    {
        public int Depth { get; set; } = -1; // stack depth of the region's element; -1: not entered yet
        public bool Closed { get; set; }
        public int SkipDepth { get; set; } = -1; // depth of the outermost skipped element inside it
        public StringBuilder Text { get; } = new();
        /// <summary>Whether a node at this depth lies inside the region, outside anything skipped.</summary>
        public bool Collecting(int depth) => Depth >= 0 && !Closed && depth > Depth && SkipDepth < 0;
    }

    private PostProcessedPage? TryProcessTokens(string url, string html, List<BrokenLink> broken, bool relativeLinks, bool searchText)
    {
        var tokens = PageTokens.Tokenize(html, out var scanned);
        if (!scanned) Interlocked.Increment(ref _pagesTokenizedByAngleSharp);

        // First pass: decide whether the tags spell out the tree, and gather what the changes need to know of the
        // whole page (every id, the headings' texts) and the search text.
        var stack = new List<Frame>(32);
        var place = Place.BeforeHtml;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var headings = new List<AnchoredHeading>();
        AnchoredHeading? openHeading = null;
        int htmlStart = -1, headStart = -1;
        var doctype = false;
        var marked = new SearchRegion();
        var main = new SearchRegion();
        StringBuilder? title = null, documentTitle = null;
        int titleDepth = -1, documentTitleDepth = -1;
        string? description = null;

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Type)
            {
                case HtmlTokenType.Doctype:
                    // Only <!DOCTYPE html>: other doctypes put the parser in a quirks mode, where some tags nest differently.
                    if (place != Place.BeforeHtml || doctype || token.Text != "html") return null;
                    doctype = true;
                    break;
                case HtmlTokenType.Comment:
                    if (place is Place.AfterBody or Place.AfterHtml) return null; // would end up after the body
                    break;
                case HtmlTokenType.Character:
                {
                    var data = token.Data;
                    if (data.Contains('\0')) return null;
                    // The parser drops a newline right after <pre> or <textarea>, and the serialiser writes one back
                    // only when another follows: left to the tree rather than copied.
                    if (data.StartsWith('\n') && i > 0 && tokens[i - 1] is { Type: HtmlTokenType.StartTag, Name: "pre" or "textarea" }) return null;
                    var top = stack.Count == 0 ? null : stack[^1].Name;
                    // Text the tree builder would move (out of a table, into the body) or drop (before the head).
                    var textStaysPut = place == Place.InBody ? !TableSections.Contains(top!) : place == Place.InHead && top is "title" or "script" or "style";
                    if (!textStaysPut && !IsHtmlWhiteSpace(data)) return null;
                    if (place is not (Place.InBody or Place.InHead)) break;
                    if (titleDepth >= 0) title!.Append(data);
                    if (documentTitleDepth >= 0) documentTitle!.Append(data);
                    openHeading?.Text.Append(data);
                    if (searchText)
                    {
                        if (marked.Collecting(stack.Count)) marked.Text.Append(data);
                        if (main.Collecting(stack.Count)) main.Text.Append(data);
                    }
                    break;
                }
                case HtmlTokenType.StartTag:
                {
                    var tag = token;
                    var name = tag.Name;
                    switch (place)
                    {
                        case Place.BeforeHtml when name == "html" && doctype:
                            htmlStart = i;
                            place = Place.BeforeHead;
                            break;
                        case Place.BeforeHead when name == "head":
                            headStart = i;
                            place = Place.InHead;
                            break;
                        case Place.AfterHead when name == "body":
                            place = Place.InBody;
                            break;
                        case Place.InHead when HeadElements.Contains(name) && stack[^1].Name == "head":
                            break;
                        case Place.InBody when !NeedsTree.Contains(name):
                            if (!NestsAsWritten(stack, name) || openHeading is not null && name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6") return null;
                            break;
                        default:
                            return null;
                    }
                    if (tag.IsSelfClosing && !VoidElements.Contains(name)) return null;
                    if (name == "dfn" && tag.HasAttribute("id")) return null; // glossary links need the tree

                    foreach (var attribute in tag.Attributes)
                        if (attribute.Name == "id" && attribute.Value.Length > 0) ids.Add(attribute.Value);
                    if (name is "html" or "head")
                    {
                        stack.Add(new Frame(name, prose: false));
                        continue;
                    }
                    if (name == "title" && documentTitle is null)
                    {
                        documentTitle = new StringBuilder();
                        documentTitleDepth = stack.Count;
                    }
                    if (name == "meta" && description is null && tag.GetAttribute("name") == "description")
                        description = tag.GetAttribute("content");

                    var parent = stack[^1];
                    var depth = stack.Count; // this element's depth once pushed
                    if (name is "h2" or "h3" or "h4" && parent.ProseOrInProse && tag.GetAttribute("id").Length == 0)
                        headings.Add(openHeading = new AnchoredHeading(i, depth));
                    if (name == "h1" && title is null)
                    {
                        title = new StringBuilder();
                        titleDepth = depth;
                    }
                    if (searchText)
                    {
                        EnterForSearch(marked, tag, depth);
                        EnterForSearch(main, tag, depth);
                        if (marked.Depth < 0 && tag.HasAttribute("data-search-body"))
                        {
                            marked.Depth = depth;
                            marked.Closed = VoidElements.Contains(name); // nothing inside: an empty text
                        }
                        if (main.Depth < 0 && name == "main") main.Depth = depth;
                    }
                    if (VoidElements.Contains(name)) break;
                    stack.Add(new Frame(name, parent.ProseOrInProse || HasClass(tag, "prose")));
                    break;
                }
                case HtmlTokenType.EndTag:
                {
                    var name = token.Name;
                    if (stack.Count == 0 || stack[^1].Name != name) return null;
                    var depth = stack.Count - 1;
                    stack.RemoveAt(stack.Count - 1);
                    switch (name)
                    {
                        case "head": place = Place.AfterHead; break;
                        case "body": place = Place.AfterBody; break;
                        case "html":
                            if (place != Place.AfterBody) return null;
                            place = Place.AfterHtml;
                            break;
                    }
                    if (depth == titleDepth) titleDepth = -1;
                    if (depth == documentTitleDepth) documentTitleDepth = -1;
                    if (openHeading is not null && depth == openHeading.Depth)
                    {
                        openHeading.End = i;
                        openHeading = null;
                    }
                    if (searchText)
                    {
                        LeaveForSearch(marked, name, depth);
                        LeaveForSearch(main, name, depth);
                    }
                    break;
                }
            }
        }
        // Implied end tags at the end of the page are fine only for the html and body elements themselves.
        if (htmlStart < 0 || place is Place.BeforeHtml or Place.BeforeHead or Place.InHead or Place.AfterHead) return null;
        if (stack.Count > 0 && !(stack.Count <= 2 && stack[0].Name == "html" && (stack.Count == 1 || stack[1].Name == "body"))) return null;

        // Second pass: write the page with its changes.
        var output = new StringBuilder(html.Length + html.Length / 8);
        output.Append("<!DOCTYPE html>\n");
        var anchors = new Dictionary<int, (string Id, string Label)>();
        var starts = new Dictionary<int, string>();
        foreach (var heading in headings)
        {
            var headingText = heading.Text.ToString();
            var id = HeadingId(headingText, ids);
            starts[heading.Start] = id;
            anchors[heading.End] = (id, AnchorLabel(headingText));
        }
        var rawText = false;
        var attributes = new List<(string Name, string Value)>(8);
        for (var i = htmlStart; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Type)
            {
                case HtmlTokenType.Comment:
                    output.Append("<!--").Append(token.Data).Append("-->");
                    break;
                case HtmlTokenType.Character:
                    // Written where the tree has it, as the DOM path writes it: none before the head; after the body,
                    // inside it (the end tags follow at the end).
                    if (i < headStart) break;
                    if (rawText) output.Append(token.Data);
                    else Html.AppendEscaped(output, token.Data, attribute: false);
                    break;
                case HtmlTokenType.StartTag:
                {
                    var tag = token;
                    attributes.Clear();
                    var canonical = tag.Name == "link" && tag.GetAttribute("rel") == "canonical";
                    foreach (var attribute in tag.Attributes)
                    {
                        if (RewriteAttribute(url, attribute.Name, attribute.Value, broken, relativeLinks, canonical) is { } value)
                            attributes.Add((attribute.Name, value));
                    }
                    if (starts.TryGetValue(i, out var headingId))
                    {
                        var existing = attributes.FindIndex(a => a.Name == "id");
                        if (existing >= 0) attributes[existing] = ("id", headingId);
                        else attributes.Add(("id", headingId));
                    }
                    output.Append('<').Append(tag.Name);
                    foreach (var (name, value) in attributes)
                    {
                        output.Append(' ').Append(name).Append("=\"");
                        Html.AppendEscaped(output, value, attribute: true);
                        output.Append('"');
                    }
                    output.Append('>');
                    rawText = PageTokens.TextModeAfter(tag.Name) is HtmlParseMode.Script or HtmlParseMode.Rawtext; // written unescaped
                    break;
                }
                case HtmlTokenType.EndTag when token.Name is "body" or "html":
                    break;
                case HtmlTokenType.EndTag:
                    if (anchors.TryGetValue(i, out var anchor))
                    {
                        output.Append("<a class=\"anchor\" href=\"#");
                        Html.AppendEscaped(output, anchor.Id, attribute: true);
                        output.Append("\" aria-label=\"");
                        Html.AppendEscaped(output, anchor.Label, attribute: true);
                        output.Append("\">#</a>");
                    }
                    output.Append("</").Append(token.Name).Append('>');
                    rawText = false;
                    break;
            }
        }

        output.Append("</body></html>\n");

        (string Title, string Summary, string Body)? text = null;
        var region = marked.Depth >= 0 ? marked : main.Depth >= 0 ? main : null;
        if (searchText && region is not null)
        {
            text = (SearchTextExtractor.Normalize(title?.ToString() ?? documentTitle?.ToString() ?? ""),
                SearchTextExtractor.Normalize(description ?? ""), SearchTextExtractor.Normalize(region.Text.ToString()));
        }
        return new PostProcessedPage(output.ToString(), text);
    }

    /// <summary>A start tag inside the region: skipped with all it holds, or a word break when it is a block.</summary>
    private static void EnterForSearch(SearchRegion region, PageToken tag, int depth)
    {
        if (!region.Collecting(depth)) return;
        if (SearchTextExtractor.IsSkipped(tag.Name) || tag.HasAttribute("data-search-ignore") || HasClass(tag, "anchor")
            || HasClass(tag, "visually-hidden") || tag.Name == "h1")
        {
            if (!VoidElements.Contains(tag.Name)) region.SkipDepth = depth;
            return;
        }
        // A word break; for a void block (br, hr) the one before and after its absent content at once.
        if (SearchTextExtractor.IsBlock(tag.Name)) region.Text.Append(' ');
    }

    private static void LeaveForSearch(SearchRegion region, string name, int depth)
    {
        if (region.Depth < 0 || region.Closed) return;
        if (depth == region.Depth)
        {
            region.Closed = true;
            return;
        }
        if (region.SkipDepth >= 0)
        {
            if (depth == region.SkipDepth) region.SkipDepth = -1;
            return;
        }
        if (depth > region.Depth && SearchTextExtractor.IsBlock(name)) region.Text.Append(' ');
    }

    /// <summary>Whether the tree builder would put this start tag where it stands, under the current element.</summary>
    private static bool NestsAsWritten(List<Frame> stack, string name)
    {
        var top = stack[^1].Name;
        if (TableSections.Contains(top) && !InTableAllowed.Contains(name)) return false; // would be moved out of the table
        if (ClosesParagraph.Contains(name) && OpenAnywhere(stack, "p")) return false;
        switch (name)
        {
            case "li": return Nearest(stack, "li", "ul", "ol") != "li";
            case "dd" or "dt": return Nearest(stack, "dd", "dt", "dl") is not ("dd" or "dt");
            case "a" or "button" or "form" or "nobr": return !OpenAnywhere(stack, name);
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6": return top is not ("h1" or "h2" or "h3" or "h4" or "h5" or "h6");
            case "thead" or "tbody" or "tfoot": return top == "table";
            case "tr": return top is "thead" or "tbody" or "tfoot"; // directly in a table, the tree adds a <tbody>
            case "td" or "th": return top == "tr";
            default: return true;
        }
    }

    private static bool OpenAnywhere(List<Frame> stack, string name)
    {
        foreach (var frame in stack)
            if (frame.Name == name) return true;
        return false;
    }

    private static string? Nearest(List<Frame> stack, string a, string b, string c)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
            if (stack[i].Name == a || stack[i].Name == b || stack[i].Name == c) return stack[i].Name;
        return null;
    }

    private static bool HasClass(PageToken tag, string name) => Html.HasClass(tag.GetAttribute("class"), name);

    private static bool IsHtmlWhiteSpace(string text)
    {
        foreach (var c in text)
            if (c is not (' ' or '\t' or '\n' or '\f' or '\r')) return false;
        return true;
    }

}
