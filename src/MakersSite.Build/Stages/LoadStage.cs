using MakersSite.Build.Caching;
using MakersSite.Content.Loading;

namespace MakersSite.Build.Stages;

/// <summary>
/// Load: every page from content/ (through the loaded-page caches: serve's memory, then the build cache), or for a
/// quick rebuild the change detector's pages (the snapshot's outlines with the changed pages loaded).
/// </summary>
internal static class LoadStage
{
    public static bool Run(BuildContext c)
    {
        if (c.Partial)
        {
            c.Content = c.Changes.Content;
            return true;
        }
        // Stamped before they are loaded, so a file that changes while the build runs counts as changed next time.
        if (c.Snapshot is not null) c.ContentStamps = SiteSnapshot.Walk(c.Root, "content");
        var store = c.Cache is null ? null : new CachedSources(c.Cache, readBack: c.Options.Reuse != Reuse.CacheAfterReading);
        var loader = new ContentLoader(c.Root, c.Diagnostics, c.Options.Serve?.LoadedPages, store, c.Today);
        c.Content = loader.Load();
        c.SourcesFromCache = loader.PagesFromStore;
        return c.Content is not null;
    }
}

/// <summary>
/// Validate: what a page cannot check alone (references between pages) and what depends on the date. It also runs
/// after pages failed to load, on the pages that did, so that one run names every problem it can.
/// </summary>
internal static class ValidateStage
{
    public static bool Run(BuildContext c)
    {
        // A quick rebuild's pages have the outlines the previous build validated, and loaded without a message.
        if (c.Partial) return true;
        var loadFailed = c.Diagnostics.HasErrors;
        // A page whose folder exists but did not load is no broken target: its own message says what to fix.
        Func<string, string, bool>? exists = loadFailed ? (section, slug) => Directory.Exists(Path.Combine(c.Root, "content", section, slug)) : null;
        Content.Assembly.CrossReferenceValidator.Validate(c.Content!.Pages, c.Diagnostics, exists);
        Content.Assembly.Freshness.Check(c.Content.Pages, c.Today, c.Diagnostics);
        if (!c.Diagnostics.HasErrors) return true;
        // The build stops before rendering, where links are checked: links to pages of a section are checked here.
        EarlyLinkCheck.Run(c.Root, c.Content.Pages, c.Diagnostics);
        return false;
    }
}

/// <summary>
/// Checks body links of the form /section/slug/ against the folders of content/, for a build that stops before
/// rendering. Only those: every other address is checked once the site renders, against all it writes.
/// </summary>
internal static class EarlyLinkCheck
{
    public static void Run(string root, IReadOnlyList<Content.Model.Page> pages, Content.Diagnostics.DiagnosticBag diagnostics)
    {
        // An old address of a page (its aliases) is answered by a redirect: no broken link.
        var aliases = pages.SelectMany(p => p.Aliases).Select(a => a.EndsWith('/') ? a : a + "/").ToHashSet(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var link in page.BodyLinks)
            {
                if (SectionPage(link.Url) is not var (section, slug)) continue;
                if (Directory.Exists(Path.Combine(root, "content", section, slug)) || aliases.Contains($"/{section}/{slug}/")) continue;
                diagnostics.Error(page.SourceFile, link.Line, link.Column, null, BrokenLinks.Message(link.Url, page.Url));
            }
        }
    }

    /// <summary>The section and slug of "/bedrijven/naam/" (with an optional #anchor or ?query), else null.</summary>
    private static (string Section, string Slug)? SectionPage(string url)
    {
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) return null;
        var cut = url.IndexOfAny(['#', '?']);
        var parts = (cut < 0 ? url : url[..cut]).Split('/');
        if (parts is not ["", var section, var slug, ""] || slug.Length == 0) return null;
        return Content.Schema.ContentSchemas.TypedSections.Contains(section) ? (section, Uri.UnescapeDataString(slug)) : null;
    }
}
