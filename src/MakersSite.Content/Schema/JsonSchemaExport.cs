using System.Text.Json.Nodes;
using MakersSite.Content.Model;

namespace MakersSite.Content.Schema;

/// <summary>
/// The content model as JSON Schema (draft 2020-12), one schema per kind of page, for the form editor and other
/// tools: the same fields, types, lengths, patterns and allowed values the validator checks, with the Dutch titles
/// and explanations of <see cref="FieldTexts"/>. What JSON Schema cannot state stays the validator's alone: that a
/// file exists and is what its name says, the order of a period's years, dates after the build's day.
/// </summary>
public static class JsonSchemaExport
{
    /// <summary>The kinds of page with a schema of their own, by the file name their schema gets.</summary>
    public static readonly IReadOnlyList<(string Name, string? Section, string Title)> Kinds =
    [
        ("bedrijf", ContentSchemas.Companies, "Bedrijf"),
        ("project", ContentSchemas.Projects, "Project"),
        ("kennisbank", ContentSchemas.Lessons, "Kennisbankartikel"),
        ("rugzak", ContentSchemas.Topics, "Rugzak-onderwerp"),
        ("flat", ContentSchemas.Flats, "Flat"),
        ("pagina", null, "Pagina"),
    ];

    // Control characters (but tab and newline) and characters that turn the reading direction, as the validator refuses them.
    private const string NoInvisible = "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";
    private const string Https = "^https://[^\\s/?#@]+\\.[^\\s/?#@]+([/?#][^\\s]*)?$";

    /// <param name="slugs">The pages of each section, for references to them; a section missing here takes any slug.</param>
    public static JsonObject For(string? section, IReadOnlyDictionary<string, Vocabulary> vocabularies, IReadOnlyDictionary<string, IReadOnlyList<string>> slugs)
    {
        var kind = Kinds.Single(k => k.Section == section);
        var schema = Group(new GroupType(ContentSchemas.ForSection(section)), section, "", vocabularies, slugs);
        var result = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://www.landvandemakers.nl/schema/{kind.Name}.schema.json",
            ["title"] = kind.Title,
            ["description"] = $"De YAML-kop van een {kind.Title.ToLowerInvariant()} (tussen de twee regels ---), zoals makers-site check hem controleert.",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            result[key] = value;
        }
        return result;
    }

    /// <summary>The folder names of a site's pages per typed section, as references to them may name them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SiteSlugs(string root) =>
        ContentSchemas.TypedSections.ToDictionary(section => section, section =>
        {
            var folder = Path.Combine(root, "content", section);
            return (IReadOnlyList<string>)(Directory.Exists(folder)
                ? Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, "index.md"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList()
                : []);
        }, StringComparer.Ordinal);

    /// <summary>Indented, with Dutch letters as they are: a file for people and tools to read.</summary>
    public static string Text(JsonObject schema) => schema.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) + "\n";

    private static JsonObject Group(GroupType group, string? section, string path, IReadOnlyDictionary<string, Vocabulary> vocabularies,
        IReadOnlyDictionary<string, IReadOnlyList<string>> slugs)
    {
        var properties = new JsonObject();
        foreach (var field in group.Fields)
        {
            var fieldPath = path.Length == 0 ? field.Key : $"{path}.{field.Key}";
            var rules = Type(field.Type, section, fieldPath, vocabularies, slugs);
            // What a member reads first, then the rules.
            var schema = FieldTexts.For(section, fieldPath) is var (title, description)
                ? new JsonObject { ["title"] = title, ["description"] = description }
                : [];
            foreach (var (key, value) in rules.ToList())
            {
                rules.Remove(key);
                schema[key] = value;
            }
            properties[field.Key] = schema;
        }
        var result = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        var required = group.Fields.Where(f => f.Required).Select(f => (JsonNode)JsonValue.Create(f.Key)!).ToArray();
        if (required.Length > 0) result["required"] = new JsonArray(required);
        if (group.OneOfRequired is { Count: > 0 } oneOf)
            result["anyOf"] = new JsonArray([.. oneOf.Select(key => (JsonNode)new JsonObject { ["required"] = new JsonArray(JsonValue.Create(key)) })]);
        return result;
    }

    private static JsonObject Type(FieldType type, string? section, string path, IReadOnlyDictionary<string, Vocabulary> vocabularies,
        IReadOnlyDictionary<string, IReadOnlyList<string>> slugs) => type switch
    {
        TextType t => Text(t),
        IntegerType i => Integer(i),
        YearType => new JsonObject { ["type"] = "integer", ["minimum"] = 1000, ["maximum"] = 2999 },
        BooleanType => new JsonObject { ["type"] = "boolean" },
        DateType => new JsonObject { ["type"] = "string", ["format"] = "date" },
        PeriodType => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "integer", ["minimum"] = 1000, ["maximum"] = 9999 },
                new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}(-[0-9]{4})?$" },
                new JsonObject { ["type"] = "string", ["format"] = "date" }),
        },
        UrlType => new JsonObject { ["type"] = "string", ["pattern"] = Https },
        EmailType => new JsonObject { ["type"] = "string", ["pattern"] = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$" },
        ChoiceType choice => Choice(choice, vocabularies),
        RefType reference => Reference(reference.Section, slugs),
        RefOrNameType either => new JsonObject
        {
            ["anyOf"] = new JsonArray(Reference(either.Section, slugs),
                Group(new GroupType([new Field("name", new TextType(), Required: true)]), section, path, vocabularies, slugs)),
        },
        FileType file => new JsonObject
        {
            ["type"] = "string",
            // A name in the page's own folder: no address, no folder above it.
            ["pattern"] = file.ImageOnly ? "^(?!.*\\.\\.)[^/\\\\:]+(/[^/\\\\:]+)*\\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Ww][Ee][Bb][Pp]|[Gg][Ii][Ff])$" : "^(?!.*\\.\\.)[^/\\\\:]+(/[^/\\\\:]+)*$",
        },
        ListType list => List(list, section, path, vocabularies, slugs),
        GroupType group => Group(group, section, path, vocabularies, slugs),
        _ => throw new InvalidOperationException($"Unhandled field type {type.GetType().Name}"),
    };

    private static JsonObject Text(TextType t)
    {
        var schema = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["pattern"] = NoInvisible };
        if (t.MaxLength is { } max) schema["maxLength"] = max;
        // Two patterns: allOf keeps the invisible-character rule beside the field's own.
        if (t.Pattern is { } pattern) schema["allOf"] = new JsonArray(new JsonObject { ["pattern"] = pattern });
        return schema;
    }

    private static JsonObject Integer(IntegerType i)
    {
        var schema = new JsonObject { ["type"] = "integer" };
        if (i.Min != long.MinValue) schema["minimum"] = i.Min;
        if (i.Max != long.MaxValue) schema["maximum"] = i.Max;
        return schema;
    }

    private static JsonObject Choice(ChoiceType choice, IReadOnlyDictionary<string, Vocabulary> vocabularies)
    {
        var values = choice.Vocabulary is { } name
            ? vocabularies.GetValueOrDefault(name)?.Terms.Select(t => t.Slug).ToList() ?? []
            : choice.Values.ToList();
        return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]) };
    }

    private static JsonObject Reference(string section, IReadOnlyDictionary<string, IReadOnlyList<string>> slugs) =>
        slugs.TryGetValue(section, out var known)
            ? new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. known.Select(s => (JsonNode)JsonValue.Create(s)!)]) }
            : new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$" };

    private static JsonObject List(ListType list, string? section, string path, IReadOnlyDictionary<string, Vocabulary> vocabularies,
        IReadOnlyDictionary<string, IReadOnlyList<string>> slugs)
    {
        var schema = new JsonObject { ["type"] = "array", ["items"] = Type(list.Item, section, path, vocabularies, slugs) };
        if (list.MinItems > 0) schema["minItems"] = list.MinItems;
        if (list.MaxItems != int.MaxValue) schema["maxItems"] = list.MaxItems;
        return schema;
    }
}
