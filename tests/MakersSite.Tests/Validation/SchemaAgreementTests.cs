using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using MakersSite.Cli;
using MakersSite.Content.Loading;
using MakersSite.Content.Schema;
using MakersSite.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace MakersSite.Tests.Validation;

/// <summary>
/// One model, two checkers (issue 25): the exported JSON Schema accepts every page the validator accepts, and
/// rejects every invalid fixture about one field's value, except the few rules JSON Schema cannot state.
/// </summary>
public sealed class SchemaAgreementTests
{
    /// <summary>Field rules the validator keeps to itself, each with the reason the schema cannot state it.</summary>
    private static readonly Dictionary<string, string> ValidatorOnly = new()
    {
        ["missing logo file"] = "whether a file exists in the page's folder",
        ["28: lesson date in the future"] = "the build's date",
        ["28: updated in the future"] = "the build's date",
        ["28: period the wrong way round"] = "the order of two numbers in one string",
    };

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The front matter as JSON, the way a YAML reader gives it: plain true/false and whole numbers as such, the rest as text.</summary>
    private static JsonNode? Json(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Json(kv.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Json)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is "true" or "false" => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is null or "" or "~" or "null" => null,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when Regex.IsMatch(s.Value!, "^-?[0-9]+$") => JsonValue.Create(long.Parse(s.Value!, CultureInfo.InvariantCulture)),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonNode? FrontMatter(string page)
    {
        var lines = page.Replace("\r\n", "\n").Split('\n');
        var end = Array.IndexOf(lines, "---", 1);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(string.Join('\n', lines[1..end])));
        return Json(yaml.Documents[0].RootNode);
    }

    private static string? SectionOf(string relative) =>
        relative.Split('/') is ["content", var section, _, "index.md"] && ContentSchemas.TypedSections.Contains(section) ? section : null;

    private static EvaluationResults Evaluate(TestSite site, string relative, string page)
    {
        var vocabularies = new ContentLoader(site.Root, new()).LoadVocabularies();
        // Each test site's schema has the same $id: a registry of its own, not the global one.
        var schema = JsonSchema.FromText(JsonSchemaExport.Text(JsonSchemaExport.For(SectionOf(relative), vocabularies, JsonSchemaExport.SiteSlugs(site.Root))),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var instance = System.Text.Json.JsonDocument.Parse(FrontMatter(page)?.ToJsonString() ?? "null");
        return schema.Evaluate(instance.RootElement.Clone(), Options);
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void Every_page_of_the_default_content_and_every_valid_fixture_passes_the_schema()
    {
        using var site = TestSite.FromDefaultContentForSearch();
        Assert.Empty(site.Check().Diagnostics);
        var pages = Directory.GetFiles(Path.Combine(site.Root, "content"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count > 40);
        foreach (var file in pages)
        {
            var relative = Path.GetRelativePath(site.Root, file).Replace('\\', '/');
            var results = Evaluate(site, relative, File.ReadAllText(file));
            Assert.True(results.IsValid, $"{relative}:\n{Errors(results)}");
        }

        using var fixtures = TestSite.Create(
            ("content/flats/techniek/index.md", Fixtures.Flat()),
            ("content/projecten/lean-academy/index.md", Fixtures.Project(extra: "initiators:\n  - testfabriek\n  - name: \"Gemeente Venlo\"")),
            ("content/bedrijven/testfabriek/index.md", Fixtures.Company()),
            ("content/rugzak/maken/index.md", Fixtures.Topic()),
            ("content/kennisbank/les/index.md", Fixtures.Lesson()));
        Assert.Empty(fixtures.Check().Diagnostics);
        foreach (var relative in new[] { "content/flats/techniek/index.md", "content/projecten/lean-academy/index.md", "content/bedrijven/testfabriek/index.md", "content/rugzak/maken/index.md", "content/kennisbank/les/index.md" })
        {
            var results = Evaluate(fixtures, relative, File.ReadAllText(Path.Combine(fixtures.Root, relative)));
            Assert.True(results.IsValid, $"{relative}:\n{Errors(results)}");
        }
    }

    /// <summary>The invalid fixtures whose one message names a field: about that field's value.</summary>
    public static TheoryData<InvalidCase> FieldCases => new(InvalidContentCases.All.Where(c => c.Expected.Contains(": fout [", StringComparison.Ordinal)));

    private static bool Rejected(InvalidCase @case)
    {
        using var site = TestSite.Create(
            ("content/flats/techniek/index.md", Fixtures.Flat()),
            ("content/projecten/lean-academy/index.md", Fixtures.Project()));
        site.Write(@case.Path, @case.Content);
        return !Evaluate(site, @case.Path, @case.Content).IsValid;
    }

    [Theory]
    [MemberData(nameof(FieldCases))]
    public void An_invalid_field_value_is_rejected_by_the_schema_unless_only_the_validator_can_tell(InvalidCase @case)
    {
        Assert.Equal(!ValidatorOnly.ContainsKey(@case.Name), Rejected(@case));
    }

    [Fact]
    public void Every_field_of_every_kind_of_page_has_a_dutch_title_and_explanation()
    {
        var missing = new List<string>();
        void Walk(string? section, string path, FieldType type)
        {
            switch (type)
            {
                case ListType list: Walk(section, path, list.Item); break;
                case RefOrNameType: Walk(section, path + ".name", new TextType()); break;
                case GroupType group:
                    foreach (var field in group.Fields)
                    {
                        var fieldPath = path.Length == 0 ? field.Key : $"{path}.{field.Key}";
                        if (FieldTexts.For(section, fieldPath) is null) missing.Add($"{section ?? "pagina"}: {fieldPath}");
                        Walk(section, fieldPath, field.Type);
                    }
                    break;
            }
        }
        foreach (var (_, section, _) in JsonSchemaExport.Kinds) Walk(section, "", new GroupType(ContentSchemas.ForSection(section)));
        Assert.Empty(missing);
    }

    [Fact]
    public void The_schema_command_writes_one_schema_per_kind_of_page()
    {
        using var site = TestSite.FromDefaultContent();
        var output = Path.Combine(site.Root, "uit");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(CommandLine.Success, CommandLine.Run(["schema", "--root", site.Root, "--output", output], stdout, stderr));
        Assert.Equal(["bedrijf.schema.json", "flat.schema.json", "kennisbank.schema.json", "pagina.schema.json", "project.schema.json", "rugzak.schema.json"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var company = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "bedrijf.schema.json")))!;
        Assert.Equal("Bedrijf", company["title"]!.GetValue<string>());
        Assert.Equal(["title", "summary", "place", "municipality", "sectors"], company["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("Gemeente", company["properties"]!["municipality"]!["title"]!.GetValue<string>());
        Assert.Contains("horst-aan-de-maas", company["properties"]!["municipality"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["vacature", "stage", "bbl", "afstudeeropdracht", "snuffelstage"],
            company["properties"]!["vacancies"]!["items"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("lean-academy", company["properties"]!["projects"]!["items"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }
}
