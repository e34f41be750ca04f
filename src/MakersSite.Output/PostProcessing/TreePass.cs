using AngleSharp.Dom;

namespace MakersSite.Output;

/// <summary>Post-processing over the whole DOM, for pages whose tags the parser would repair or that a step needs as a tree.</summary>
internal static class TreePass
{
    public static void Run(IDocument document, PageTransform[] steps)
    {
        var elements = new List<IElement>();
        Read(document.DocumentElement, 0, inProse: false, steps, elements);
        foreach (var step in steps) step.Read();
        var attributes = new List<(string Name, string Value)>(8);
        for (var ordinal = 0; ordinal < elements.Count; ordinal++)
        {
            var element = elements[ordinal];
            attributes.Clear();
            foreach (var attribute in element.Attributes) attributes.Add((attribute.Name, attribute.Value));
            foreach (var step in steps) step.EditAttributes(ordinal, element.LocalName, attributes);
            Apply(element, attributes);
            foreach (var step in steps)
                if (step.AppendTo(ordinal) is { } child) element.AppendChild(Create(document, child));
        }
        foreach (var step in steps) step.EditTree(document, elements);
    }

    /// <summary>Feeds the steps the element and everything in it, in document order, as <see cref="TokenPass"/> does from tokens.</summary>
    private static void Read(IElement element, int depth, bool inProse, PageTransform[] steps, List<IElement> elements)
    {
        var ordinal = elements.Count;
        elements.Add(element);
        var attributes = element.Attributes.Select(a => (a.Name, a.Value)).ToArray();
        var start = new ElementStart(ordinal, element.LocalName, attributes, depth, inProse);
        foreach (var step in steps) step.Start(start);
        var childrenInProse = inProse || Html.HasClass(element, "prose");
        foreach (var child in element.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    foreach (var step in steps) step.Text(text.Data, depth + 1);
                    break;
                case IElement inner:
                    Read(inner, depth + 1, childrenInProse, steps, elements);
                    break;
            }
        }
        if (Html.IsVoid(element.LocalName) && element.ChildNodes.Length == 0) return;
        foreach (var step in steps) step.End(ordinal, element.LocalName, depth);
    }

    /// <summary>Sets what the steps changed, leaving unchanged attributes (and their order) as they are.</summary>
    private static void Apply(IElement element, List<(string Name, string Value)> attributes)
    {
        foreach (var name in element.Attributes.Select(a => a.Name).ToList())
            if (Html.Attribute(attributes, name) is null) element.RemoveAttribute(name);
        foreach (var (name, value) in attributes)
            if (element.GetAttribute(name) != value) element.SetAttribute(name, value);
    }

    private static IElement Create(IDocument document, AppendedElement spec)
    {
        var element = document.CreateElement(spec.Name);
        foreach (var (name, value) in spec.Attributes) element.SetAttribute(name, value);
        element.TextContent = spec.Text;
        return element;
    }
}
