using MakersSite.Rendering;

namespace MakersSite.Tests.Build;

/// <summary>
/// The Liquid engine (Fluid) as theme authors meet it: printed values are escaped unless the generator made the
/// HTML, a site's layouts override the theme's (includes too), include_cached renders a partial once per key,
/// and mistakes come back as messages that name the template.
/// </summary>
public sealed class TemplateEngineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("makers-site-templates-").FullName;
    private string Site => Path.Combine(_root, "site");
    private string Theme => Path.Combine(_root, "theme");

    private void Write(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name + ".liquid");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private TemplateEngine Engine() => new([Site, Theme]);

    [Fact]
    public void Printed_text_escapes_markup_characters_only_and_generated_html_is_printed_as_it_is()
    {
        Write(Theme, "page", "<p title=\"{{ title }}\">{{ title }}</p>{{ body }}");

        var html = Engine().Render("page", new Dictionary<string, object?>
        {
            ["title"] = "Café \"De Maakhal\" & <b>'t Loket</b>",
            ["body"] = new RawHtml("<em>één</em>"),
        });

        Assert.Equal("<p title=\"Café &quot;De Maakhal&quot; &amp; &lt;b&gt;&#39;t Loket&lt;/b&gt;\">Café &quot;De Maakhal&quot; &amp; &lt;b&gt;&#39;t Loket&lt;/b&gt;</p><em>één</em>", html);
    }

    [Fact]
    public void A_site_layout_or_partial_overrides_the_themes_and_include_uses_the_same_order()
    {
        Write(Theme, "page", "[{% include 'partials/kop' %}|{% include 'partials/voet' %}]");
        Write(Theme, "partials/kop", "thema-kop {{ naam }}");
        Write(Theme, "partials/voet", "thema-voet");
        Write(Site, "partials/kop", "eigen kop {{ naam }}");

        Assert.Equal("[eigen kop Venlo|thema-voet]", Engine().Render("page", new Dictionary<string, object?> { ["naam"] = "Venlo" }));
    }

    [Fact]
    public void Include_cached_renders_a_partial_once_per_key_and_reuses_it()
    {
        // The partial prints a counter that is not part of the key: reused output keeps the first value.
        Write(Theme, "list", "{% for p in pages %}{% assign n = forloop.index %}{% include_cached 'partials/card' p.url kop %};{% endfor %}");
        Write(Theme, "partials/card", "<{{ kop }}>{{ p.title }} {{ n }}</{{ kop }}>");
        var pages = new List<object?>
        {
            new Dictionary<string, object?> { ["url"] = "/a/", ["title"] = "A" },
            new Dictionary<string, object?> { ["url"] = "/b/", ["title"] = "B" },
            new Dictionary<string, object?> { ["url"] = "/a/", ["title"] = "A" },
        };
        var engine = Engine();

        Assert.Equal("<h3>A 1</h3>;<h3>B 2</h3>;<h3>A 1</h3>;", engine.Render("list", new Dictionary<string, object?> { ["pages"] = pages, ["kop"] = "h3" }));
        Assert.Equal("<h2>A 1</h2>;<h2>B 2</h2>;<h2>A 1</h2>;", engine.Render("list", new Dictionary<string, object?> { ["pages"] = pages, ["kop"] = "h2" }));
    }

    [Fact]
    public void The_sites_filters_print_dutch_dates_and_slugs()
    {
        Write(Theme, "page", "{{ datum | nl_date }} {{ kop | slug }} {{ kop | downcase }}");

        Assert.Equal("1 maart 2024 prototype-maken prototype maken",
            Engine().Render("page", new Dictionary<string, object?> { ["datum"] = "2024-03-01", ["kop"] = "Prototype maken" }));
    }

    [Fact]
    public void Mistakes_name_the_template()
    {
        Write(Theme, "kapot", "{% if page.title %}geen einde");
        Write(Theme, "filter", "{{ page.title | bestaat_niet }}");
        var engine = Engine();
        var model = new Dictionary<string, object?> { ["page"] = new Dictionary<string, object?> { ["title"] = "T" } };

        Assert.StartsWith("Template 'kapot.liquid' bevat een fout: ", Assert.Throws<TemplateException>(() => engine.Render("kapot", model)).Message);
        Assert.StartsWith("Template 'filter.liquid' kon niet worden uitgevoerd: ", Assert.Throws<TemplateException>(() => engine.Render("filter", model)).Message);
        Assert.Equal("Template 'bestaat-niet.liquid' bestaat niet.", Assert.Throws<TemplateException>(() => engine.Render("bestaat-niet", model)).Message);
        Assert.Equal("Geen template gevonden; gezocht naar: a.liquid, b.liquid.", Assert.Throws<TemplateException>(() => engine.Resolve("a", "b")).Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
