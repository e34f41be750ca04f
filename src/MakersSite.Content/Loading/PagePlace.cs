using System.Text.RegularExpressions;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;

namespace MakersSite.Content.Loading;

/// <summary>Where a page file sits decides its kind, section, slug and URL (URL = /section/slug/).</summary>
public sealed partial record PagePlace(PageKind Kind, string? Section, string Slug, string Url)
{
    public static PagePlace? Classify(string relativeFile)
    {
        var parts = relativeFile.Split('/');
        if (parts[0] != "content") return null;
        var p = parts[1..];
        return p switch
        {
            ["index.md"] => new PagePlace(PageKind.Home, null, "", "/"),
            [var section, "_index.md"] when ContentSchemas.TypedSections.Contains(section) =>
                new PagePlace(PageKind.SectionList, section, section, $"/{section}/"),
            [var section, var slug, "index.md"] when ContentSchemas.TypedSections.Contains(section) =>
                new PagePlace(KindOf(section), section, slug, $"/{section}/{slug}/"),
            [var name, "index.md"] when !ContentSchemas.TypedSections.Contains(name) && !name.StartsWith('_') =>
                new PagePlace(PageKind.Plain, null, name, $"/{name}/"),
            _ => null,
        };
    }

    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    private static PageKind KindOf(string section) => section switch
    {
        ContentSchemas.Companies => PageKind.Company,
        ContentSchemas.Projects => PageKind.Project,
        ContentSchemas.Lessons => PageKind.Lesson,
        ContentSchemas.Topics => PageKind.Topic,
        _ => PageKind.Flat,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex SlugPattern();
}
