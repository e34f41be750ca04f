using MakersSite.Tests.Infrastructure;
using SkiaSharp;

namespace MakersSite.Tests.Build;

/// <summary>Photos and logos are shipped resized (WebP plus a fallback), lazy-loaded with their alt text; originals never.</summary>
public sealed class PictureTests
{
    [Fact]
    public void Logo_and_photos_get_srcsets_of_resized_files_and_the_originals_stay_home()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company(extra: """
            logo: logo.png
            photos:
              - src: hal.jpg
                alt: "De productiehal met twee lasrobots."
            video: https://www.youtube.com/watch?v=abcdefghijk
            """)));
        site.WriteBytes("content/bedrijven/testfabriek/logo.png", TestImages.Png(500, 250));
        site.WriteBytes("content/bedrijven/testfabriek/hal.jpg", TestImages.Jpeg(2400, 1600));

        // check names the resized files for the link check but resizes and writes nothing.
        Assert.True(site.Check().Succeeded);
        Assert.False(Directory.Exists(Path.Combine(site.Root, ".cache", "images")));

        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var page = site.Html("bedrijven/testfabriek/index.html");
        var photo = page.QuerySelector(".photos img")!;
        Assert.Equal("De productiehal met twee lasrobots.", photo.GetAttribute("alt"));
        Assert.Equal("lazy", photo.GetAttribute("loading"));
        Assert.Equal(("2400", "1600"), (photo.GetAttribute("width"), photo.GetAttribute("height")));
        Assert.Equal("hal-320.jpg 320w, hal-640.jpg 640w, hal-1024.jpg 1024w", photo.GetAttribute("srcset"));
        Assert.Equal("hal-320.webp 320w, hal-640.webp 640w, hal-1024.webp 1024w", page.QuerySelector(".photos source[type='image/webp']")!.GetAttribute("srcset"));
        Assert.Equal("logo-320.png 320w, logo-500.png 500w", page.QuerySelector(".showcase-head img")!.GetAttribute("srcset"));

        var folder = Path.Combine(site.Output, "bedrijven", "testfabriek");
        Assert.False(File.Exists(Path.Combine(folder, "hal.jpg")));
        Assert.False(File.Exists(Path.Combine(folder, "logo.png")));
        using var webp = SKCodec.Create(Path.Combine(folder, "hal-640.webp"));
        Assert.Equal((SKEncodedImageFormat.Webp, 640, 427), (webp.EncodedFormat, webp.Info.Width, webp.Info.Height));

        // The video is a link and a button until the visitor asks for it: no iframe, nothing from YouTube.
        Assert.Empty(page.QuerySelectorAll("iframe"));
        Assert.Equal("https://www.youtube.com/watch?v=abcdefghijk", page.QuerySelector(".video-consent a")!.GetAttribute("href"));
    }
}
