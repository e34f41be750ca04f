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
        filters.AddFilter("nl_period_html", (input, _, _) => new StringValue(PeriodHtml(input.ToStringValue()), encode: false));
        filters.AddFilter("json", (input, _, _) => new StringValue(Json(input.ToObjectValue()), encode: false));
    }

    /// <summary>"Prototype maken" → "prototype-maken", for ids and anchors.</summary>
    public static string Slug(string input) => MakersSite.Content.Text.Slug.From(input);

    /// <summary>"2024-03-01" → "1 maart 2024"; a year or period ("2022-2024" → "2022–2024") stays one.</summary>
    public static string NlDate(string input) => Period.Parse(input) is { } period ? period.Dutch : input;

    /// <summary>A period in time elements: "2015" and days as one, "2022–2024" as two years, each a valid datetime.</summary>
    public static string PeriodHtml(string input)
    {
        if (Period.Parse(input) is not { } period) return System.Net.WebUtility.HtmlEncode(input);
        if (period.IsDay || period.Written.Length == 4) return $"<time datetime=\"{period.Written}\">{period.Dutch}</time>";
        return $"<time datetime=\"{period.Written[..4]}\">{period.Written[..4]}</time>–<time datetime=\"{period.Written[5..]}\">{period.Written[5..]}</time>";
    }

    /// <summary>Serialises a value as JSON for a script element; "&lt;" is escaped so content cannot close the element.</summary>
    public static string Json(object? input)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default }))
            Write(writer, input);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// What a template can hold (text, numbers, yes/no, lists and maps of those), written as JsonSerializer writes
    /// it, without the serialiser's reflection, which the native binary does not have.
    /// </summary>
    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset moment: writer.WriteStringValue(moment); break;
            case DateTime moment: writer.WriteStringValue(moment); break;
            case System.Collections.IDictionary map:
                writer.WriteStartObject();
                foreach (System.Collections.DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
