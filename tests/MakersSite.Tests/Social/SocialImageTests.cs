using MakersSite.Images;
using MakersSite.Tests.Infrastructure;
using SkiaSharp;

namespace MakersSite.Tests.Social;

/// <summary>Share images: size, weight, stable names, a build cache, and text that never leaves the safe area.</summary>
public sealed class SocialImageTests
{
    private static SocialFonts Fonts() => SocialFonts.Load(Node.ModulesDirectory, out _) ?? throw new InvalidOperationException("fonts missing");

    [Fact]
    public void Every_page_of_the_default_site_has_a_1200x630_image_of_at_most_300_KB()
    {
        using var site = TestSite.FromDefaultContent();
        Assert.True(site.Build().Succeeded);

        var pages = Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f))
            .Where(f => !site.Html(f).QuerySelectorAll("meta[http-equiv=refresh]").Any())
            // The form editor is a tool that asks not to be found, not a page to share.
            .Where(f => site.Html(f).QuerySelector("meta[name=robots][content=noindex]") is null)
            .ToList();
        Assert.True(pages.Count > 60);
        foreach (var page in pages)
        {
            var image = site.Html(page).QuerySelector("meta[property='og:image']")?.GetAttribute("content");
            Assert.True(image is not null, $"{page} has no og:image");
            Assert.StartsWith("https://www.landvandemakers.nl/social/", image);
            var file = Path.Combine(site.Output, image["https://www.landvandemakers.nl/".Length..]);
            var bytes = File.ReadAllBytes(file);
            Assert.InRange(bytes.Length, 1, SocialImageRenderer.MaxBytes);
            using var bitmap = SKBitmap.Decode(bytes);
            Assert.Equal((1200, 630), (bitmap.Width, bitmap.Height));
        }
    }

    [Fact]
    public void Names_are_stable_the_cache_skips_drawing_and_a_new_title_gets_a_new_image()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company()));
        string ImageUrl() => site.Html("bedrijven/testfabriek/index.html").QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;

        var first = site.Build();
        var firstUrl = ImageUrl();
        var second = site.Build();

        Assert.True(first.Counters.SocialImagesDrawn > 0);
        Assert.Equal(0, second.Counters.SocialImagesDrawn);
        Assert.Equal(firstUrl, ImageUrl());

        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(title: "Testfabriek Nieuw"));
        var third = site.Build();

        Assert.Equal(1, third.Counters.SocialImagesDrawn);
        Assert.NotEqual(firstUrl, ImageUrl());
        Assert.False(File.Exists(Path.Combine(site.Output, firstUrl[(firstUrl.IndexOf("/social/", StringComparison.Ordinal) + 1)..])));
    }

    public static TheoryData<string, bool> HardTitles => new()
    {
        { string.Join(' ', Enumerable.Repeat("Duurzame maakindustrie in Noord-Limburg", 8))[..300], false },
        { "Arbeidsmarktoptimalisatieprogramma", false },
        { "Arbeidsmarktoptimalisatieprogramma", true },
        { "Arbeidsmarktoptimalisatieprogrammaontwikkelingstrajectbegeleidingscommissievergadering", true },
        { "Één café, ideeën & € 10 korting 🍞🚜 voor naïeve coöperaties", true },
    };

    [Theory]
    [MemberData(nameof(HardTitles))]
    public void Text_stays_inside_the_safe_area(string title, bool withLogo)
    {
        using var fonts = Fonts();
        var renderer = new SocialImageRenderer(fonts);
        var card = new SocialCard("Bedrijf", title, "Venlo · Machinebouw, Kunststoffen en materialen, Voeding en agro, Metaal en nog veel meer sectoren", withLogo ? TestImages.Png(400, 200) : null);

        using var bitmap = renderer.Draw(card);

        // Outside the safe area there is only paper, the top band over the text side, and the colour field.
        var field = SocialPalette.Of("bedrijven");
        var outside = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var expected = x >= SocialImageRenderer.FieldLeft ? field : y < SocialImageRenderer.BandHeight ? SocialImageRenderer.Red : SocialImageRenderer.Paper;
                if (SocialImageRenderer.SafeArea.Contains(x + 0.5f, y + 0.5f) && !(x >= SocialImageRenderer.TextRight && x < SocialImageRenderer.FieldLeft)) continue;
                if (bitmap.GetPixel(x, y) != expected) outside++;
            }
        }
        // (The strip between the text and the field is checked as if outside: no text may run into it.)
        Assert.Equal(0, outside);
        // And the title did get drawn: ink in the title area.
        var ink = 0;
        for (var y = 110; y < 300; y++) for (var x = 60; x < 700; x++) if (bitmap.GetPixel(x, y) == SocialImageRenderer.Ink) ink++;
        Assert.True(ink > 500, $"only {ink} ink pixels");
    }

    [Fact]
    public void The_field_holds_the_logo_else_the_icon_else_the_monogram_in_the_sections_colour()
    {
        using var fonts = Fonts();
        var renderer = new SocialImageRenderer(fonts);
        var icon = File.ReadAllText(Path.Combine(Repository.Root, "themes/default/static/img/icons/productie.svg"));
        var centre = new SKPointI((int)(SocialImageRenderer.FieldLeft + SocialImageRenderer.Width) / 2, SocialImageRenderer.Height / 2);

        int Count(SKBitmap bitmap, SKColor colour)
        {
            var n = 0;
            for (var y = centre.Y - 120; y < centre.Y + 120; y++) for (var x = centre.X - 120; x < centre.X + 120; x++) if (bitmap.GetPixel(x, y) == colour) n++;
            return n;
        }
        using var topic = renderer.Draw(new SocialCard("Regio in je Rugzak", "Productie", "", Icon: icon, Accent: "rugzak"));
        using var company = renderer.Draw(new SocialCard("Bedrijf", "Blue Engineering", "Venlo", Accent: "bedrijven", Monogram: "BE"));
        using var logo = renderer.Draw(new SocialCard("Bedrijf", "Blue Engineering", "Venlo", TestImages.Png(400, 200), Accent: "bedrijven", Monogram: "BE"));
        using var plain = renderer.Draw(new SocialCard("Bedrijf", "Blue Engineering", "Venlo", Accent: "bedrijven"));

        // The field is the section's colour; the badge in it is white with the icon's or letters' strokes in that colour.
        Assert.Equal(SocialPalette.Of("rugzak"), topic.GetPixel(SocialImageRenderer.Width - 5, 5));
        Assert.Equal(SocialPalette.Of("bedrijven"), company.GetPixel(SocialImageRenderer.Width - 5, 5));
        Assert.True(Count(topic, SocialImageRenderer.Paper) > 10_000, "no white badge behind the icon");
        Assert.True(Count(topic, SocialPalette.Of("rugzak")) > 1_000, "no icon strokes on the badge");
        Assert.True(Count(company, SocialPalette.Of("bedrijven")) > 1_000, "no monogram letters on the badge");
        // A logo takes the monogram's place: the test logo (200 × 100 here, red with a white middle) where the
        // monogram's badge is plain white.
        var corner = new SKPointI(centre.X - 95, centre.Y - 45);
        Assert.Equal(SocialPalette.Of("bedrijven"), logo.GetPixel(corner.X, corner.Y));
        Assert.Equal(SocialImageRenderer.Paper, logo.GetPixel(centre.X, centre.Y));
        Assert.Equal(SocialImageRenderer.Paper, company.GetPixel(corner.X, corner.Y));
        // Nothing to show: the brand's flag in white, so the field is never empty.
        Assert.True(Count(plain, SocialImageRenderer.Paper) > 2_000);
    }

    [Fact]
    public void A_long_compound_is_shrunk_or_hyphenated_never_cut()
    {
        using var fonts = Fonts();
        var renderer = new SocialImageRenderer(fonts);
        const string word = "Arbeidsmarktoptimalisatieprogrammaontwikkelingstrajectbegeleidingscommissievergadering";

        var (size, lines) = renderer.LayoutTitle(word, 900, 340);

        Assert.True(lines.Count <= 3);
        Assert.All(lines, line => Assert.True(renderer.Measure(line, size, bold: true) <= 900, $"'{line}' is wider than the line"));
        Assert.Equal(word, string.Concat(lines.Select(l => l.TrimEnd('-'))));
        Assert.All(lines.SkipLast(1), line => Assert.EndsWith("-", line));
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void A_title_of_one_endless_word_is_laid_out_in_three_lines_ending_in_an_ellipsis(int letters)
    {
        // Such a title once took minutes (every prefix measured at every size, every line); check refuses titles over
        // 120 characters, but the layout itself must not depend on that.
        using var fonts = Fonts();
        var renderer = new SocialImageRenderer(fonts);
        var word = string.Concat(Enumerable.Repeat("machinebouw", letters / 11 + 1))[..letters];

        var (size, lines) = renderer.LayoutTitle(word, 900, 340);

        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.True(renderer.Measure(line, size, bold: true) <= 900, $"'{line}' is wider than the line"));
        Assert.EndsWith("…", lines[^1]);
        Assert.StartsWith(string.Concat(lines.Select(l => l.TrimEnd('-', '…'))), word);
        using var bitmap = renderer.Draw(new SocialCard("Bedrijf", word, "Venlo", null));
        Assert.Equal(SocialImageRenderer.Width, bitmap.Width);
    }

    [Fact]
    public void Diacritics_euro_and_emoji_have_glyphs()
    {
        using var fonts = Fonts();
        foreach (var rune in "ëéïöüàçñ ÉËÏ € – “” 🍞🚜🏭🔧❤".EnumerateRunes())
            Assert.True(fonts.Covers(rune.Value), $"U+{rune.Value:X4} would be a tofu box");
    }
}
