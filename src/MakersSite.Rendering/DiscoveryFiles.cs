using System.Text;
using System.Xml;
using MakersSite.Content.Assembly;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Rendering;

/// <summary>What crawlers and feed readers read: sitemap.xml, robots.txt and Atom feeds of the kennisbank and of new vacancies.</summary>
public sealed class DiscoveryFiles(SiteGraph graph)
{
    public const string KennisbankFeed = "kennisbank/feed.xml";
    public const string VacanciesFeed = "vacatures/feed.xml";

    private string Base => graph.Content.Site.BaseUrlWithoutSlash;

    /// <param name="pageUrls">Every HTML page the build writes (not redirects), to list in the sitemap.</param>
    public IEnumerable<(string Path, string Text)> All(IEnumerable<string> pageUrls)
    {
        yield return ("sitemap.xml", Sitemap(pageUrls));
        // The form editor is a tool for members, not a page to find.
        yield return ("robots.txt", $"User-agent: *\nAllow: /\nDisallow: /beheer/\n\nSitemap: {Base}/sitemap.xml\n");
        yield return (KennisbankFeed, Kennisbank());
        yield return (VacanciesFeed, Vacancies());
    }

    private string Sitemap(IEnumerable<string> pageUrls)
    {
        var pages = graph.Pages.ToDictionary(p => p.Url, StringComparer.Ordinal);
        return Xml(w =>
        {
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var url in pageUrls.Where(u => u is not "/404.html" and not "/zoeken/").Order(StringComparer.Ordinal))
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", Base + url);
                if (pages.GetValueOrDefault(url) is { } page && LastModified(page) is { } date) w.WriteElementString("lastmod", DutchDates.Iso(date));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    /// <summary>
    /// The content's own date of a page: when a profile was last checked or an article last edited. An article's
    /// 'date' is when its facts were true, which says nothing of when the page changed.
    /// </summary>
    public static DateOnly? LastModified(Page page) => page.Fields.GetValueOrDefault("updated") as DateOnly?;

    /// <summary>An Atom entry needs a day: the article's last edit, else the first day of the period its facts are from.</summary>
    private static DateOnly FeedDate(Page article) =>
        LastModified(article) ?? (Period.Parse(article.Fields["date"] as string ?? "") is { } period ? period.Start : DateOnly.MinValue);

    private string Kennisbank()
    {
        var articles = graph.InSection(ContentSchemas.Lessons)
            .Select(p => (Page: p, Date: FeedDate(p)))
            .OrderByDescending(a => a.Date).ThenBy(a => a.Page.Url, StringComparer.Ordinal)
            .ToList();
        return Feed("Kennisbank – " + graph.Content.Site.Title, "/kennisbank/", KennisbankFeed,
            articles.Select(a => (Id: Base + a.Page.Url, a.Page.Title, Url: Base + a.Page.Url, a.Date, Summary: a.Page.Summary ?? "")).ToList());
    }

    private string Vacancies()
    {
        var entries = graph.InSection(ContentSchemas.Companies)
            .SelectMany(company => graph.ActiveVacancies(company).Select(v =>
            {
                var posted = (DateOnly)v["posted"]!;
                var title = $"{v["title"]} bij {company.Title}";
                var id = $"{Base}{company.Url}#{Freshness.Anchor(v)}";
                var summary = $"{v["kind"]}{(v.GetValueOrDefault("level") is string level ? $" ({level})" : "")} in {company.Fields.GetValueOrDefault("place")}";
                return (Id: id, Title: title, Url: Base + company.Url + "#vacatures", Date: posted, Summary: summary);
            }))
            .OrderByDescending(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return Feed("Vacatures en stages – " + graph.Content.Site.Title, "/bedrijven/", VacanciesFeed, entries);
    }

    private string Feed(string title, string htmlUrl, string path, IReadOnlyList<(string Id, string Title, string Url, DateOnly Date, string Summary)> entries)
    {
        // An empty feed still needs an <updated>: the build date, which SOURCE_DATE_EPOCH fixes for reproducible builds.
        var updated = entries.Count > 0 ? entries.Max(e => e.Date) : graph.Today;
        return Xml(w =>
        {
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("xml", "lang", null, "nl");
            w.WriteElementString("title", title);
            w.WriteElementString("id", Base + "/" + path);
            Link(w, Base + "/" + path, "self");
            Link(w, Base + htmlUrl, "alternate");
            w.WriteElementString("updated", Timestamp(updated));
            w.WriteStartElement("author");
            w.WriteElementString("name", graph.Content.Site.Title);
            w.WriteEndElement();
            foreach (var e in entries)
            {
                w.WriteStartElement("entry");
                w.WriteElementString("title", e.Title);
                w.WriteElementString("id", e.Id);
                Link(w, e.Url, "alternate");
                w.WriteElementString("updated", Timestamp(e.Date));
                w.WriteElementString("summary", e.Summary);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    private static void Link(XmlWriter w, string href, string rel)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => DutchDates.Iso(date) + "T00:00:00Z";

    private static string Xml(Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true }))
        {
            write(writer);
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb + "\n";
    }
}
