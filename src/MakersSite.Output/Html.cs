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

    /// <summary>Escapes as AngleSharp's HTML serialisation does: text escapes &amp;, no-break space, &lt; and &gt;; attribute values also the quote.</summary>
    public static void AppendEscaped(StringBuilder output, string text, bool attribute)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escaped = text[i] switch
            {
                '&' => "&amp;",
                '\u00A0' => "&nbsp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                _ => null,
            };
            if (escaped is null) continue;
            output.Append(text, start, i - start).Append(escaped);
            start = i + 1;
        }
        output.Append(text, start, text.Length - start);
    }
}
