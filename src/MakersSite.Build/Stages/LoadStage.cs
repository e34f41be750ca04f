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
        var loader = new ContentLoader(c.Root, c.Diagnostics, c.Options.Serve?.LoadedPages, store);
        c.Content = loader.Load();
        c.SourcesFromCache = loader.PagesFromStore;
        return c.Content is not null;
    }
}

/// <summary>Validate: what a page cannot check alone (references between pages) and what depends on the date.</summary>
internal static class ValidateStage
{
    public static bool Run(BuildContext c)
    {
        // A quick rebuild's pages have the outlines the previous build validated, and loaded without a message.
        if (c.Partial) return true;
        Content.Assembly.CrossReferenceValidator.Validate(c.Content!.Pages, c.Diagnostics);
        Content.Assembly.Freshness.Check(c.Content.Pages, c.Today, c.Diagnostics);
        return !c.Diagnostics.HasErrors;
    }
}
