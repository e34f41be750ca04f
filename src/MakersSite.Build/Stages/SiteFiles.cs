using MakersSite.Output;
using MakersSite.Rendering;

namespace MakersSite.Build.Stages;

/// <summary>What a full build writes besides its pages: the offline worker, the copied and linked files, and the discovery files.</summary>
internal static class SiteFiles
{
    /// <summary>The files the offline worker keeps beside the Rugzak pages.</summary>
    private static readonly string[] OfflineAssets = ["css/site.css", "js/site.js", "js/rugzak.js", "img/vlag.svg", "img/zoeken.svg", "fonts/inter-latin-400-normal.woff2", "fonts/inter-latin-700-normal.woff2"];


    public static void Write(BuildContext c, IEnumerable<string?> offlinePages)
    {
        // The offline worker keeps the Rugzak pages' files and icons; its cache name follows them and the pages.
        var assets = OfflineAssets.Where(c.Files.ContainsKey).Concat(c.Files.Keys.Where(f => f.StartsWith(ThemeIcons.Folder + "/", StringComparison.Ordinal))).ToList();
        var offlineHash = OfflineFiles.Hash(offlinePages.OfType<string>().Concat(assets.Select(a => File.ReadAllText(c.Files[a]))));
        var serviceWorker = OfflineFiles.Worker(c.Graph!, assets, offlineHash);
        if (c.Output is not { } output) return;
        foreach (var (relative, source) in c.Files)
        {
            // Share images and resized pictures are cache entries nobody edits: linked, not copied.
            if (c.Generated.Contains(relative)) output.LinkFile(source, relative);
            else output.CopyFile(source, relative);
        }
        foreach (var (path, text) in c.TextFiles) output.WriteText(path, text);
        output.WriteText(OfflineFiles.ServiceWorker, serviceWorker);
        if (c.Options.Serve is { } serve)
        {
            output.Publish();
            serve.Observer.PagesPublished();
        }
    }
}
