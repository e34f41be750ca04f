using MakersSite.Content.Assembly;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Rendering;

/// <summary>The text of a page's share image and of its Slack labels. LogoFile is a file path, or null.</summary>
public sealed record ShareCard(string Kind, string Title, string Subtitle, string? LogoFile);

/// <summary>A share image as pages refer to it: its site URL and its text alternative.</summary>
public sealed record ShareImage(string Url, string Alt, int Width, int Height);

/// <summary>What each kind of page says on its share image and in Slack's labels.</summary>
public sealed class ShareCards(SiteGraph graph)
{
    public ShareCard For(Page page)
    {
        var f = page.Fields;
        return page.Kind switch
        {
            PageKind.Company => new ShareCard("Bedrijf", page.Title,
                Join(f.GetValueOrDefault("place") as string, string.Join(", ", Names(page, "sector"))),
                f.GetValueOrDefault("logo") is string logo ? Path.Combine(page.BundleDirectory, logo) : null),
            PageKind.Project => new ShareCard("Project", page.Title,
                Join(FlatOf(page)?.Title, Status(page)), null),
            PageKind.Lesson => new ShareCard("Kennisbank", page.Title,
                Join("Kennisbank", FactPeriod(page)?.Dutch), null),
            PageKind.Topic => new ShareCard("Regio in je Rugzak", page.Title, AspectForPupils(page), null),
            PageKind.Flat => new ShareCard("Flat", page.Title, page.Summary ?? "", null),
            _ => new ShareCard("", page.Title, page.Summary ?? graph.Content.Site.Description, null),
        };
    }

    /// <summary>Pages without content of their own (lists, taxonomy terms, search, 404).</summary>
    /// <summary>A vacancy's card: its kind, its title, and the company with its place and logo.</summary>
    public ShareCard ForVacancy(Page company, IReadOnlyDictionary<string, object?> vacancy)
    {
        var kind = vacancy["kind"] as string ?? "";
        return new ShareCard(ContentSchemas.VacancyKindNames.GetValueOrDefault(kind, kind), (string)vacancy["title"]!,
            Join(company.Title, company.Fields.GetValueOrDefault("place") as string),
            company.Fields.GetValueOrDefault("logo") is string logo ? Path.Combine(company.BundleDirectory, logo) : null);
    }

    public ShareCard ForListing(string title, string? summary) => new("", title, summary ?? graph.Content.Site.Description, null);

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
