using System.Buffers;
using System.Text;
using AngleSharp.Dom;

namespace MakersSite.Output;

/// <summary>Small questions about elements that the walks over every element of a page ask, and HTML escaping.</summary>
internal static class Html
{
    /// <summary>Whether the class attribute lists <paramref name="name"/>, without building a ClassList per element.</summary>
    public static bool HasClass(IElement element, string name) => HasClass(element.GetAttribute("class"), name);

    /// <summary>Whether a class attribute value lists <paramref name="name"/>.</summary>
    public static bool HasClass(string? classes, string name)
    {
        if (classes is null) return false;
        foreach (var range in classes.AsSpan().SplitAny(" \t\n\f\r"))
            if (classes.AsSpan()[range].SequenceEqual(name)) return true;
        return false;
    }

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    };

    /// <summary>Whether the element never has content or an end tag.</summary>
    public static bool IsVoid(string name) => VoidElements.Contains(name);

    /// <summary>The value of the attribute called <paramref name="name"/>, or null.</summary>
    public static string? Attribute(IReadOnlyList<(string Name, string Value)> attributes, string name)
    {
        for (var i = 0; i < attributes.Count; i++)
            if (attributes[i].Name == name) return attributes[i].Value;
        return null;
    }

    /// <summary>Exactly the characters char.IsWhiteSpace accepts, for a vectorised search.</summary>
    public static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&\u00A0<>");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&\u00A0<>\"");

    /// <summary>Escapes as AngleSharp's HTML serialisation does: text escapes &amp;, no-break space, &lt; and &gt;; attribute values also the quote.</summary>
    public static void AppendEscaped(StringBuilder output, string text, bool attribute)
    {
        // Whole runs without anything to escape at once: pages are mostly such runs.
        var specials = attribute ? AttributeSpecials : TextSpecials;
        var rest = text.AsSpan();
        while (true)
        {
            var next = rest.IndexOfAny(specials);
            if (next < 0)
            {
                output.Append(rest);
                return;
            }
            output.Append(rest[..next]).Append(rest[next] switch
            {
                '&' => "&amp;",
                '\u00A0' => "&nbsp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&quot;",
            });
            rest = rest[(next + 1)..];
        }
    }
}
