using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

public sealed class TemplateFilterTests
{
    [Fact]
    public void Dates_print_in_dutch_words()
    {
        using var site = TestSite.Create(("content/kennisbank/les/index.md", Fixtures.Lesson()));
        Assert.True(site.Build().Succeeded);

        var time = site.Html("kennisbank/les/index.html").QuerySelector("main time")!;
        Assert.Equal("1 maart 2024", time.TextContent);
        Assert.Equal("2024-03-01", time.GetAttribute("datetime"));
    }

    [Fact]
    public void The_json_filter_writes_what_the_serialiser_writes_and_cannot_close_a_script()
    {
        // A template's values as Fluid hands them to the filter: text, numbers, yes/no, nothing, lists and maps.
        var value = new Dictionary<string, object?>
        {
            ["title"] = "</script><script>alert('x')</script> & \"quotes\" é ✓ \u2028",
            ["count"] = 12m,
            ["ratio"] = 0.1,
            ["big"] = 12345678901L,
            ["yes"] = true,
            ["none"] = null,
            ["list"] = new object?[] { "a", 1m, new Dictionary<string, object?> { ["b"] = false } },
        };
        var expected = System.Text.Json.JsonSerializer.Serialize<object?>(value, new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
        });

        var json = MakersSite.Rendering.TemplateFilters.Json(value);

        Assert.Equal(expected, json);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.Equal("</script>", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("title").GetString()![..9]);
    }
}
