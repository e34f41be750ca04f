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
    /// <summary>Where the site's files live on GitHub ("https://github.com/owner/repo"), for "Pagina aanpassen" links; null: no such links.</summary>
    public string? Repository { get; init; }

    /// <summary>The branch members propose their changes against.</summary>
    public string Branch { get; init; } = "main";

    /// <summary>The OAuth server the form editor at /beheer/ logs members in through; null: the editor's default (Netlify's).</summary>
    public string? EditorAuth { get; init; }

    /// <summary>The base URL with exactly one trailing slash removed, so "https://x.nl" + "/pad/" joins cleanly.</summary>
    public string BaseUrlWithoutSlash => BaseUrl.TrimEnd('/');
}
