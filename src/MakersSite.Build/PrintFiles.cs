using MakersSite.Content.Assembly;
using MakersSite.Content.Schema;
using MakersSite.Images;

namespace MakersSite.Build;

/// <summary>What a company's print sheet shows besides its page: a QR code of its address, drawn at build time.</summary>
internal static class PrintFiles
{
    /// <summary>In a folder of their own, so no file a member puts in a company's folder can take the name.</summary>
    public const string QrFolder = "qr";

    public static IEnumerable<(string Path, string Text)> All(SiteGraph graph) =>
        graph.InSection(ContentSchemas.Companies).Select(company =>
            ($"{QrFolder}/{company.Slug}.svg", QrCode.Svg(graph.Content.Site.BaseUrlWithoutSlash + company.Url)));
}
