using System.Text.Json.Nodes;
using MakersSite.Search;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Search;

/// <summary>
/// Conformance 3: a battery of queries run by lunr.js on the whole index and by our runtime on the sharded data
/// gives the same pages, in the same order, with scores within 1e-9.
/// </summary>
public sealed class QueryConformanceTests
{
    public static readonly string[] Battery =
    [
        // plain terms
        "machine", "machines", "ontwerp", "kunststof", "3d printen", "lean", "Venlo", "bioplastics", "leerlingen", "regio", "brood", "2022–2024",
        // presence
        "+metaal +bouw", "+kunststof -recycling", "-venlo", "+project", "+lean -academy", "-de", "+3d +printen -brood",
        // fields
        "title:leolux", "summary:bioplastic*", "body:robot", "title:lean academy", "parts:bouw", "title:+regio",
        // boosts
        "metaal^10 kunststof", "title:lean^5 academy", "bouw^0.5",
        // wildcards
        "mach*", "*bouw", "ma*ne", "kunst*", "*", "pro*ie",
        // fuzzy (explicit lunr syntax)
        "machien~1", "kunstof~2", "regoi~1",
        // stop words only
        "de het een", "van", "en of", "de -het",
        // diacritics and normalisation
        "ideeën", "ideeen", "IDEEËN", "ide\u0065\u0308en", "coöperatie", "België", "Belgie\u0308", "café",
        // compounds, numbers, odd input
        "bouw", "machinebouw", "2026", "vmbo mbo hbo", "", "   ", "---", "zzzzzz",
        // lunr syntax errors must fail the same way
        "title:", "^3", "machine~x",
    ];

    public static readonly string[] AsYouType = ["mach", "kunst", "bioplast", "lean acad", "+metaal robo", "rugz", "ontw", "werken bij", "werken bi", "werken b"];

    [Fact]
    public void Lunr_js_and_our_runtime_agree_on_every_query_of_the_battery()
    {
        using var site = TestSite.FromDefaultContent();
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var input = new JsonObject
        {
            ["data"] = Path.Combine(site.Output, SearchIndexWriter.DataFolder),
            ["index"] = result.Search!.Index!.ToLunrJson(),
            ["queries"] = new JsonArray(Battery.Select(q => (JsonNode)JsonValue.Create(q)).ToArray()),
            ["augmented"] = new JsonArray(AsYouType.Select(q => (JsonNode)JsonValue.Create(q)).ToArray()),
        };
        var output = JsonNode.Parse(Node.Run("query-battery.js", input.ToJsonString()))!;

        var differences = output["differences"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));

        // The battery is only worth something when it finds things: most queries must return pages.
        var counts = output["counts"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>());
        Assert.True(counts.Count(c => c.Value > 0) >= 40, string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
        var summary = string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"));
        Assert.True(counts["machine"] > 0 && counts["*bouw"] > 0 && counts["-venlo"] > 0 && counts["prefix:ontw"] > counts["ontwerp"], summary);
        Assert.Equal(0, counts["van"]); // a stop word: never indexed
        Assert.Equal(counts["België"], counts["Belgie\u0308"]);
        Assert.Equal(-1, counts["title:"]);

        // The last word is a prefix while typing, unless it is a stop word ("bij" is not "bijdrage") or one letter.
        var prefixes = output["prefixes"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.AsArray().Select(t => t!.GetValue<string>()).ToList());
        Assert.Equal([], prefixes["werken bij"]);
        Assert.Equal(["bi*"], prefixes["werken bi"]);
        Assert.Equal([], prefixes["werken b"]);
        Assert.Equal(["ontw*"], prefixes["ontw"]);
    }
}
