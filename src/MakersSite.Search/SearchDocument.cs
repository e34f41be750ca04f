namespace MakersSite.Search;

/// <summary>A facet value of a document: the slug used in URLs (?sector=metaal) and the label shown (Metaal).</summary>
public sealed record FacetValue(string Facet, string Slug, string Label);

/// <summary>A part of a document's body that a heading starts: a result can link to it (Pagefind's sub-results).</summary>
/// <param name="Offset">Where in the body the section starts, in characters.</param>
public sealed record SearchSection(int Offset, string Anchor, string Heading);

/// <summary>One page as the search index sees it. Texts are NFC-normalised plain text.</summary>
public sealed record SearchDocument(
    string Url,
    string Title,
    string Summary,
    string Body,
    FacetValue Type,
    IReadOnlyList<FacetValue> Facets)
{
    /// <summary>The sections of the body, in order; shown with a result, not indexed apart.</summary>
    public IReadOnlyList<SearchSection> Sections { get; init; } = [];
}

/// <summary>
/// The facets results can be filtered by, in display order, with their Dutch headings. The search page reads its
/// URL before any data loads, so themes/default/static/js/search.js lists the same names (facetNames).
/// </summary>
public static class SearchFacets
{
    public static readonly IReadOnlyList<(string Name, string Label)> All =
    [
        ("type", "Soort"),
        ("sector", "Sector"),
        ("municipality", "Gemeente"),
        ("flat", "Flat"),
        ("aspect", "Aspect"),
        ("kind", "Soort plek"),
        ("level", "Niveau"),
    ];
}
