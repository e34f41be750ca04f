using AngleSharp.Dom;

namespace MakersSite.Output;

/// <summary>A start tag as the post-processing steps see it, whichever way the page was read.</summary>
/// <param name="Ordinal">The element's place among the page's elements in document order, which names it in the edits.</param>
/// <param name="Depth">How many elements enclose it.</param>
/// <param name="InProse">Whether an enclosing element has class "prose" (the selector ".prose h2").</param>
internal readonly record struct ElementStart(int Ordinal, string Name, (string Name, string Value)[] Attributes, int Depth, bool InProse)
{
    /// <summary>The attribute's value, or "" when the element has none.</summary>
    public string GetAttribute(string name) => Html.Attribute(Attributes, name) ?? "";

    public bool HasAttribute(string name) => Html.Attribute(Attributes, name) is not null;
}

/// <summary>An element a step adds as the last child of another (a heading's "#" link).</summary>
internal sealed record AppendedElement(string Name, (string Name, string Value)[] Attributes, string Text);

/// <summary>
/// One step of post-processing, written once over what both ways of reading a page share: first every start tag,
/// text and end tag in document order is read, then each element's attributes are edited and children appended.
/// The token way (<see cref="TokenPass"/>) and the tree way (<see cref="TreePass"/>) feed the same steps and apply
/// the same edits; a step that needs the tree for an element says so in <see cref="NeedsTree"/>.
/// </summary>
internal abstract class PageTransform
{
    /// <summary>Whether this step can only be done on the whole DOM for this element: the page then goes the tree way.</summary>
    public virtual bool NeedsTree(in ElementStart element) => false;

    public virtual void Start(in ElementStart element) { }

    /// <param name="depth">How many elements enclose the text.</param>
    public virtual void Text(string data, int depth) { }

    /// <summary>The end of an element that can have content (void elements have none).</summary>
    public virtual void End(int ordinal, string name, int depth) { }

    /// <summary>The whole page has been read; the edits follow.</summary>
    public virtual void Read() { }

    public virtual void EditAttributes(int ordinal, string name, List<(string Name, string Value)> attributes) { }

    public virtual AppendedElement? AppendTo(int ordinal) => null;

    /// <summary>Edits only the tree way can make, after all others; <paramref name="elements"/> by ordinal.</summary>
    public virtual void EditTree(IDocument document, IReadOnlyList<IElement> elements) { }
}
