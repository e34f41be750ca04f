using System.Globalization;
using System.Text.Json;
using MakersSite.Content.Text;

namespace MakersSite.Rendering;

/// <summary>Filters available to theme templates. Registered per render so they override DotLiquid's built-ins.</summary>
public static class TemplateFilters
{
    // Output is escaped once, when printed; escaping here as well would print "&amp;amp;".
    public static string Escape(string input) => input;
    public static string H(string input) => input;

    /// <summary>"Prototype maken" → "prototype-maken", for ids and anchors.</summary>
    public static string Slug(string input) => MakersSite.Content.Text.Slug.From(input);

    /// <summary>"2024-03-01" → "1 maart 2024".</summary>
    public static string NlDate(string input) =>
        DateOnly.TryParseExact(input, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DutchDates.Long(date)
            : input;

    /// <summary>Serialises a value as JSON for a script element; "&lt;" is escaped so content cannot close the element.</summary>
    public static RawHtml Json(object input) => new(JsonSerializer.Serialize(input, new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
    }));
}
