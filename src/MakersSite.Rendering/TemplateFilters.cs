using System.Globalization;
using System.Text.Json;
using Fluid;
using Fluid.Values;
using MakersSite.Content.Text;

namespace MakersSite.Rendering;

/// <summary>The site's own filters for theme templates, besides Liquid's standard ones.</summary>
public static class TemplateFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("slug", (input, _, _) => new StringValue(Slug(input.ToStringValue())));
        filters.AddFilter("nl_date", (input, _, _) => new StringValue(NlDate(input.ToStringValue())));
        filters.AddFilter("json", (input, _, _) => new StringValue(Json(input.ToObjectValue()), encode: false));
    }

    /// <summary>"Prototype maken" → "prototype-maken", for ids and anchors.</summary>
    public static string Slug(string input) => MakersSite.Content.Text.Slug.From(input);

    /// <summary>"2024-03-01" → "1 maart 2024".</summary>
    public static string NlDate(string input) =>
        DateOnly.TryParseExact(input, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DutchDates.Long(date)
            : input;

    /// <summary>Serialises a value as JSON for a script element; "&lt;" is escaped so content cannot close the element.</summary>
    public static string Json(object? input) => JsonSerializer.Serialize(input, new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
    });
}
