using System.Text.Json.Nodes;
using MakersSite.Content.Schema;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Editor;

/// <summary>
/// The editor's configuration is generated from the content model by the build (issue 25, item 2): every field of
/// every section has a widget that fits its type, the vocabularies and the site's pages are its choices, and the
/// backend follows site.yml's repository.
/// </summary>
public sealed class EditorConfigTests(EditorSite editor) : IClassFixture<EditorSite>
{
    private JsonObject Config(TestSite? site = null) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine((site ?? editor.Site).Output, "beheer", "config.json")))!.AsObject();

    private static JsonObject Collection(JsonObject config, string name) =>
        config["collections"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string)c["name"]! == name);

    private static JsonObject Field(JsonObject parent, string name) =>
        parent["fields"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string)f["name"]! == name);

    [Fact]
    public void Every_field_of_the_model_is_in_the_form_in_the_models_order_with_its_dutch_title_and_hint()
    {
        var config = Config();
        foreach (var section in ContentSchemas.TypedSections)
        {
            var fields = Collection(config, section)["fields"]!.AsArray().Select(f => f!.AsObject()).ToList();
            Assert.Equal([.. ContentSchemas.ForSection(section).Select(f => f.Key), "body"], fields.Select(f => (string)f["name"]!));
            foreach (var (field, widget) in ContentSchemas.ForSection(section).Zip(fields))
            {
                var (title, description) = FieldTexts.For(section, field.Key)!.Value;
                Assert.Equal(title, (string)widget["label"]!);
                Assert.StartsWith(description, (string)widget["hint"]!);
                Assert.Equal(field.Required, (bool)widget["required"]!);
            }
        }
    }

    [Fact]
    public void Widgets_fit_the_types_choices_come_from_the_vocabularies_and_references_from_the_pages()
    {
        var companies = Collection(Config(), "bedrijven");
        Assert.Equal("content/bedrijven", (string)companies["folder"]!);
        Assert.Equal("{{slug}}/index", (string)companies["path"]!);
        Assert.Equal("", (string)companies["media_folder"]!);

        var municipalities = Field(companies, "municipality");
        Assert.Equal("select", (string)municipalities["widget"]!);
        var vocabulary = File.ReadAllText(Path.Combine(editor.Site.Root, "content/_data/municipalities.yml"));
        Assert.Equal(
            vocabulary.Split('\n').Where(l => l.StartsWith("- slug: ")).Select(l => l["- slug: ".Length..]),
            municipalities["options"]!.AsArray().Select(o => (string)o!["value"]!));
        Assert.Equal("Horst aan de Maas", municipalities["options"]!.AsArray().Select(o => (string)o!["label"]!).Single(l => l.StartsWith("Horst")));

        var sectors = Field(companies, "sectors");
        Assert.True((bool)sectors["multiple"]!);
        Assert.Equal(1, (int)sectors["min"]!);
        Assert.Equal("image", (string)Field(companies, "logo")["widget"]!);
        Assert.Equal(["^[0-9]{8}$", "Vul in: precies 8 cijfers, zoals 12345678."], Field(companies, "kvk")["pattern"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("number", (string)Field(companies, "founded")["widget"]!);
        Assert.Equal("boolean", (string)Field(companies, "member")["widget"]!);

        var projects = Field(companies, "projects");
        var slugs = Directory.GetDirectories(Path.Combine(editor.Site.Root, "content/projecten")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);
        Assert.Equal(slugs, projects["options"]!.AsArray().Select(o => (string)o!["value"]!).Order(StringComparer.Ordinal));
        Assert.Contains("Lean Academy", projects["options"]!.AsArray().Select(o => (string)o!["label"]!));

        var vacancy = Field(companies, "vacancies");
        Assert.Equal("list", (string)vacancy["widget"]!);
        Assert.Equal(["vacature", "stage", "bbl", "afstudeeropdracht", "snuffelstage"], Field(vacancy, "kind")["options"]!.AsArray().Select(o => (string)o!["value"]!));
        Assert.True((bool)Field(vacancy, "kind")["required"]!);
        var posted = Field(vacancy, "posted");
        Assert.Equal(("datetime", "YYYY-MM-DD", false), ((string)posted["widget"]!, (string)posted["format"]!, (bool)posted["time_format"]!));
        Assert.Contains("Geef dit of e-mail om te solliciteren.", (string)Field(vacancy, "url")["hint"]!);

        // The CMS checks a group's fields even when the group is left empty: inside the optional contact, e-mail is left to check.
        var contact = Field(companies, "contact");
        Assert.False((bool)Field(contact, "email")["required"]!);
        Assert.EndsWith("Verplicht als je dit deel invult.", (string)Field(contact, "email")["hint"]!);

        var lessons = Field(Collection(Config(), "kennisbank"), "lessons");
        Assert.Equal((3, 7), ((int)lessons["min"]!, (int)lessons["max"]!));
    }

    [Fact]
    public void Without_a_repository_the_editor_is_a_trial_on_the_test_backend()
    {
        var config = Config();
        Assert.Equal(new JsonObject { ["name"] = "test-repo" }.ToJsonString(), config["backend"]!.ToJsonString());
        Assert.Equal("nl", (string)config["locale"]!);
        Assert.Equal("editorial_workflow", (string)config["publish_mode"]!);
    }

    [Fact]
    public void With_a_repository_saving_opens_a_pull_request_on_github_also_for_members_without_write_access()
    {
        using var site = TestSite.FromDefaultContent();
        var yml = File.ReadAllText(Path.Combine(site.Root, "content/site.yml"));
        site.Write("content/site.yml", yml + "repository:\n  url: \"https://github.com/land-van-de-makers/makers-site\"\n  branch: \"main\"\n  auth: \"https://inloggen.voorbeeld.nl/\"\n");
        Assert.True(site.Build().Succeeded);

        var backend = Config(site)["backend"]!.AsObject();
        Assert.Equal("github", (string)backend["name"]!);
        Assert.Equal("land-van-de-makers/makers-site", (string)backend["repo"]!);
        Assert.Equal("main", (string)backend["branch"]!);
        Assert.True((bool)backend["open_authoring"]!);
        Assert.Equal("https://inloggen.voorbeeld.nl", (string)backend["base_url"]!);
        Assert.Equal("editorial_workflow", (string)Config(site)["publish_mode"]!);
    }

    [Fact]
    public void Only_the_editor_loads_the_cms_every_other_page_stays_light()
    {
        var pages = Directory.GetFiles(editor.Site.Output, "*.html", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(editor.Beheer + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 50);
        foreach (var page in pages) Assert.DoesNotContain("decap-cms", File.ReadAllText(page));
        Assert.Contains("lib/decap-cms.js", File.ReadAllText(Path.Combine(editor.Beheer, "index.html")));
        Assert.Contains("Disallow: /beheer/", File.ReadAllText(Path.Combine(editor.Site.Output, "robots.txt")));
    }
}
