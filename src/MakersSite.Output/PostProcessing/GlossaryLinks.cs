using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MakersSite.Output;

/// <summary>
/// Where a word the page explains (a &lt;dfn id&gt; in its glossary) first appears in the prose, it links to the
/// explanation, so a pupil who stumbles over "prototype" finds out right there what it means. Splitting text
/// nodes needs the tree, so a page with such a word goes the tree way.
/// </summary>
internal sealed class GlossaryLinks : PageTransform
{
    private readonly List<int> _definitions = [];
    private int _prose = -1;

    private static bool IsDefinition(in ElementStart element) => element.Name == "dfn" && element.HasAttribute("id");

    public override bool NeedsTree(in ElementStart element) => IsDefinition(element);

    public override void Start(in ElementStart element)
    {
        if (IsDefinition(element)) _definitions.Add(element.Ordinal);
        if (_prose < 0 && Html.HasClass(Html.Attribute(element.Attributes, "class"), "prose")) _prose = element.Ordinal;
    }

    public override void EditTree(IDocument document, IReadOnlyList<IElement> elements)
    {
        var terms = _definitions
            .Select(o => (Text: elements[o].TextContent.Trim(), Id: elements[o].Id!))
            .Where(t => t.Text.Length > 1)
            .ToList();
        if (terms.Count == 0 || _prose < 0) return;
        var prose = elements[_prose];
        foreach (var (text, id) in terms)
        {
            var pattern = new Regex($@"(?<!\p{{L}}){Regex.Escape(text)}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var node = TextNodes(prose).FirstOrDefault(n => pattern.IsMatch(n.Data));
            if (node is null) continue;
            var match = pattern.Match(node.Data);
            var link = document.CreateElement("a");
            link.ClassName = "term";
            link.SetAttribute("href", "#" + id);
            link.TextContent = match.Value;
            var after = document.CreateTextNode(node.Data[(match.Index + match.Length)..]);
            node.Data = node.Data[..match.Index];
            node.Parent!.InsertBefore(after, node.NextSibling);
            node.Parent.InsertBefore(link, after);
        }
    }

    private static IEnumerable<IText> TextNodes(INode node)
    {
        foreach (var child in node.ChildNodes.ToList())
        {
            if (child is IText text) yield return text;
            else if (child is IElement element && element.LocalName is not ("a" or "code" or "pre" or "h2" or "h3" or "h4"))
                foreach (var inner in TextNodes(element)) yield return inner;
        }
    }
}
