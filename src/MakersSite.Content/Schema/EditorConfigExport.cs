using System.Text.Json.Nodes;
using MakersSite.Content.Assembly;
using MakersSite.Content.Model;

namespace MakersSite.Content.Schema;

/// <summary>
/// The form editor's configuration (Decap CMS, at /beheer/), made from the same content model the validator checks:
/// one collection per section with its pages as folder bundles, a widget per field type, the vocabularies and the
/// site's pages as choices, the Dutch titles and hints of <see cref="FieldTexts"/>, and the model's patterns with
/// Dutch messages. Saving opens a pull request (editorial workflow, open authoring for members without write access).
/// </summary>
public static class EditorConfigExport
{
    public const string Folder = "beheer";
    public const string ConfigFile = "beheer/config.json";

    /// <summary>The editor's own file format (registered by beheer.js), which changes only what a member changed.</summary>
    public const string Format = "makers-site";

    private const string Https = "^https://[^\\s/?#@]+\\.[^\\s/?#@]+([/?#][^\\s]*)?$";

    /// <summary>The address of a page's form in the editor, for its "Pagina aanpassen" link.</summary>
    public static string EntryUrl(Page page) => $"/{Folder}/#/collections/{page.Section}/entries/{page.Slug}/index";

    /// <summary>
    /// The configuration as JSON. Without a repository in site.yml the editor runs on the CMS's in-memory test backend
    /// (a trial: nothing is saved), with the site's own files loaded into it by beheer.js.
    /// </summary>
    public static JsonObject For(LoadedContent content)
    {
        var site = content.Site;
        var pages = content.Pages.Where(p => p.Section is not null && p.Kind != PageKind.SectionList)
            .GroupBy(p => p.Section!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Title, StringComparer.CurrentCulture).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        JsonObject backend;
        if (site.Repository is { } repository)
        {
            backend = new JsonObject
            {
                ["name"] = "github",
                ["repo"] = repository["https://github.com/".Length..],
                ["branch"] = site.Branch,
                ["open_authoring"] = true,
                ["always_fork"] = false,
                ["squash_merges"] = true,
                ["cms_label_prefix"] = "beheer/",
                ["commit_messages"] = new JsonObject
                {
                    ["create"] = "Nieuw: {{collection}} “{{slug}}” (via /beheer/)",
                    ["update"] = "Aangepast: {{collection}} “{{slug}}” (via /beheer/)",
                    ["delete"] = "Verwijderd: {{collection}} “{{slug}}” (via /beheer/)",
                    ["uploadMedia"] = "Bestand toegevoegd: {{path}} (via /beheer/)",
                    ["deleteMedia"] = "Bestand verwijderd: {{path}} (via /beheer/)",
                    ["openAuthoring"] = "{{message}}",
                },
            };
            if (site.EditorAuth is { } auth) backend["base_url"] = auth.TrimEnd('/');
        }
        else
        {
            backend = new JsonObject { ["name"] = "test-repo" };
        }
        return new JsonObject
        {
            ["load_config_file"] = false,
            ["locale"] = "nl",
            ["backend"] = backend,
            ["publish_mode"] = "editorial_workflow",
            // Pages keep their files beside index.md; this folder is only the CMS's fallback for files outside a page.
            ["media_folder"] = "static/bestanden",
            ["public_folder"] = "/bestanden",
            ["site_url"] = site.BaseUrl,
            ["display_url"] = site.BaseUrl,
            ["logo_url"] = "/img/vlag.svg",
            ["editor"] = new JsonObject { ["preview"] = false },
            ["slug"] = new JsonObject { ["encoding"] = "ascii", ["clean_accents"] = true, ["sanitize_replacement"] = "-" },
            ["collections"] = new JsonArray([.. ContentSchemas.TypedSections.Select(section => (JsonNode)Collection(section, content.Vocabularies, pages))]),
        };
    }

    /// <summary>Indented, with Dutch letters as they are.</summary>
    public static string Text(JsonObject config) => JsonSchemaExport.Text(config);

    private static JsonObject Collection(string section, IReadOnlyDictionary<string, Vocabulary> vocabularies, IReadOnlyDictionary<string, List<Page>> pages)
    {
        var fields = new JsonArray([.. ContentSchemas.ForSection(section).Select(f => (JsonNode)Widget(f, section, f.Key, true, vocabularies, pages))]);
        fields.Add((JsonNode)new JsonObject
        {
            ["name"] = "body", ["label"] = "Tekst", ["widget"] = "markdown", ["required"] = false,
            ["hint"] = "De tekst van de pagina. Een regel leeg laten begint een nieuwe alinea.",
            ["buttons"] = new JsonArray("bold", "italic", "link", "heading-two", "heading-three", "bulleted-list", "numbered-list", "quote"),
            ["editor_components"] = new JsonArray(),
        });
        return new JsonObject
        {
            ["name"] = section,
            ["label"] = SiteGraph.SectionTitles[section],
            ["label_singular"] = Capitalized(ContentSchemas.Noun(section)),
            ["folder"] = $"content/{section}",
            ["path"] = "{{slug}}/index",
            ["extension"] = "md",
            ["format"] = Format,
            ["create"] = true,
            ["delete"] = false,
            ["slug"] = "{{slug}}",
            ["identifier_field"] = "title",
            ["media_folder"] = "",
            ["public_folder"] = "",
            ["sortable_fields"] = new JsonArray("title"),
            ["fields"] = fields,
        };
    }

    /// <param name="enforced">False inside an optional group: the CMS checks a group's fields even when it is left empty, so its required fields are left to check.</param>
    private static JsonObject Widget(Field field, string section, string path, bool enforced, IReadOnlyDictionary<string, Vocabulary> vocabularies,
        IReadOnlyDictionary<string, List<Page>> pages)
    {
        var (title, description) = FieldTexts.For(section, path) ?? (field.Key, "");
        var widget = new JsonObject { ["name"] = field.Key, ["label"] = title };
        var required = field.Required && enforced;
        widget["required"] = required;
        var hint = description;
        if (field.Required && !enforced) hint += " Verplicht als je dit deel invult.";
        foreach (var (key, value) in Type(field.Type, section, path, field.Required && enforced, vocabularies, pages, ref hint)) widget[key] = value?.DeepClone();
        if (hint.Length > 0) widget["hint"] = hint;
        return widget;
    }

    private static List<KeyValuePair<string, JsonNode?>> Type(FieldType type, string section, string path, bool required, IReadOnlyDictionary<string, Vocabulary> vocabularies,
        IReadOnlyDictionary<string, List<Page>> pages, ref string hint) => type switch
    {
        ListType { Item: ChoiceType or RefType } list when list.Item is not RefType r || pages.ContainsKey(r.Section) => MultipleChoice(list, required, vocabularies, pages),
        ListType list => List(list, section, path, required, vocabularies, pages, ref hint),
        GroupType group => Group(group, section, path, required, vocabularies, pages, ref hint),
        _ => Scalar(type, vocabularies, pages),
    };

    private static List<KeyValuePair<string, JsonNode?>> Scalar(FieldType type, IReadOnlyDictionary<string, Vocabulary> vocabularies, IReadOnlyDictionary<string, List<Page>> pages)
    {
        JsonArray Pattern(string pattern, string message) => new(pattern, message);
        return type switch
        {
            TextType { Pattern: { } pattern } t => Widget(t.MaxLength is > 120 ? "text" : "string", ("pattern", Pattern(pattern, $"Vul in: {t.PatternHint}."))),
            TextType { MaxLength: { } max } => Widget(max > 120 ? "text" : "string", ("pattern", Pattern($"^[\\s\\S]{{0,{max}}}$", $"Hoogstens {max} tekens."))),
            TextType => Widget("string"),
            IntegerType i => Widget("number", ("value_type", "int"), ("min", i.Min == long.MinValue ? null : i.Min), ("max", i.Max == long.MaxValue ? null : i.Max)),
            YearType => Widget("number", ("value_type", "int"), ("min", 1000), ("max", 2999)),
            BooleanType => Widget("boolean"),
            DateType => Widget("datetime", ("format", "YYYY-MM-DD"), ("date_format", "D-M-YYYY"), ("time_format", false), ("picker_utc", true)),
            PeriodType => Widget("string", ("pattern", Pattern("^[0-9]{4}(-[0-9]{4}|-[0-9]{2}-[0-9]{2})?$",
                "Vul in: een jaartal (2015), een periode (2022-2024) of een datum (2024-03-01)."))),
            UrlType => Widget("string", ("pattern", Pattern(Https, "Vul in: een webadres dat begint met https://."))),
            EmailType => Widget("string", ("pattern", Pattern("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "Vul in: een e-mailadres, zoals info@voorbeeld.nl."))),
            ChoiceType choice => Widget("select", ("options", Options(choice, vocabularies))),
            // No page to choose yet (the CMS refuses an empty list): a folder name, as check then verifies.
            RefType reference when !pages.ContainsKey(reference.Section) => Widget("string",
                ("pattern", Pattern("^[a-z0-9]+(-[a-z0-9]+)*$", "Vul in: de mapnaam van een pagina, in kleine letters met streepjes."))),
            RefType reference => Widget("select", ("options", PageOptions(reference.Section, pages))),
            // A list item is either a page's slug or a group with a name; format.js turns the form's { ref } or { name } into that.
            RefOrNameType either => Widget("object", ("makers_either", true), ("fields", new JsonArray(
                new JsonObject
                {
                    ["name"] = "ref", ["label"] = $"{Capitalized(ContentSchemas.Noun(either.Section))} met een profiel",
                    ["widget"] = "select", ["required"] = false, ["options"] = PageOptions(either.Section, pages),
                },
                new JsonObject { ["name"] = "name", ["label"] = "Of: naam zonder profiel", ["widget"] = "string", ["required"] = false }))),
            FileType file => Widget(file.ImageOnly ? "image" : "file", ("choose_url", false), ("allow_multiple", false)),
            _ => throw new InvalidOperationException($"Unhandled field type {type.GetType().Name}"),
        };
    }

    private static string Capitalized(string word) => $"{char.ToUpperInvariant(word[0])}{word[1..]}";

    private static List<KeyValuePair<string, JsonNode?>> Widget(string name, params (string Key, JsonNode? Value)[] options) =>
        [new("widget", name), .. options.Where(o => o.Value is not null).Select(o => new KeyValuePair<string, JsonNode?>(o.Key, o.Value))];

    private static List<KeyValuePair<string, JsonNode?>> MultipleChoice(ListType list, bool required, IReadOnlyDictionary<string, Vocabulary> vocabularies, IReadOnlyDictionary<string, List<Page>> pages) =>
        Widget("select", ("multiple", true),
            ("options", list.Item is ChoiceType c ? Options(c, vocabularies) : PageOptions(((RefType)list.Item).Section, pages)),
            ("min", list.MinItems > 0 && required ? list.MinItems : null),
            ("max", list.MaxItems != int.MaxValue ? list.MaxItems : null));

    private static List<KeyValuePair<string, JsonNode?>> List(ListType list, string section, string path, bool required, IReadOnlyDictionary<string, Vocabulary> vocabularies,
        IReadOnlyDictionary<string, List<Page>> pages, ref string hint)
    {
        var w = Widget("list");
        if (list.Item is GroupType group)
        {
            w.Add(new("fields", Fields(group, section, path, enforced: true, vocabularies, pages)));
            w.Add(new("summary", "{{fields." + group.Fields[0].Key + "}}"));
        }
        else
        {
            var itemHint = "";
            var item = new JsonObject { ["name"] = "item", ["label"] = "Regel", ["required"] = true };
            foreach (var (key, value) in Type(list.Item, section, path, true, vocabularies, pages, ref itemHint)) item[key] = value?.DeepClone();
            w.Add(new("field", item));
        }
        w.Add(new("collapsed", false));
        w.Add(new("add_to_top", false));
        if (list.MinItems > 0 && required) w.Add(new("min", list.MinItems));
        if (list.MaxItems != int.MaxValue) w.Add(new("max", list.MaxItems));
        if (list.CountHint is { } count) hint += $" ({count})";
        return w;
    }

    private static List<KeyValuePair<string, JsonNode?>> Group(GroupType group, string section, string path, bool required, IReadOnlyDictionary<string, Vocabulary> vocabularies,
        IReadOnlyDictionary<string, List<Page>> pages, ref string hint)
    {
        if (group.OneOfRequired is { Count: > 0 } oneOf)
            hint += $" Vul minstens een van deze in: {string.Join(" of ", oneOf.Select(k => FieldTexts.For(section, $"{path}.{k}")?.Title ?? k))}.";
        // Open, not folded: a member sees every field without knowing where to click.
        return Widget("object", ("collapsed", false), ("fields", Fields(group, section, path, enforced: required, vocabularies, pages)));
    }

    private static JsonArray Fields(GroupType group, string section, string path, bool enforced, IReadOnlyDictionary<string, Vocabulary> vocabularies,
        IReadOnlyDictionary<string, List<Page>> pages)
    {
        var fields = new JsonArray([.. group.Fields.Select(f => (JsonNode)Widget(f, section, $"{path}.{f.Key}", enforced, vocabularies, pages))]);
        if (group.OneOfRequired is { Count: > 0 } oneOf)
        {
            // Said in the hint of each of them as well, since the CMS cannot require one of two.
            foreach (var field in fields.OfType<JsonObject>().Where(f => oneOf.Contains((string)f["name"]!)))
                field["hint"] = $"{(string?)field["hint"]} Geef dit of {string.Join(" of ", oneOf.Where(k => k != (string)field["name"]!).Select(k => FieldTexts.For(section, $"{path}.{k}")?.Title.ToLowerInvariant() ?? k))}.".Trim();
        }
        return fields;
    }

    private static JsonArray Options(ChoiceType choice, IReadOnlyDictionary<string, Vocabulary> vocabularies)
    {
        IEnumerable<(string Value, string Label)> values = choice.Vocabulary is { } name
            ? vocabularies.GetValueOrDefault(name)?.Terms.Select(t => (t.Slug, t.Name)) ?? []
            : choice.Values.Select(v => (v, choice.Names?.GetValueOrDefault(v) ?? v));
        return new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["label"] = v.Label, ["value"] = v.Value })]);
    }

    private static JsonArray PageOptions(string section, IReadOnlyDictionary<string, List<Page>> pages) =>
        new([.. (pages.GetValueOrDefault(section) ?? []).Select(p => (JsonNode)new JsonObject { ["label"] = p.Title, ["value"] = p.Slug })]);
}
