using AngleSharp.Dom;

namespace MakersSite.Output;

/// <summary>Small questions about parsed elements that the walks over every element of a page ask.</summary>
internal static class Html
{
    /// <summary>Whether the class attribute lists <paramref name="name"/>, without building a ClassList per element.</summary>
    public static bool HasClass(IElement element, string name)
    {
        var classes = element.GetAttribute("class");
        if (classes is null) return false;
        foreach (var range in classes.AsSpan().SplitAny(" \t\n\f\r"))
            if (classes.AsSpan()[range].SequenceEqual(name)) return true;
        return false;
    }
}
