using MakersSite.Content.Assembly;
using MakersSite.Content.Diagnostics;
using MakersSite.Content.Model;
using MakersSite.Images;
using MakersSite.Rendering;

namespace MakersSite.Build.Stages;

/// <summary>Every logo and photo of the published companies, resized or taken from the cache; check only names them.</summary>
internal static class Pictures
{
    public sealed record Prepared(IReadOnlyDictionary<string, PictureModel> Models, IReadOnlyList<string> Originals, IReadOnlyDictionary<string, string> Files);

    /// <param name="only">The companies whose pictures are wanted (a quick rebuild: the edited ones).</param>
    /// <param name="diagnostics">Told of a file SkiaSharp cannot read, at the field that names it.</param>
    public static Prepared Prepare(string root, SiteGraph graph, bool encode, DiagnosticBag diagnostics, Func<Page, bool> only)
    {
        var sources = graph.Pages.Where(p => p.Kind == PageKind.Company && only(p))
            .SelectMany(p => PictureFiles(p).Select(f => (Page: p, f.Name, f.Field)))
            .DistinctBy(s => (s.Page, s.Name))
            .ToList();
        var images = new ResponsiveImages(Path.Combine(root, ".cache", "images"));
        var prepared = sources.AsParallel().AsOrdered().Select(s => (s.Page, s.Name, s.Field, Picture: images.Prepare(Path.Combine(s.Page.BundleDirectory, s.Name), encode))).ToList();
        var models = new Dictionary<string, PictureModel>(StringComparer.Ordinal);
        var originals = new List<string>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (page, name, field, picture) in prepared)
        {
            if (picture is null)
            {
                var position = page.FieldPositions.GetValueOrDefault(field);
                diagnostics.Error(page.SourceFile, position.Line, position.Column, field,
                    $"'{name}' kan niet als afbeelding gelezen worden: het bestand is beschadigd of onvolledig. Sla het opnieuw op als PNG, JPEG, WebP of GIF.");
                continue;
            }
            var folder = Path.GetDirectoryName(name)!.Replace('\\', '/');
            var prefix = folder.Length == 0 ? "" : folder + "/";
            models[Path.Combine(page.BundleDirectory, name)] = new PictureModel(picture.Width, picture.Height,
                picture.Of("webp").Select(v => (v.Width, prefix + v.FileName)).ToList(),
                picture.Of(picture.FallbackFormat).Select(v => (v.Width, prefix + v.FileName)).ToList());
            originals.Add(page.Url.TrimStart('/') + name);
            foreach (var variant in picture.Variants) files[page.Url.TrimStart('/') + prefix + variant.FileName] = variant.CachedFile;
        }
        return new Prepared(models, originals, files);
    }

    /// <summary>The pictures a company's fields name, with the field's path for messages.</summary>
    private static IEnumerable<(string Name, string Field)> PictureFiles(Page company)
    {
        if (company.Fields.GetValueOrDefault("logo") is string logo) yield return (logo, "logo");
        var index = 0;
        foreach (var photo in (company.Fields.GetValueOrDefault("photos") as IEnumerable<object?>)?.OfType<IReadOnlyDictionary<string, object?>>() ?? [])
        {
            if (photo.GetValueOrDefault("src") is string src) yield return (src, $"photos[{index}].src");
            index++;
        }
    }
}
