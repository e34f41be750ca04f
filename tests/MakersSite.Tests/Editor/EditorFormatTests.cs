using System.Text.Json;
using System.Text.Json.Nodes;
using MakersSite.Content.Schema;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Editor;

/// <summary>The built default site, once for the editor's tests that read its /beheer/ files.</summary>
public sealed class EditorSite : IDisposable
{
    public TestSite Site { get; } = TestSite.FromDefaultContent();
    public string Beheer => Path.Combine(Site.Output, "beheer");

    public EditorSite()
    {
        var result = Site.Build();
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    public void Dispose() => Site.Dispose();
}

/// <summary>
/// The editor's file format (issue 25, item 3), run in node on the built format.js with its real YAML library: what
/// saving writes stays readable by hand, changes only the lines of the fields a member changed, and never writes an
/// empty value.
/// </summary>
public sealed class EditorFormatTests(EditorSite editor) : IClassFixture<EditorSite>
{
    private List<(string File, string? Kind)> Save(params (string Collection, string? Raw, Dictionary<string, object?>? Set)[] cases)
    {
        var input = new JsonObject
        {
            ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
            {
                ["collection"] = c.Collection,
                ["raw"] = c.Raw,
                ["set"] = c.Set is null ? null : JsonSerializer.SerializeToNode(c.Set),
            })]),
        };
        var output = Node.RunFile(Path.Combine(Repository.Root, "tests", "MakersSite.Tests", "Editor", "node", "format.mjs"), input.ToJsonString(), editor.Beheer);
        return JsonNode.Parse(output)!.AsArray().Select(r => ((string)r!["file"]!, (string?)r["kind"])).ToList();
    }

    private string Read(string relative) => File.ReadAllText(Path.Combine(editor.Site.Root, relative));

    [Fact]
    public void Saving_a_page_nobody_changed_writes_every_default_file_back_byte_for_byte()
    {
        var files = ContentSchemas.TypedSections
            .SelectMany(section => Directory.GetFiles(Path.Combine(editor.Site.Root, "content", section), "index.md", SearchOption.AllDirectories)
                .Select(path => (Section: section, Path: path)))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 30);

        var saved = Save([.. files.Select(f => (f.Section, (string?)File.ReadAllText(f.Path), (Dictionary<string, object?>?)null))]);

        for (var i = 0; i < files.Count; i++) Assert.Equal(File.ReadAllText(files[i].Path), saved[i].File);
    }

    [Fact]
    public void Changing_one_field_changes_only_its_line_and_keeps_comments_and_quotes()
    {
        var original = Read("content/bedrijven/blue-engineering/index.md");

        var saved = Save(("bedrijven", original, new() { ["place"] = "Venlo-Blerick" }))[0].File;

        Assert.Equal(original.Replace("place: \"Venlo\"\n", "place: \"Venlo-Blerick\"\n"), saved);
        Assert.Contains("  # 000_d906fb15e42d0f8a.txt in shared/seeds\n", saved);
    }

    [Fact]
    public void A_new_field_goes_where_the_model_puts_it_and_an_emptied_field_leaves_no_empty_value()
    {
        var original = Read("content/bedrijven/blue-engineering/index.md");

        var added = Save(("bedrijven", original, new() { ["website"] = "https://www.voorbeeld.nl/", ["kvk"] = "", ["contact"] = new Dictionary<string, object?> { ["name"] = "" } }))[0].File;

        // website comes after sectors and before sources, as in the model; the empty kvk and contact are not written.
        Assert.Equal(original.Replace("  - maakindustrie\nsources:", "  - maakindustrie\nwebsite: \"https://www.voorbeeld.nl/\"\nsources:"), added);
        var removed = Save(("bedrijven", added, new() { ["website"] = "" }))[0].File;
        Assert.Equal(original, removed);
    }

    [Fact]
    public void A_project_keeps_initiators_with_a_profile_as_names_of_folders_and_the_others_as_names()
    {
        var original = Read("content/projecten/bioplastics-centre/index.md");
        Assert.Contains("initiators:\n  - helian-polymers\n  - meldon-plastics\n", original);

        var unchanged = Save(("projecten", original, null))[0].File;
        var one = Save(("projecten", original, new()
        {
            ["initiators"] = new object[] { new Dictionary<string, object?> { ["ref"] = "helian-polymers" }, new Dictionary<string, object?> { ["name"] = "Een partij zonder profiel" } },
        }))[0].File;

        Assert.Equal(original, unchanged);
        Assert.Contains("initiators:\n  - helian-polymers\n  - name: \"Een partij zonder profiel\"\npartners:", one);
    }

    [Fact]
    public void A_new_page_is_written_in_the_model_order_with_free_text_quoted_and_the_body_after_it()
    {
        var file = Save(("bedrijven", null, new()
        {
            ["sectors"] = new[] { "metaal" }, ["title"] = "Proef: \"Maaswerk\"", ["municipality"] = "venray", ["place"] = "Venray",
            ["summary"] = "Maakt plaatwerk.", ["member"] = false, ["employees"] = "10-49", ["body"] = "Een tekst.",
        }))[0].File;

        Assert.Equal(
            "---\ntitle: \"Proef: \\\"Maaswerk\\\"\"\nsummary: \"Maakt plaatwerk.\"\nplace: \"Venray\"\nmunicipality: venray\nsectors:\n  - metaal\nemployees: 10-49\n---\nEen tekst.\n",
            file);
    }

    [Fact]
    public void A_sections_own_intro_is_not_listed_as_one_of_its_pages()
    {
        var saved = Save(("rugzak", Read("content/rugzak/_index.md"), null), ("rugzak", Read("content/rugzak/productie/index.md"), null));

        Assert.Equal(["intro", "pagina"], saved.Select(s => s.Kind));
    }
}
