using MakersSite.Content.Diagnostics;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Validation;

/// <summary>
/// A company folder comes from a pull request: nothing in it may publish a file of the build machine, publish active
/// content, crash or hang the build (issue 22, items 1, 2, 6 and 7). check and build give the same messages.
/// </summary>
public sealed class UntrustedFilesTests
{
    private const string Folder = "content/bedrijven/testfabriek";

    private static string Link(string name) =>
        $"'{name}' is een snelkoppeling (symbolische link) naar een ander bestand of een andere map. Die zijn in content/ niet " +
        "toegestaan, omdat ze naar bestanden buiten de site kunnen wijzen. Zet het bestand zelf in de map.";

    private static string NotAllowed(string name) =>
        $"'{name}' mag niet naast een pagina staan. Alleen afbeeldingen (PNG, JPEG, WebP, GIF), PDF-documenten en tekstbestanden " +
        "(.txt, .csv) worden gepubliceerd: HTML-, SVG-, script- en serverbestanden kunnen code uitvoeren op de site. " +
        "Haal het bestand weg of zet de tekst in index.md.";

    private static string Hidden(string name) =>
        $"'{name}' is een verborgen bestand of staat in een verborgen map (de naam begint met een punt). " +
        "Verborgen bestanden worden niet gepubliceerd; haal het weg uit de map.";

    private const string Special = "is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp).";

    public static TheoryData<string> ActiveFiles => new(["x.html", "x.htm", "beeld.svg", "sw.js", "data.xml", "pagina.xhtml", "web.config", "run.php"]);

    [Theory]
    [MemberData(nameof(ActiveFiles))]
    public void An_active_file_in_a_company_folder_is_refused_linked_or_not(string name)
    {
        using var site = CompanySite(body: $"[bekijk]({name})");
        site.Write($"{Folder}/{name}", "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(2)</script></svg>");

        AssertRefused(site, $"{Folder}/{name}: fout: {NotAllowed(name)}");
    }

    [Theory]
    [InlineData(".env", ".env")]
    [InlineData(".htaccess", ".htaccess")]
    [InlineData(".hidden/secret.txt", "secret.txt")]
    public void A_hidden_file_is_refused(string path, string name)
    {
        using var site = CompanySite();
        site.Write($"{Folder}/{path}", "GEHEIM=1");

        AssertRefused(site, $"{Folder}/{path}: fout: {Hidden(name)}");
    }

    [Theory]
    [InlineData("prijs\tlijst.txt", "prijs?lijst.txt")]
    [InlineData("regel\nbreuk.txt", "regel?breuk.txt")]
    public void A_file_name_with_a_tab_or_line_break_is_refused(string name, string shown)
    {
        // Such a name would also split a line of the output's manifest and journal in two.
        using var site = CompanySite();
        site.Write($"{Folder}/{name}", "tekst");

        AssertRefused(site, $"{Folder}/{name}: fout: De naam van het bestand '{shown}' bevat een onzichtbaar teken (zoals een tab of een nieuwe regel). " +
                            "Geef het een naam met alleen letters, cijfers, streepjes en punten.");
    }

    [Fact]
    public void Symbolic_links_to_files_of_the_machine_are_refused_and_never_read()
    {
        using var site = CompanySite(body: "[wachtwoorden](passwd.txt)");
        Environment.SetEnvironmentVariable("MAKERS_SITE_SECRET_FOR_TEST", "lek-niet");
        File.CreateSymbolicLink(Path.Combine(site.Root, Folder, "passwd.txt"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(site.Root, Folder, "environ.txt"), "/proc/self/environ");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, Folder, "etc"), "/etc");
        File.CreateSymbolicLink(Path.Combine(site.Root, Folder, "weg.png"), "/bestaat/niet.png");

        AssertRefused(site,
            $"{Folder}/environ.txt: fout: {Link("environ.txt")}",
            $"{Folder}/etc: fout: {Link("etc")}",
            $"{Folder}/passwd.txt: fout: {Link("passwd.txt")}",
            $"{Folder}/weg.png: fout: {Link("weg.png")}");
    }

    [Fact]
    public void A_symbolic_link_as_a_whole_company_folder_or_as_index_md_is_refused()
    {
        using var site = CompanySite();
        var elsewhere = Directory.CreateTempSubdirectory("makers-site-elsewhere-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(elsewhere, "index.md"), Fixtures.Company(title: "Van elders"));
            Directory.CreateSymbolicLink(Path.Combine(site.Root, "content/bedrijven/elders"), elsewhere);
            Directory.CreateDirectory(Path.Combine(site.Root, "content/bedrijven/nul"));
            File.CreateSymbolicLink(Path.Combine(site.Root, "content/bedrijven/nul/index.md"), "/dev/zero");

            AssertRefused(site,
                $"content/bedrijven/elders: fout: {Link("elders")}",
                $"content/bedrijven/nul/index.md: fout: {Link("index.md")}");
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void A_logo_that_is_a_link_is_refused_at_its_field_and_as_a_file()
    {
        using var site = CompanySite(extra: "logo: logo.png");
        File.CreateSymbolicLink(Path.Combine(site.Root, Folder, "logo.png"), "/etc/passwd");

        AssertRefused(site,
            $"{Folder}/index.md:8:7: fout [logo]: {Link("logo.png")}",
            $"{Folder}/logo.png: fout: {Link("logo.png")}");
    }

    [Fact]
    public void A_fifo_as_index_md_or_beside_it_is_refused_without_waiting_for_it()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var site = CompanySite();
        MakeFifo(Path.Combine(site.Root, Folder, "pijp.txt"));
        Directory.CreateDirectory(Path.Combine(site.Root, "content/bedrijven/pijp"));
        MakeFifo(Path.Combine(site.Root, "content/bedrijven/pijp/index.md"));

        AssertRefused(site,
            $"content/bedrijven/pijp/index.md: fout: 'index.md' {Special} Vervang het door een tekstbestand.",
            $"{Folder}/pijp.txt: fout: 'pijp.txt' {Special} Verwijder het uit de map.");
    }

    public static TheoryData<string, byte[], string> ImageBombs => new()
    {
        { "png", TestImages.DeclaringPng(50_000, 50_000), "'bom.png' is 50000 × 50000 pixels" },
        { "jpg", TestImages.DeclaringJpeg(50_000, 50_000), "'bom.jpg' is 50000 × 50000 pixels" },
        { "png", TestImages.DeclaringPng(20_000, 20_000, bitDepth: 1, colourType: 0), "'bom.png' is 20000 × 20000 pixels" },
        { "png", [.. TestImages.PngSignature, .. "<svg onload='alert(1)'/>"u8.ToArray()], "'bom.png' is geen afbeelding die de site kan tonen" },
        { "gif", [.. "GIF89a"u8.ToArray(), 0xFF, 0xFF, 0xFF, 0xFF], "'bom.gif' is 65535 × 65535 pixels" },
    };

    [Theory]
    [MemberData(nameof(ImageBombs))]
    public void An_image_bomb_is_refused_from_its_header_before_any_pixel_is_decoded(string extension, byte[] bytes, string start)
    {
        using var site = CompanySite(extra: $"logo: bom.{extension}\nphotos:\n  - src: ook.{extension}\n    alt: \"Hal\"");
        site.WriteBytes($"{Folder}/bom.{extension}", bytes);
        site.WriteBytes($"{Folder}/ook.{extension}", bytes);
        site.WriteBytes($"{Folder}/los.{extension}", bytes);

        var (check, build) = (site.Check(), site.Build());

        var messages = check.Diagnostics.Select(DiagnosticFormatter.Text).ToList();
        Assert.Equal(messages, build.Diagnostics.Select(DiagnosticFormatter.Text));
        Assert.Equal(3, messages.Count);
        Assert.StartsWith($"{Folder}/index.md:8:7: fout [logo]: {start}", messages[0]);
        Assert.StartsWith($"{Folder}/index.md:10:10: fout [photos[0].src]: {start.Replace("bom", "ook")}", messages[1]);
        Assert.StartsWith($"{Folder}/los.{extension}: fout: {start.Replace("bom", "los")}", messages[2]);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_logo_with_a_sound_header_that_SkiaSharp_cannot_read_is_an_error_at_its_field()
    {
        using var site = CompanySite(extra: "logo: logo.png");
        site.WriteBytes($"{Folder}/logo.png", TestImages.DeclaringPng(100, 100, bitDepth: 3)); // no PNG has 3 bits per sample

        AssertRefused(site, $"{Folder}/index.md:8:7: fout [logo]: 'logo.png' kan niet als afbeelding gelezen worden: het bestand is beschadigd of onvolledig. Sla het opnieuw op als PNG, JPEG, WebP of GIF.");
    }

    [Fact]
    public void Allowed_files_are_published_and_editor_temporaries_are_neither_published_nor_errors()
    {
        using var site = CompanySite(body: "[folder](brochure.pdf) en [lijst](producten.csv)\n\n![De hal](fotos/hal.jpg)");
        site.WriteBytes($"{Folder}/brochure.pdf", "%PDF-1.7\n%einde\n"u8.ToArray());
        site.Write($"{Folder}/producten.csv", "product;aantal\nas;3\n");
        site.Write($"{Folder}/lees-mij.txt", "Tekst.");
        site.WriteBytes($"{Folder}/fotos/hal.jpg", TestImages.Jpeg());
        site.Write($"{Folder}/.index.md.swp", "vim");
        site.Write($"{Folder}/index.md~", "backup");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var published = Directory.GetFiles(Path.Combine(site.Output, "bedrijven/testfabriek"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(site.Output, "bedrijven/testfabriek"), f)).Order(StringComparer.Ordinal);
        Assert.Equal(["brochure.pdf", "fotos/hal.jpg", "index.html", "lees-mij.txt", "producten.csv"], published);
    }

    [Fact]
    public void A_pdf_that_is_not_one_is_refused()
    {
        using var site = CompanySite();
        site.Write($"{Folder}/folder.pdf", "<html><script>alert(1)</script></html>");

        AssertRefused(site, $"{Folder}/folder.pdf: fout: 'folder.pdf' heet een PDF-document, maar de inhoud is dat niet. Sla het document opnieuw op als PDF.");
    }

    private static TestSite CompanySite(string extra = "", string body = "Wij maken machines.") =>
        TestSite.Create(($"{Folder}/index.md", Fixtures.Company(extra: extra, body: body)));

    /// <summary>check and build both fail with exactly these messages, and build publishes nothing.</summary>
    private static void AssertRefused(TestSite site, params string[] expected)
    {
        var check = site.Check();
        var build = site.Build();
        Assert.Equal(expected, check.Diagnostics.Select(DiagnosticFormatter.Text));
        Assert.Equal(expected, build.Diagnostics.Select(DiagnosticFormatter.Text));
        Assert.False(Directory.Exists(site.Output));
    }

    private static void MakeFifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
