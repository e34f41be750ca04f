using AngleSharp.Html.Parser.Tokens;

namespace MakersSite.Output;

/// <summary>
/// Decides, token by token, whether a page's tags nest exactly as written: then the tree the HTML parser would
/// build is the one the tags spell out, and the page can be post-processed from its tokens. Anything the parser
/// would repair (an unclosed element, a block inside a paragraph, text inside a table), a page without a
/// standards-mode doctype, or an element the tree builder treats specially (SVG, templates, the select family)
/// sends the page the tree way.
/// </summary>
internal sealed class NestingCheck
{
    // Elements the tree builder handles specially enough (their own insertion modes, a separate tree, renaming)
    // that only the tree way takes them.
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

    /// <summary>An open element; <paramref name="prose"/>: whether it or an enclosing element has class "prose".</summary>
    private readonly record struct Frame(string Name, int Ordinal, bool Prose);

    private readonly List<Frame> _stack = new(32);
    private Place _place = Place.BeforeHtml;
    private bool _doctype;
    private int _elements;

    /// <summary>How many elements are open.</summary>
    public int Depth => _stack.Count;

    /// <summary>Whether text read now lands in the head or the body, where the steps read it.</summary>
    public bool InContent => _place is Place.InHead or Place.InBody;

    public bool Doctype(in PageToken token)
    {
        // Only <!DOCTYPE html>: other doctypes put the parser in a quirks mode, where some tags nest differently.
        if (_place != Place.BeforeHtml || _doctype || token.Text != "html") return false;
        _doctype = true;
        return true;
    }

    public bool Comment() => _place is not (Place.AfterBody or Place.AfterHtml); // would end up after the body

    /// <param name="afterStartTag">The start tag right before the text, if any.</param>
    public bool Text(string data, string? afterStartTag)
    {
        if (data.Contains('\0')) return false;
        // The parser drops a newline right after <pre> or <textarea>, and the serialiser writes one back only when
        // another follows: left to the tree rather than copied.
        if (data.StartsWith('\n') && afterStartTag is "pre" or "textarea") return false;
        var top = _stack.Count == 0 ? null : _stack[^1].Name;
        // Text the tree builder would move (out of a table, into the body) or drop (before the head).
        var staysPut = _place == Place.InBody ? !TableSections.Contains(top!) : _place == Place.InHead && top is "title" or "script" or "style";
        return staysPut || IsHtmlWhiteSpace(data);
    }

    /// <summary>Takes a start tag, and tells the element it opens as the steps see it.</summary>
    public bool Start(in PageToken tag, out ElementStart element)
    {
        element = default;
        var name = tag.Name;
        switch (_place)
        {
            case Place.BeforeHtml when name == "html" && _doctype: _place = Place.BeforeHead; break;
            case Place.BeforeHead when name == "head": _place = Place.InHead; break;
            case Place.AfterHead when name == "body": _place = Place.InBody; break;
            case Place.InHead when HeadElements.Contains(name) && _stack[^1].Name == "head": break;
            case Place.InBody when !NeedsTree.Contains(name) && NestsAsWritten(name): break;
            default: return false;
        }
        var isVoid = Html.IsVoid(name);
        if (tag.IsSelfClosing && !isVoid) return false;
        var inProse = _stack.Count > 0 && _stack[^1].Prose;
        element = new ElementStart(_elements++, name, tag.Attributes, _stack.Count, inProse);
        if (!isVoid) _stack.Add(new Frame(name, element.Ordinal, inProse || Html.HasClass(Html.Attribute(tag.Attributes, "class"), "prose")));
        return true;
    }

    /// <summary>Takes an end tag, and tells which element it closes and at what depth.</summary>
    public bool End(string name, out int ordinal, out int depth)
    {
        ordinal = depth = -1;
        if (_stack.Count == 0 || _stack[^1].Name != name) return false;
        if (name == "html" && _place != Place.AfterBody) return false;
        ordinal = _stack[^1].Ordinal;
        depth = _stack.Count - 1;
        _stack.RemoveAt(_stack.Count - 1);
        _place = name switch { "head" => Place.AfterHead, "body" => Place.AfterBody, "html" => Place.AfterHtml, _ => _place };
        return true;
    }

    /// <summary>At the end of the page: implied end tags are fine only for the html and body elements themselves.</summary>
    public bool Complete() =>
        _place is not (Place.BeforeHtml or Place.BeforeHead or Place.InHead or Place.AfterHead)
        && (_stack.Count == 0 || _stack.Count <= 2 && _stack[0].Name == "html" && (_stack.Count == 1 || _stack[1].Name == "body"));

    /// <summary>Whether the tree builder would put this start tag where it stands, under the current element.</summary>
    private bool NestsAsWritten(string name)
    {
        var top = _stack[^1].Name;
        if (TableSections.Contains(top) && !InTableAllowed.Contains(name)) return false; // would be moved out of the table
        if (ClosesParagraph.Contains(name) && OpenAnywhere("p")) return false;
        switch (name)
        {
            case "li": return Nearest("li", "ul", "ol") != "li";
            case "dd" or "dt": return Nearest("dd", "dt", "dl") is not ("dd" or "dt");
            case "a" or "button" or "form" or "nobr": return !OpenAnywhere(name);
            // Directly in a heading the parser closes it; deeper it nests, a shape rare enough to leave to the tree.
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6": return !OpenAnywhere("h1", "h2", "h3", "h4", "h5", "h6");
            case "thead" or "tbody" or "tfoot": return top == "table";
            case "tr": return top is "thead" or "tbody" or "tfoot"; // directly in a table, the tree adds a <tbody>
            case "td" or "th": return top == "tr";
            default: return true;
        }
    }

    private bool OpenAnywhere(params ReadOnlySpan<string> names)
    {
        foreach (var frame in _stack)
            if (names.Contains(frame.Name)) return true;
        return false;
    }

    private string? Nearest(string a, string b, string c)
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
            if (_stack[i].Name == a || _stack[i].Name == b || _stack[i].Name == c) return _stack[i].Name;
        return null;
    }

    private static bool IsHtmlWhiteSpace(string text)
    {
        foreach (var c in text)
            if (c is not (' ' or '\t' or '\n' or '\f' or '\r')) return false;
        return true;
    }
}
