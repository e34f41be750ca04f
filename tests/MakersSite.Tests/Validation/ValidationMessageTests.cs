using MakersSite.Content.Diagnostics;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Validation;

/// <summary>Every kind of member mistake gives exactly one Dutch message naming file, line, column and field.</summary>
public sealed class ValidationMessageTests
{
    public static TheoryData<InvalidCase> Cases => new(InvalidContentCases.All.Where(c => c.Name != "not utf-8"));

    private static TestSite SiteWithLeanAcademy() => TestSite.Create(
        ("content/flats/techniek/index.md", Fixtures.Flat()),
        ("content/projecten/lean-academy/index.md", Fixtures.Project()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_content_gives_its_exact_message(InvalidCase @case)
    {
        using var site = SiteWithLeanAcademy();
        site.Write(@case.Path, @case.Content);
        site.Write("content/bedrijven/testfabriek/notities.txt", "geen plaatje");

        var result = site.Check();

        Assert.False(result.Succeeded);
        Assert.Equal([@case.Expected], result.Diagnostics.Select(DiagnosticFormatter.Text));
    }

    [Fact]
    public void A_file_that_is_not_utf8_names_the_line_and_column_of_the_bad_byte()
    {
        using var site = SiteWithLeanAcademy();
        var bytes = System.Text.Encoding.UTF8.GetBytes(Fixtures.Company()).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'V'), [0xE9]); // "é" in Latin-1 before "Venlo" on line 4
        site.WriteBytes("content/bedrijven/testfabriek/index.md", [.. bytes]);

        var error = Assert.Single(site.Check().Diagnostics);
        Assert.Equal("content/bedrijven/testfabriek/index.md:4:9: fout: Het bestand is geen UTF-8-tekst (er staat een ongeldig teken op deze plek). Sla het bestand op met de codering UTF-8.",
            DiagnosticFormatter.Text(error));
    }

    [Fact]
    public void All_problems_of_a_run_are_reported_together_in_file_order()
    {
        using var site = SiteWithLeanAcademy();
        site.Write("content/bedrijven/a/index.md", Fixtures.Company().Replace("municipality: venlo", "municipality: roermond"));
        site.Write("content/bedrijven/b/index.md", Fixtures.Company().Replace("place: \"Venlo\"\n", "").Replace("summary: \"Een testbedrijf.\"", "summary: \"x\"\nkleur: rood"));

        var diagnostics = site.Check().Diagnostics;

        Assert.Equal(
            [
                ("content/bedrijven/a/index.md", 5, "municipality"),
                ("content/bedrijven/b/index.md", 2, "place"),
                ("content/bedrijven/b/index.md", 4, "kleur"),
            ],
            diagnostics.Select(d => (d.File, d.Line, d.Field!)));
    }

    [Fact]
    public void Front_matter_folder_name_reference_and_link_errors_come_in_one_run()
    {
        using var site = SiteWithLeanAcademy();
        // A folder name that is no slug, with a wrong field inside: both are named.
        site.Write("content/bedrijven/Mijn Bedrijf/index.md", Fixtures.Company().Replace("municipality: venlo", "municipality: roermond"));
        // A page that does not load: links and refs to it are no errors of their own.
        site.Write("content/bedrijven/kapot/index.md", Fixtures.Company().Replace("place: \"Venlo\"", "place: [Venlo"));
        site.Write("content/bedrijven/linker/index.md", Fixtures.Company(body:
            "Zie [kapot](/bedrijven/kapot/), [weg](/bedrijven/bestaat-niet/#contact) en [academy](/projecten/lean-academy/) en [oud](/bedrijven/oude-naam/)."));
        // An old address of a page that did load is answered by its redirect.
        site.Write("content/bedrijven/hernoemd/index.md", Fixtures.Company(extra: "aliases:\n  - /bedrijven/oude-naam/"));
        site.Write("content/bedrijven/verwijzer/index.md", Fixtures.Company().Replace("place: \"Venlo\"", "place: \"Venlo\"\nprojects:\n  - lean-akademy"));

        var result = site.Check();

        Assert.Equal(
            [
                "content/bedrijven/Mijn Bedrijf/index.md: fout: De mapnaam 'Mijn Bedrijf' wordt het webadres van de pagina en mag alleen kleine letters, cijfers en streepjes bevatten, zoals 'mijn-bedrijf'. Geef de map een andere naam.",
                "content/bedrijven/Mijn Bedrijf/index.md:5:15: fout [municipality]: 'roermond' is geen toegestane waarde voor 'municipality'. Kies uit (uit content/_data/municipalities.yml): venlo, venray.",
                "content/bedrijven/kapot/index.md:4:8: fout: De YAML-kop kan hier niet gelezen worden: een lijst [ … ] of groep { … } wordt geopend maar niet gesloten. Zet de sluitende haak erachter, of schrijf elk onderdeel op een eigen regel die begint met '- '.",
                "content/bedrijven/linker/index.md:10:33: fout: De link naar '/bedrijven/bestaat-niet/#contact' op /bedrijven/linker/ verwijst naar een pagina of bestand dat niet bestaat. Controleer het adres, zoals /bedrijven/naam-van-de-map/.",
                "content/bedrijven/verwijzer/index.md:6:5: fout [projects[0]]: 'lean-akademy' verwijst naar een project dat niet bestaat: er is geen map content/projecten/lean-akademy/. Bedoelde je 'lean-academy'?",
            ],
            result.Diagnostics.Select(DiagnosticFormatter.Text));
    }

    [Fact]
    public void Slugs_that_differ_only_in_letter_case_are_reported_as_duplicates()
    {
        using var site = SiteWithLeanAcademy();
        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company());
        site.Write("content/bedrijven/Testfabriek/index.md", Fixtures.Company());

        var messages = site.Check().Diagnostics.Select(DiagnosticFormatter.Text).ToList();

        Assert.Contains("content/bedrijven/testfabriek/index.md: fout: De map 'testfabriek' heeft dezelfde naam als 'Testfabriek' (hoofdletters tellen niet mee in een webadres). Geef één van beide mappen een andere naam.", messages);
    }

    [Fact]
    public void Bom_crlf_emoji_and_diacritics_are_accepted()
    {
        using var site = SiteWithLeanAcademy();
        var text = "\uFEFF" + Fixtures.Company(title: "Bakkerij Één 🍞 — ïdeeën & café", body: "Wij maken brood 🥖 met liefde. Geëmailleerd.").Replace("\n", "\r\n");
        site.Write("content/bedrijven/testfabriek/index.md", text);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("Bakkerij Één 🍞 — ïdeeën & café", site.Html("bedrijven/testfabriek/index.html").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Github_format_prints_workflow_annotations()
    {
        var diagnostic = new Diagnostic(Severity.Error, "content/bedrijven/x/index.md", 5, 15, "municipality", "Fout: 50% mis,\nregel twee");
        Assert.Equal("::error file=content/bedrijven/x/index.md,line=5,col=15,title=municipality::Fout: 50%25 mis,%0Aregel twee",
            DiagnosticFormatter.GitHub(diagnostic));
    }
}
