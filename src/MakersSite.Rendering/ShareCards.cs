using MakersSite.Content.Assembly;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Rendering;

/// <summary>
/// The text of a page's share image and of its Slack labels. LogoFile and IconFile are file paths, or null; Accent
/// names the section colour of the image's field; Monogram stands in for a company's missing logo.
/// </summary>
public sealed record ShareCard(string Kind, string Title, string Subtitle, string? LogoFile, string? IconFile = null,
    string Accent = "red", string? Monogram = null);

/// <summary>A share image as pages refer to it: its site URL and its text alternative.</summary>
public sealed record ShareImage(string Url, string Alt, int Width, int Height);

/// <summary>What each kind of page says on its share image and in Slack's labels.</summary>
public sealed class ShareCards(SiteGraph graph, ThemeIcons icons)
{
    public ShareCard For(Page page)
    {
        var f = page.Fields;
        var flat = f.GetValueOrDefault("flat") as string;
        return page.Kind switch
        {
            PageKind.Company => new ShareCard("Bedrijf", page.Title,
                Join(f.GetValueOrDefault("place") as string, string.Join(", ", Names(page, "sector"))),
                LogoOf(page), Accent: ContentSchemas.Companies, Monogram: Rendering.Monogram.Of(page.Title)),
            PageKind.Project => new ShareCard("Project", page.Title,
                Join(FlatOf(page)?.Title, Status(page)), null, icons.File(flat, ContentSchemas.Projects), ContentSchemas.Projects),
            PageKind.Lesson => new ShareCard("Kennisbank", page.Title,
                Join("Kennisbank", FactPeriod(page)?.Dutch), null, icons.File(null, ContentSchemas.Lessons), ContentSchemas.Lessons),
            PageKind.Topic => new ShareCard("Regio in je Rugzak", page.Title, AspectForPupils(page), null,
                icons.File(f.GetValueOrDefault("aspect") as string, ContentSchemas.Topics), ContentSchemas.Topics),
            PageKind.Flat => new ShareCard("Thema", page.Title, page.Summary ?? "", null, icons.File(page.Slug, ContentSchemas.Projects), ContentSchemas.Projects),
            _ => new ShareCard("", page.Title, page.Summary ?? graph.Content.Site.Description, null),
        };
    }

    private static string? LogoOf(Page company) =>
        company.Fields.GetValueOrDefault("logo") is string logo ? Path.Combine(company.BundleDirectory, logo) : null;

    /// <summary>Pages without content of their own (lists, taxonomy terms, search, 404).</summary>
    /// <summary>A vacancy's card: its kind, its title, and the company with its place and logo.</summary>
    public ShareCard ForVacancy(Page company, IReadOnlyDictionary<string, object?> vacancy)
    {
        var kind = vacancy["kind"] as string ?? "";
        return new ShareCard(ContentSchemas.VacancyKindNames.GetValueOrDefault(kind, kind), (string)vacancy["title"]!,
            Join(company.Title, company.Fields.GetValueOrDefault("place") as string),
            LogoOf(company), icons.File(null, "vacatures"), "vacatures");
    }

    /// <summary>A list's card, in its section's colour with its icon (the site's own pages: the brand's flag).</summary>
    public ShareCard ForListing(string title, string? summary, string? section = null) =>
        new("", title, summary ?? graph.Content.Site.Description, null,
            section is null ? null : icons.File(null, section == ContentSchemas.Flats ? ContentSchemas.Projects : section),
            section switch { null => "red", ContentSchemas.Flats => ContentSchemas.Projects, _ => section });

    /// <summary>Slack's unfurl labels (twitter:label1/data1, label2/data2).</summary>
    public IReadOnlyList<(string Label, string Data)> Labels(Page page)
    {
        var f = page.Fields;
        var labels = new List<(string, string)>();
        void Add(string label, string? data)
        {
            if (!string.IsNullOrEmpty(data)) labels.Add((label, data));
        }
        switch (page.Kind)
        {
            case PageKind.Company:
                Add("Gemeente", Names(page, "municipality").FirstOrDefault());
                Add("Sector", string.Join(", ", Names(page, "sector")));
                break;
            case PageKind.Project:
                Add("Flat", FlatOf(page)?.Title);
                Add("Status", Status(page));
                break;
            case PageKind.Lesson:
                Add("Periode", FactPeriod(page)?.Dutch);
                Add("Project", f.GetValueOrDefault("project") is string p ? graph.Find(ContentSchemas.Projects, p)?.Title : null);
                break;
            case PageKind.Topic:
                Add("Aspect", Names(page, "aspect").FirstOrDefault());
                Add("Voor", "leerlingen van 10 tot 16 jaar");
                break;
        }
        return labels;
    }

    /// <summary>"Voorgesteld (2022)": a status with the year it was true, when the content gives one.</summary>
    public static string? Status(Page page)
    {
        if (ContentSchemas.ProjectStatusNames.GetValueOrDefault(page.Fields.GetValueOrDefault("status") as string ?? "") is not { } name) return null;
        return page.Fields.GetValueOrDefault("statusYear") is long year ? $"{name} ({year.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : name;
    }

    /// <summary>When a kennisbank article's facts were true.</summary>
    public static Period? FactPeriod(Page page) => page.Fields.GetValueOrDefault("date") is string written ? Period.Parse(written) : null;

    public Page? FlatOf(Page page) =>
        page.Fields.GetValueOrDefault("flat") is string flat ? graph.Find(ContentSchemas.Flats, flat) : null;

    private IEnumerable<string> Names(Page page, string taxonomy)
    {
        var vocabulary = SiteGraph.Taxonomies.First(t => t.Name == taxonomy).Vocabulary;
        var terms = graph.Content.Vocabularies.GetValueOrDefault(vocabulary)?.Terms ?? [];
        return SiteGraph.TermSlugs(page, taxonomy).Select(slug => terms.FirstOrDefault(t => t.Slug == slug)?.Name).OfType<string>();
    }

    private string AspectForPupils(Page page)
    {
        var slug = SiteGraph.TermSlugs(page, "aspect").FirstOrDefault();
        var term = graph.Content.Vocabularies.GetValueOrDefault(ContentSchemas.AspectsVocabulary)?.Terms.FirstOrDefault(t => t.Slug == slug);
        return term is null ? "" : term.Description is { Length: > 0 } d ? $"{term.Name}: {d}" : term.Name;
    }

    private static string Join(string? a, string? b) =>
        string.Join(" · ", new[] { a, b }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
