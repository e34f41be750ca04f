namespace MakersSite.Content.Schema;

/// <summary>A front-matter field: its English key, its type and whether members must fill it in.</summary>
public sealed record Field(string Key, FieldType Type, bool Required = false);

/// <summary>The shape a front-matter value must have. <see cref="Expected"/> is Dutch, for messages.</summary>
public abstract record FieldType
{
    public abstract string Expected { get; }
}

public sealed record TextType(int? MaxLength = null, string? Pattern = null, string? PatternHint = null) : FieldType
{
    public override string Expected => "een tekst";
}

public sealed record IntegerType(long Min = long.MinValue, long Max = long.MaxValue) : FieldType
{
    public override string Expected => "een geheel getal";
}

public sealed record YearType : FieldType
{
    public override string Expected => "een jaartal, zoals 1998";
}

public sealed record BooleanType : FieldType
{
    public override string Expected => "true of false";
}

public sealed record DateType : FieldType
{
    public override string Expected => "een datum in de vorm JJJJ-MM-DD, zoals 2024-03-01";
}

/// <summary>When facts were true: a year (2015), a period of years (2022-2024) or a day (2024-03-01), kept as written.</summary>
public sealed record PeriodType : FieldType
{
    public override string Expected => "een jaartal (2015), een periode (2022-2024) of een datum (2024-03-01)";
}

public sealed record UrlType : FieldType
{
    public override string Expected => "een webadres dat begint met https://";
}

public sealed record EmailType : FieldType
{
    public override string Expected => "een e-mailadres, zoals info@voorbeeld.nl";
}

/// <summary>One value from a fixed list, or from a vocabulary in <c>content/_data/</c> when <see cref="Vocabulary"/> is set.</summary>
/// <see cref="Names"/> gives the Dutch words a form shows for fixed values (a vocabulary has its own names).
public sealed record ChoiceType(IReadOnlyList<string> Values, string? Vocabulary = null, IReadOnlyDictionary<string, string>? Names = null) : FieldType
{
    public static ChoiceType Of(params string[] values) => new(values);
    public static ChoiceType Named(IReadOnlyDictionary<string, string> names) => new([.. names.Keys], Names: names);
    public static ChoiceType FromVocabulary(string name) => new([], name);
    public override string Expected => "een van de toegestane waarden";
}

/// <summary>The slug of another page in <see cref="Section"/>.</summary>
public sealed record RefType(string Section) : FieldType
{
    public override string Expected => "de mapnaam (slug) van een andere pagina";
}

/// <summary>Either a slug of a page in <see cref="Section"/>, or a group with a <c>name</c> for parties without a page.</summary>
public sealed record RefOrNameType(string Section) : FieldType
{
    public override string Expected => "een mapnaam (slug) of een groep met 'name'";
}

/// <summary>A file inside the page's own folder (its bundle).</summary>
public sealed record FileType(bool ImageOnly) : FieldType
{
    public override string Expected => "de naam van een bestand in de map van deze pagina";
}

public sealed record ListType(FieldType Item, int MinItems = 0, int MaxItems = int.MaxValue, string? CountHint = null) : FieldType
{
    public override string Expected => "een lijst (regels die beginnen met '- ')";
}

/// <summary>A nested group of fields. <see cref="OneOfRequired"/> names fields of which at least one must be given.</summary>
public sealed record GroupType(IReadOnlyList<Field> Fields, IReadOnlyList<string>? OneOfRequired = null) : FieldType
{
    public override string Expected => "een groep velden (ingesprongen regels 'veld: waarde')";
}
