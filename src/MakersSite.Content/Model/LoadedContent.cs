namespace MakersSite.Content.Model;

/// <summary>The result of the load and validate phases: everything the later phases need, nothing rendered yet.</summary>
public sealed record LoadedContent(
    string Root,
    SiteConfig Site,
    IReadOnlyDictionary<string, Vocabulary> Vocabularies,
    IReadOnlyList<Page> Pages);
