namespace MakersSite.Content.Model;

public sealed record MenuItem(string Title, string Url);

/// <summary>content/site.yml: what the whole site shares.</summary>
public sealed record SiteConfig(
    string Title,
    string BaseUrl,
    string Language,
    string Description,
    string Theme,
    IReadOnlyList<MenuItem> MainMenu,
    IReadOnlyList<MenuItem> FooterMenu,
    IReadOnlyDictionary<string, string> Brand)
{
    /// <summary>The base URL with exactly one trailing slash removed, so "https://x.nl" + "/pad/" joins cleanly.</summary>
    public string BaseUrlWithoutSlash => BaseUrl.TrimEnd('/');
}
