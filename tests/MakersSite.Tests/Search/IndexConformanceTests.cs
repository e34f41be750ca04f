using System.Text.Json;
using System.Text.Json.Nodes;
using MakersSite.Search;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Search;

/// <summary>Conformance 2: lunr.js builds an index from the documents the C# builder used; the two are deep-equal.</summary>
public sealed class IndexConformanceTests
{
    [Fact]
    public void The_default_site_index_is_deep_equal_to_the_one_lunr_js_builds()
    {
        using var site = TestSite.FromDefaultContent();
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var (differences, terms, vectors) = CompareWithLunr(result.Search!);

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.Equal(result.Search!.Index!.Terms.Count, terms);
        Assert.True(terms > 1000, $"only {terms} terms");
        Assert.Equal(result.Search.Documents.Count * SearchIndexWriter.Fields.Count, vectors);
    }

    [Fact]
    public void A_larger_synthetic_corpus_is_deep_equal_too()
    {
        var documents = SyntheticDocuments(600);
        // Three runs of documents whatever the machine's cores, so joining runs is compared with lunr.js as well.
        var bundle = SearchIndexWriter.Write(documents, cores: 3);

        var (differences, terms, _) = CompareWithLunr(bundle);

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.True(terms > 2000, $"only {terms} terms");
    }

    public static (List<string> Differences, int Terms, int Vectors) CompareWithLunr(SearchBundle bundle)
    {
        var input = new JsonObject
        {
            ["fields"] = new JsonArray(SearchIndexWriter.Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["boost"] = f.Boost }).ToArray()),
            ["documents"] = new JsonArray(bundle.FieldTexts.Select((texts, id) =>
            {
                var doc = new JsonObject { ["ref"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                for (var f = 0; f < texts.Length; f++) doc[SearchIndexWriter.Fields[f].Name] = texts[f];
                return (JsonNode)doc;
            }).ToArray()),
            ["index"] = JsonNode.Parse(bundle.Index!.ToLunrJson()),
        };
        var output = JsonNode.Parse(Node.Run("build-index.js", input.ToJsonString()))!;
        return (output["differences"]!.AsArray().Select(d => d!.GetValue<string>()).ToList(),
            output["terms"]!.GetValue<int>(), output["vectors"]!.GetValue<int>());
    }

    /// <summary>Dutch-looking documents with shared and rare words, compounds, digits and diacritics.</summary>
    public static List<SearchDocument> SyntheticDocuments(int count)
    {
        var random = new Random(42);
        string[] common = ["machine", "bouw", "metaal", "kunststof", "productie", "onderzoek", "ontwerp", "logistiek", "bedrijf", "regio",
            "techniek", "samenwerking", "ideeën", "mogelijkheden", "circulair", "duurzaam", "robot", "lasser", "monteur", "stage"];
        string[] compounds = ["machinebouw", "metaalbewerking", "kunststofrecycling", "productielijn", "onderzoeksproject", "robotlasser"];
        var documents = new List<SearchDocument>();
        for (var i = 0; i < count; i++)
        {
            string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => random.Next(10) switch
            {
                0 => compounds[random.Next(compounds.Length)],
                1 => $"woord{random.Next(5000)}",
                2 => random.Next(3000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                3 => "de",
                _ => common[random.Next(common.Length)],
            }));
            documents.Add(new SearchDocument($"/bedrijven/bedrijf-{i:D4}/", $"Bedrijf {i} {Words(3)}", Words(12), Words(random.Next(20, 300)),
                new FacetValue("type", "bedrijf", "Bedrijf"), [new FacetValue("sector", "metaal", "Metaal")]));
        }
        return documents;
    }
}
