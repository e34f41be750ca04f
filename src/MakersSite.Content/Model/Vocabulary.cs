namespace MakersSite.Content.Model;

public sealed record Term(string Slug, string Name, string? Description);

/// <summary>A list of allowed values from content/_data/NAME.yml, such as the municipalities of Noord-Limburg.</summary>
public sealed class Vocabulary(string name, IReadOnlyList<Term> terms)
{
    public string Name { get; } = name;
    public IReadOnlyList<Term> Terms { get; } = terms;
    private readonly Dictionary<string, Term> _bySlug = terms.ToDictionary(t => t.Slug, StringComparer.Ordinal);

    public bool Contains(string slug) => _bySlug.ContainsKey(slug);
    public Term? Find(string slug) => _bySlug.GetValueOrDefault(slug);
}
