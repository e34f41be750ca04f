using System.Globalization;
using System.Text.RegularExpressions;
using MakersSite.Content.Diagnostics;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;
using YamlDotNet.RepresentationModel;

namespace MakersSite.Content.Loading;

/// <summary>
/// Checks a parsed front matter against a schema and converts it to plain values. Strict: unknown keys and values
/// are errors with a suggestion. It reports every problem it finds and keeps going, so one run lists them all.
/// </summary>
public sealed partial class FrontMatterValidator(
    string file,
    string bundleDirectory,
    IReadOnlyDictionary<string, Vocabulary> vocabularies,
    DiagnosticBag diagnostics,
    int lineOffset = 1)
{
    private readonly List<PageRef> _references = [];
    private readonly HashSet<string> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldPosition> _positions = new(StringComparer.Ordinal);

    public IReadOnlyList<PageRef> References => _references;

    /// <summary>The images fields name (full paths), whose bytes this validator checked.</summary>
    public IReadOnlySet<string> Images => _images;

    /// <summary>Where each value stood, by dotted path, so later phases (warnings, links) can point at it.</summary>
    public IReadOnlyDictionary<string, FieldPosition> Positions => _positions;

    public Dictionary<string, object?> ValidateRoot(YamlMappingNode node, IReadOnlyList<Field> fields) =>
        ValidateGroup(node, new GroupType(fields), path: "");

    /// <summary>Validates a whole YAML document (such as a vocabulary list) against one type.</summary>
    public object? ValidateDocument(YamlNode node, FieldType type) => ValidateValue(node, type, path: "");

    private Dictionary<string, object?> ValidateGroup(YamlMappingNode node, GroupType group, string path)
    {
        var known = group.Fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var given = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var keyPath = Join(path, key);
            if (!known.ContainsKey(key))
            {
                var suggestion = Suggestions.Closest(key, known.Keys);
                var hint = suggestion is not null
                    ? $"Bedoelde je '{suggestion}'?"
                    : $"Toegestane velden hier: {string.Join(", ", known.Keys)}.";
                Error(keyNode, keyPath, $"Onbekend veld '{key}'. {hint}");
                continue;
            }
            given[key] = valueNode;
        }

        // Keep the schema's order so output does not depend on the order members wrote their fields in.
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in group.Fields)
        {
            var fieldPath = Join(path, field.Key);
            if (!given.TryGetValue(field.Key, out var valueNode) || IsEmpty(valueNode))
            {
                if (field.Required)
                {
                    var at = given.TryGetValue(field.Key, out var emptyNode) ? emptyNode : node;
                    var message = given.ContainsKey(field.Key)
                        ? $"Het verplichte veld '{field.Key}' is leeg. Vul een waarde in."
                        : $"Het verplichte veld '{field.Key}' ontbreekt. Voeg een regel '{field.Key}: …' toe.";
                    Error(at, fieldPath, message);
                }
                continue;
            }
            var value = ValidateValue(valueNode, field.Type, fieldPath);
            if (value is not null) result[field.Key] = value;
        }

        if (group.OneOfRequired is { Count: > 0 } oneOf && !oneOf.Any(result.ContainsKey))
        {
            var names = string.Join("' of '", oneOf);
            Error(node, path, $"Vul '{names}' in, zodat bezoekers weten hoe ze kunnen reageren.");
        }
        return result;
    }

    private object? ValidateValue(YamlNode node, FieldType type, string path)
    {
        if (path.Length > 0) _positions[path] = new FieldPosition(Line(node), Column(node));
        switch (type)
        {
            case ListType list:
                return ValidateList(node, list, path);
            case GroupType group:
                return node is YamlMappingNode mapping ? ValidateGroup(mapping, group, path) : WrongType(node, type, path);
            case RefOrNameType refOrName:
                return node is YamlMappingNode named
                    ? ValidateGroup(named, new GroupType([new Field("name", new TextType(), Required: true)]), path)
                    : ValidateValue(node, new RefType(refOrName.Section), path);
        }

        if (node is not YamlScalarNode scalar) return WrongType(node, type, path);
        var text = scalar.Value ?? "";
        // The file's own characters were checked as it was read; these came from escapes such as "\u202E".
        if (InvisibleProblem(text) is { } invisible) return Error(node, path, invisible);

        switch (type)
        {
            case TextType t:
                var length = new StringInfo(text).LengthInTextElements;
                if (t.MaxLength is { } max && length > max)
                    return Error(node, path, $"'{Leaf(path)}' is {length} tekens lang; het maximum is {max}. Maak de tekst korter.");
                if (t.Pattern is not null && !Regex.IsMatch(text, t.Pattern))
                    return Error(node, path, $"'{text}' is geen geldige waarde voor '{Leaf(path)}': gebruik {t.PatternHint}.");
                return text;

            case IntegerType i:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    return WrongType(node, type, path);
                if (number < i.Min || number > i.Max)
                    return Error(node, path, $"'{Leaf(path)}' moet minstens {i.Min} zijn.");
                return number;

            case YearType:
                if (!YearPattern().IsMatch(text)) return WrongType(node, type, path);
                return long.Parse(text, CultureInfo.InvariantCulture);

            case BooleanType:
                return text switch
                {
                    "true" => true,
                    "false" => false,
                    _ => WrongType(node, type, path),
                };

            case DateType:
                if (!DatePattern().IsMatch(text)) return WrongType(node, type, path);
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return Error(node, path, $"'{text}' is geen bestaande datum. Controleer dag en maand.");
                return date;

            case PeriodType:
                if (Period.Parse(text) is not { } period)
                    return PeriodPattern().IsMatch(text) ? Error(node, path, $"'{text}' is geen bestaande datum of periode. Controleer dag, maand en de volgorde van de jaren.")
                        : WrongType(node, type, path);
                return period.Written;

            case UrlType:
                return ValidateUrl(node, text, path);

            case EmailType:
                if (!EmailPattern().IsMatch(text))
                    return Error(node, path, $"'{text}' is geen geldig e-mailadres. Gebruik de vorm naam@voorbeeld.nl.");
                return text;

            case ChoiceType choice:
                return ValidateChoice(node, text, choice, path);

            case RefType reference:
                if (!SlugPattern().IsMatch(text))
                    return Error(node, path,
                        $"'{text}' is geen mapnaam van een {ContentSchemas.Noun(reference.Section)}. Gebruik kleine letters, " +
                        $"cijfers en streepjes, precies zoals de map in content/{reference.Section}/ heet.");
                _references.Add(new PageRef(reference.Section, text, path, Line(node), Column(node)));
                return text;

            case FileType f:
                return ValidateFile(node, text, f, path);
        }
        throw new InvalidOperationException($"Unhandled field type {type.GetType().Name}");
    }

    private List<object?>? ValidateList(YamlNode node, ListType list, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, path,
                $"'{Leaf(path)}' moet een lijst zijn: zet elk onderdeel op een eigen regel die begint met '- '.");
            return null;
        }
        var items = new List<object?>();
        var index = 0;
        foreach (var child in sequence.Children)
        {
            var value = ValidateValue(child, list.Item, $"{path}[{index}]");
            if (value is not null) items.Add(value);
            index++;
        }
        var count = sequence.Children.Count;
        if (count < list.MinItems || count > list.MaxItems)
        {
            var wanted = list.CountHint ?? (list.MinItems == 1 ? "minstens één onderdeel" : $"minstens {list.MinItems} onderdelen");
            Error(node, path, $"'{Leaf(path)}' heeft {count} {(count == 1 ? "onderdeel" : "onderdelen")}; geef {wanted}.");
        }
        return items;
    }

    private string? ValidateUrl(YamlNode node, string text, string path)
    {
        var scheme = UrlSafety.Scheme(text);
        if (UrlSafety.IsDangerousScheme(scheme))
            return Error(node, path,
                $"'{Leaf(path)}' bevat een {scheme}:-adres. Dat is niet toegestaan omdat het code kan uitvoeren; gebruik een https://-adres.");
        if (scheme != "https")
            return Error(node, path,
                $"'{Leaf(path)}' moet een veilig webadres zijn dat begint met https://, maar is '{text}'.");
        if (UrlSafety.DeceptionProblem(text) is { } deception) return Error(node, path, deception);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.'))
            return Error(node, path, $"'{text}' is geen geldig webadres. Gebruik de vorm https://www.voorbeeld.nl/.");
        return text;
    }

    private string? ValidateChoice(YamlNode node, string text, ChoiceType choice, string path)
    {
        IReadOnlyList<string> allowed;
        if (choice.Vocabulary is { } vocabularyName)
        {
            if (!vocabularies.TryGetValue(vocabularyName, out var vocabulary))
                return Error(node, path, $"De woordenlijst content/_data/{vocabularyName}.yml ontbreekt.");
            allowed = vocabulary.Terms.Select(t => t.Slug).ToList();
        }
        else
        {
            allowed = choice.Values;
        }
        if (allowed.Contains(text, StringComparer.Ordinal)) return text;

        var suggestion = Suggestions.Closest(text, allowed);
        var hint = suggestion is not null ? $"Bedoelde je '{suggestion}'? " : "";
        var where = choice.Vocabulary is not null ? $" (uit content/_data/{choice.Vocabulary}.yml)" : "";
        return Error(node, path,
            $"'{text}' is geen toegestane waarde voor '{Leaf(path)}'. {hint}Kies uit{where}: {string.Join(", ", allowed)}.");
    }

    private string? ValidateFile(YamlNode node, string text, FileType type, string path)
    {
        var bundleName = Path.GetFileName(bundleDirectory);
        if (UrlSafety.Scheme(text) is { Length: > 0 } || text.StartsWith('/') || text.Contains('\\'))
            return Error(node, path,
                $"'{Leaf(path)}' moet de naam zijn van een bestand in de map '{bundleName}', zoals logo.png, niet '{text}'.");

        var full = Path.GetFullPath(Path.Combine(bundleDirectory, text));
        var bundleWithSlash = Path.GetFullPath(bundleDirectory) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(bundleWithSlash, StringComparison.Ordinal))
            return Error(node, path,
                $"'{text}' ligt buiten de map van deze pagina. Zet het bestand in de map '{bundleName}' en schrijf alleen de bestandsnaam.");
        var kind = Files.FileStatus.KindBelow(Path.GetFullPath(bundleDirectory), Path.GetRelativePath(bundleDirectory, full).Replace('\\', '/'));
        if (kind is Files.FileKind.Missing)
            return Error(node, path,
                $"Het bestand '{text}' bestaat niet in de map '{bundleName}'. Controleer de naam (ook hoofdletters) of voeg het bestand toe.");
        // A link or a device is never opened: its target could be any file of the build machine, or endless.
        if (kind is not Files.FileKind.File)
            return Error(node, path, kind == Files.FileKind.Link ? Files.BundleFiles.LinkMessage(text)
                : Files.BundleFiles.SpecialFileMessage(text));

        if (type.ImageOnly)
        {
            _images.Add(full);
            if (Files.BundleFiles.ImageProblem(full, text, new FileInfo(full).Length) is { } problem) return Error(node, path, problem);
        }
        return Path.GetRelativePath(bundleDirectory, full).Replace('\\', '/');
    }

    /// <summary>A control character, a lone surrogate or a direction-reversing character: none belongs in a value.</summary>
    private static string? InvisibleProblem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c) || Files.BundleFiles.IsInvisibleControl(c))
                return $"Deze waarde bevat een onzichtbaar of ongeldig teken (U+{(int)c:X4}). Haal het weg of schrijf het teken zelf.";
            else if (Files.BundleFiles.IsDirectionOverride(c))
                return $"Deze waarde bevat een onzichtbaar teken dat de leesrichting omdraait (U+{(int)c:X4}). Zulke tekens laten tekst anders lijken dan hij is; haal het weg.";
        }
        return null;
    }

    private object? WrongType(YamlNode node, FieldType type, string path)
    {
        var actual = node switch
        {
            YamlSequenceNode => "een lijst",
            YamlMappingNode => "een groep velden",
            YamlScalarNode s => $"'{s.Value}'",
            _ => "iets anders",
        };
        return Error(node, path, $"'{Leaf(path)}' moet {type.Expected} zijn, maar hier staat {actual}.");
    }

    private string? Error(YamlNode node, string path, string message)
    {
        diagnostics.Error(file, Line(node), Column(node), path.Length == 0 ? null : path, message);
        return null;
    }

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any } s
        && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null");

    // lineOffset: a page's YAML starts on file line 2 (line 1 is the opening '---'); a .yml file starts on line 1.
    private int Line(YamlNode node) => (int)node.Start.Line + lineOffset;
    private static int Column(YamlNode node) => (int)node.Start.Column;
    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
    private static string Leaf(string path)
    {
        var dot = path.LastIndexOf('.');
        var leaf = dot < 0 ? path : path[(dot + 1)..];
        var bracket = leaf.IndexOf('[');
        return bracket < 0 ? leaf : leaf[..bracket];
    }

    [GeneratedRegex("^[12][0-9]{3}$")] private static partial Regex YearPattern();
    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")] private static partial Regex DatePattern();
    [GeneratedRegex("^[0-9]{4}(-[0-9]{4}|-[0-9]{2}-[0-9]{2})?$")] private static partial Regex PeriodPattern();
    [GeneratedRegex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")] private static partial Regex EmailPattern();
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex SlugPattern();
}
