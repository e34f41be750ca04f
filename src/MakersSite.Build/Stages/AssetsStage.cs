using MakersSite.Build.Changes;
using MakersSite.Content.Assembly;
using MakersSite.Images;
using MakersSite.Rendering;

namespace MakersSite.Build.Stages;

/// <summary>
/// Assets: each page's share image and each company's resized pictures (drawn once, then from the cache), and the
/// static files of the theme, the site and the page folders. check names them without drawing anything.
/// </summary>
internal static class AssetsStage
{
    public static bool Run(BuildContext c)
    {
        var theme = c.Content!.Site.Theme;
        var fonts = SocialFonts.Load(Path.Combine(c.ThemeDirectory, "node_modules"), out var missingFont);
        if (fonts is null)
        {
            FullBuildNeeded.Unless(!c.Partial, Decline.FontsMissing);
            c.Diagnostics.Error($"themes/{theme}/package.json", 0, 0, null,
                $"Het lettertype {Path.GetRelativePath(c.Root, missingFont!)} ontbreekt. Installeer de pakketten van het thema: " +
                $"voer 'npm ci' uit in themes/{theme} (dotnet build doet dat vanzelf).");
            return false;
        }
        var socialImages = new SocialImages(Path.Combine(c.Root, ".cache", "social"), new SocialImageRenderer(fonts));
        using (fonts)
        {
            var renderer = new SiteRenderer(c.Graph!, c.Templates!, icons: c.Icons);
            var cards = c.Partial
                ? c.Graph!.Pages.Where(c.Changes.Affects).SelectMany(renderer.ShareCardsOf).ToList()
                : renderer.ShareCards().ToList();
            c.ShareImages = socialImages.Prepare(cards, draw: c.WritesOutput);
        }
        c.SocialImagesDrawn = socialImages.Drawn;

        var pictures = Pictures.Prepare(c.Root, c.Graph!, encode: c.WritesOutput, c.Diagnostics, only: c.Changes.Affects);
        if (c.Diagnostics.HasErrors)
        {
            FullBuildNeeded.Unless(!c.Partial, Decline.PictureUnreadable);
            return false;
        }
        c.Pictures = pictures.Models;
        // A quick rebuild's files are the previous build's: its pages' pictures and QR codes are the same files (their
        // outlines are, and with them the addresses).
        if (c.Partial) return true;
        var qrCodes = new QrCodes(Path.Combine(c.Root, ".cache", "qr"));
        qrCodes.Prepare(c.Graph!, draw: c.WritesOutput);
        CollectFiles(c, socialImages, pictures, qrCodes);
        return true;
    }

    /// <summary>
    /// Static files of the theme and its npm assets, then of the site (which win), then each bundle's files beside
    /// its page, then the share images, QR codes and pictures.
    /// </summary>
    private static void CollectFiles(BuildContext c, SocialImages socialImages, Pictures.Prepared pictures, QrCodes qrCodes)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void AddDirectory(string directory)
        {
            if (!Directory.Exists(directory)) return;
            foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(directory, file).Replace('\\', '/')] = file;
        }
        AddDirectory(Path.Combine(c.ThemeDirectory, "static"));
        foreach (var (output, source) in c.ThemeAssets) files[output] = source;
        AddDirectory(Path.Combine(c.Root, "static"));
        foreach (var page in c.Graph!.Pages.Concat(c.Graph.SectionIntros.Values))
        {
            foreach (var name in page.BundleFiles)
                files[page.Url.TrimStart('/') + name] = Path.Combine(page.BundleDirectory, name);
        }
        foreach (var (path, source) in socialImages.Files) files[path] = source;
        foreach (var (path, source) in qrCodes.Files) files[path] = source;
        // Photos and logos are shipped resized only, never as the member's original file.
        foreach (var original in pictures.Originals) files.Remove(original);
        foreach (var (path, source) in pictures.Files) files[path] = source;
        c.Files = files;
        c.Generated = new HashSet<string>(socialImages.Files.Keys.Concat(pictures.Files.Keys).Concat(qrCodes.Files.Keys), StringComparer.Ordinal);
    }
}
