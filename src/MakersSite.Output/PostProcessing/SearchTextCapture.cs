using System.Text;

namespace MakersSite.Output;

/// <summary>
/// Takes the searchable text out of a page as it is read: the element marked <c>data-search-body</c> (or
/// <c>main</c>), without navigation, scripts, code blocks and anything marked <c>data-search-ignore</c> (cards and
/// related lists of other pages, dates, sources), and with what is marked <c>data-search-last</c> moved to its end;
/// block elements become
/// word breaks, so "&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b&lt;/li&gt;" reads "a b", not "ab". The title is the first h1
/// (or the document's title), the summary the meta description.
/// </summary>
/// <param name="anchors">The page's heading anchors, for the id of each section a heading starts.</param>
internal sealed class SearchTextCapture(HeadingAnchors anchors) : PageTransform
{
    // Marks where a section's heading starts in the raw text, so its place survives normalisation; never in page text.
    private const char SectionMark = '\uE000';

    /// <summary>A heading (h2, h3) inside the region: where its text starts and ends in the raw text.</summary>
    private sealed class Heading(int ordinal, string id, int start, int depth)
    {
        public int Ordinal { get; } = ordinal;
        public string Id { get; } = id;
        public int Start { get; } = start;
        public int Depth { get; } = depth;
        public int End { get; set; } = -1;
    }

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "nav", "noscript", "template", "svg", "button", "form", "pre" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    };

    /// <summary>The text of one candidate region, collected while the tags pass.</summary>
    private sealed class Region
    {
        public int Depth { get; set; } = -1; // depth of the region's element; -1: not entered yet
        public bool Closed { get; set; }
        public int SkipDepth { get; set; } = -1; // depth of the outermost skipped element inside it
        public int LastDepth { get; set; } = -1; // depth of the data-search-last element being read, if any
        private readonly StringBuilder _main = new(), _last = new();
        public List<Heading> Headings { get; } = [];

        /// <summary>Where text goes now: the page's own text, or what is marked data-search-last (kept, but after it).</summary>
        public StringBuilder Text => LastDepth >= 0 ? _last : _main;

        /// <summary>The region's text with the data-search-last parts at its end; the headings' places are in its first part.</summary>
        public string Raw() => _last.Length == 0 ? _main.ToString() : _main + " " + _last;

        /// <summary>Whether a node at this depth lies inside the region, outside anything skipped.</summary>
        public bool Collecting(int depth) => Depth >= 0 && !Closed && depth > Depth && SkipDepth < 0;

        public void Enter(in ElementStart element)
        {
            if (!Collecting(element.Depth)) return;
            if (Skipped.Contains(element.Name) || element.HasAttribute("data-search-ignore") || HasClass(element, "anchor")
                || HasClass(element, "visually-hidden") || element.Name == "h1") // the title is its own field
            {
                if (!Html.IsVoid(element.Name)) SkipDepth = element.Depth;
                return;
            }
            // Facts a page shows first (a company's place and sectors) are searchable, but snippets should start in its own sentences.
            if (LastDepth < 0 && element.HasAttribute("data-search-last") && !Html.IsVoid(element.Name)) LastDepth = element.Depth;
            // A word break; for a void block (br, hr) the one before and after its absent content at once.
            if (Blocks.Contains(element.Name)) Text.Append(' ');
            if (element.Name is "h2" or "h3" && LastDepth < 0)
            {
                Text.Append(SectionMark);
                Headings.Add(new Heading(element.Ordinal, element.GetAttribute("id"), Text.Length, element.Depth));
            }
        }

        public void Leave(string name, int depth)
        {
            if (Depth < 0 || Closed) return;
            if (depth == Depth)
            {
                Closed = true;
                return;
            }
            if (SkipDepth >= 0)
            {
                if (depth == SkipDepth) SkipDepth = -1;
                return;
            }
            if (Headings.Count > 0 && Headings[^1] is { End: < 0 } open && open.Depth == depth) open.End = Text.Length;
            if (depth > Depth && Blocks.Contains(name)) Text.Append(' ');
            if (depth == LastDepth) LastDepth = -1;
        }
    }

    private readonly Region _marked = new();
    private readonly Region _main = new();
    private StringBuilder? _title, _documentTitle;
    private int _titleDepth = -1, _documentTitleDepth = -1;
    private string? _description;

    /// <summary>Title, summary and body text, or null when the page has no body to index.</summary>
    public (string Title, string Summary, string Body)? Result => Take() is { } taken ? (taken.Title, taken.Summary, taken.Body) : null;

    /// <summary>The sections the body's h2 and h3 headings start: where in the body, their anchor and their text.</summary>
    public IReadOnlyList<TextSection> Sections => Take()?.Sections ?? [];

    private (string Title, string Summary, string Body, IReadOnlyList<TextSection> Sections)? _taken;

    private (string Title, string Summary, string Body, IReadOnlyList<TextSection> Sections)? Take()
    {
        if (_taken is not null) return _taken;
        var region = _marked.Depth >= 0 ? _marked : _main.Depth >= 0 ? _main : null;
        if (region is null) return null;
        var raw = region.Raw();
        var marked = Normalize(raw);
        var body = new StringBuilder(marked.Length);
        var sections = new List<TextSection>();
        var next = 0;
        for (var at = 0; at < marked.Length; at++)
        {
            if (marked[at] != SectionMark)
            {
                body.Append(marked[at]);
                continue;
            }
            var heading = region.Headings[next++];
            var id = heading.Id.Length > 0 ? heading.Id : anchors.IdOf(heading.Ordinal);
            var text = heading.End < 0 ? "" : Normalize(raw[heading.Start..heading.End]);
            if (id is not null && text.Length > 0) sections.Add(new TextSection(body.Length, id, text));
        }
        return _taken = (Normalize(_title?.ToString() ?? _documentTitle?.ToString() ?? ""), Normalize(_description ?? ""), body.ToString(), sections);
    }

    public override void Start(in ElementStart element)
    {
        var name = element.Name;
        if (name == "title" && _documentTitle is null)
        {
            _documentTitle = new StringBuilder();
            _documentTitleDepth = element.Depth;
        }
        if (name == "h1" && _title is null)
        {
            _title = new StringBuilder();
            _titleDepth = element.Depth;
        }
        if (name == "meta" && _description is null && element.GetAttribute("name") == "description") _description = element.GetAttribute("content");
        _marked.Enter(element);
        _main.Enter(element);
        if (_marked.Depth < 0 && element.HasAttribute("data-search-body"))
        {
            _marked.Depth = element.Depth;
            _marked.Closed = Html.IsVoid(name); // nothing inside: an empty text
        }
        if (_main.Depth < 0 && name == "main") _main.Depth = element.Depth;
    }

    public override void Text(string data, int depth)
    {
        if (data.Contains(SectionMark)) data = data.Replace(SectionMark.ToString(), "");
        if (_titleDepth >= 0) _title!.Append(data);
        if (_documentTitleDepth >= 0) _documentTitle!.Append(data);
        if (_marked.Collecting(depth)) _marked.Text.Append(data);
        if (_main.Collecting(depth)) _main.Text.Append(data);
    }

    public override void End(int ordinal, string name, int depth)
    {
        if (depth == _titleDepth) _titleDepth = -1;
        if (depth == _documentTitleDepth) _documentTitleDepth = -1;
        _marked.Leave(name, depth);
        _main.Leave(name, depth);
    }

    private static bool HasClass(in ElementStart element, string name) => Html.HasClass(Html.Attribute(element.Attributes, "class"), name);

    /// <summary>NFC, and every run of white space (HTML's or Unicode's) as one space.</summary>
    public static string Normalize(string text)
    {
        var rest = text.Normalize(NormalizationForm.FormC).AsSpan();
        var sb = new StringBuilder(rest.Length);
        while (true)
        {
            var start = rest.IndexOfAnyExcept(Html.WhiteSpace);
            if (start < 0) break;
            if (sb.Length > 0) sb.Append(' ');
            rest = rest[start..];
            var end = rest.IndexOfAny(Html.WhiteSpace);
            if (end < 0)
            {
                sb.Append(rest);
                break;
            }
            sb.Append(rest[..end]);
            rest = rest[end..];
        }
        return sb.ToString();
    }
}
