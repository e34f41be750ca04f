using MakersSite.Build.Changes;
using MakersSite.Content.Model;
using MakersSite.Output;
using MakersSite.Rendering;

namespace MakersSite.Build.Stages;

/// <summary>
/// Render and post-process: lists the pages and every path of the output, then streams the pages that must be
/// rendered through the template, the post-processing chain, the page cache, the search analysis and the output
/// on every core; only what later stages need stays in memory (search text, the Rugzak pages for the offline worker).
/// </summary>
internal static class RenderStage
{
    public static bool Run(BuildContext c)
    {
        if (!Plan(c)) return false;
        SearchAnalysis.Open(c);
        // A quick rebuild writes into the output the change detector opened; a full one opens its own.
        if (c.Partial) c.Output = c.Changes.TakeOutput();
        else if (c.WritesOutput) c.Output = new IncrementalOutput(c.Options.OutputDirectory, Caching.OutputManifest.PathFor(c.Root, c.Options.OutputDirectory));
        var pages = new PageWork(c);
        try
        {
            pages.RenderAll();
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is TemplateException) is TemplateException templateError)
        {
            return TemplateFailure(c, templateError);
        }
        catch (TemplateException e)
        {
            return TemplateFailure(c, e); // an open page, rendered before the others
        }
        c.Counters.AsTree = c.PostProcessor!.PagesAsTree;
        c.Counters.TokenizedByAngleSharp = c.PostProcessor.PagesTokenizedByAngleSharp;
        if (pages.Broken.Count > 0)
        {
            FullBuildNeeded.Unless(!c.Partial, Decline.BrokenLink); // the full build names them
            BrokenLinks.Report(pages.Broken, c.Jobs, c.Diagnostics);
            return false;
        }
        if (!c.Partial) SiteFiles.Write(c, pages.OfflinePages);
        c.RenderedUrls = c.Jobs.Select(j => j.Url).ToHashSet(StringComparer.Ordinal);
        c.PageCount = c.Partial ? c.Changes.Snapshot!.PageCount : c.Jobs.Count(j => !j.IsRedirect);
        if (c.Snapshot is not null && !c.Partial) c.Outlines = Outlines(c.Content!.Pages);
        return true;
    }

    /// <summary>The pages to render and every path the output will hold, which links are checked against.</summary>
    private static bool Plan(BuildContext c)
    {
        c.Renderer = new SiteRenderer(c.Graph!, c.Templates!, c.ShareImages, c.Pictures, c.Icons);
        try
        {
            c.Jobs = c.Renderer.Jobs().Where(c.Changes.MustRender).ToList();
        }
        catch (TemplateException e)
        {
            return TemplateFailure(c, e);
        }
        if (c.Partial)
        {
            c.SortedOutputPaths = c.Changes.Snapshot!.OutputPaths;
            c.OutputPaths = c.SortedOutputPaths.ToHashSet(StringComparer.Ordinal);
            return true;
        }
        c.OutputPaths = new HashSet<string>(c.Files.Keys, StringComparer.Ordinal);
        foreach (var job in c.Jobs) c.OutputPaths.Add(OutputPaths.FileForUrl(job.Url));
        c.TextFiles = [.. new DiscoveryFiles(c.Graph!).All(c.Jobs.Where(j => !j.IsRedirect).Select(j => j.Url)), .. EditorFiles.All(c.Content!)];
        foreach (var (path, _) in c.TextFiles) c.OutputPaths.Add(path);
        c.SortedOutputPaths = c.OutputPaths.Order(StringComparer.Ordinal).ToList();
        foreach (var group in c.Jobs.GroupBy(p => OutputPaths.FileForUrl(p.Url)).Where(g => g.Count() > 1))
        {
            var sources = group.Select(p => p.Source?.SourceFile).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            c.Diagnostics.Error(sources.FirstOrDefault() ?? "content", 0, 0, "aliases",
                $"Het adres {group.Key} wordt door meer dan één pagina gebruikt ({string.Join(", ", sources)}). Kies een ander adres.");
        }
        return !c.Diagnostics.HasErrors;
    }

    /// <summary>Each page as other pages see it, for the next build's change detector; null when the codec cannot hold one.</summary>
    private static IReadOnlyList<ArraySegment<byte>>? Outlines(IReadOnlyList<Page> pages)
    {
        var outlines = pages.AsParallel().AsOrdered().Select(Content.Loading.LoadedPageCodec.EncodeOutline).ToList();
        return outlines.Any(o => o is null) ? null : outlines.Select(o => new ArraySegment<byte>(o!)).ToList();
    }

    private static bool TemplateFailure(BuildContext c, TemplateException e)
    {
        c.Diagnostics.Error($"themes/{c.Content!.Site.Theme}/layouts", 0, 0, null, e.Message);
        return false;
    }
}

/// <summary>Names the content file (and, for links in the body, the line) behind each broken link.</summary>
internal static class BrokenLinks
{
    public static void Report(IEnumerable<BrokenLink> broken, List<PageJob> jobs, Content.Diagnostics.DiagnosticBag diagnostics)
    {
        var sources = jobs.GroupBy(p => p.Url).ToDictionary(g => g.Key, g => g.First().Source);
        foreach (var link in broken.Distinct())
        {
            var source = sources.GetValueOrDefault(link.PageUrl);
            var bodyLink = source?.BodyLinks.FirstOrDefault(l => l.Url == link.Href);
            diagnostics.Error(source?.SourceFile ?? "themes", bodyLink?.Line ?? 0, bodyLink?.Column ?? 0, null, Message(link.Href, link.PageUrl));
        }
    }

    public static string Message(string href, string pageUrl) =>
        $"De link naar '{href}' op {pageUrl} verwijst naar een pagina of bestand dat niet bestaat. " +
        "Controleer het adres, zoals /bedrijven/naam-van-de-map/.";
}
