namespace MakersSite.Content.Schema;

/// <summary>
/// The content model of issue 3, one schema per section. Keys are English; vocabularies
/// (municipalities, sectors, aspects) come from content/_data so the network extends them without code changes.
/// </summary>
public static class ContentSchemas
{
    public const string Companies = "bedrijven";
    public const string Projects = "projecten";
    public const string Lessons = "kennisbank";
    public const string Topics = "rugzak";
    public const string Flats = "flats";

    public const string MunicipalitiesVocabulary = "municipalities";
    public const string SectorsVocabulary = "sectors";
    public const string AspectsVocabulary = "aspects";

    public static readonly IReadOnlyList<string> TypedSections = [Companies, Projects, Lessons, Topics, Flats];

    private static readonly FieldType Text = new TextType();
    private static readonly FieldType Summary = new TextType(MaxLength: 200);
    // A title is a heading, a card's name and a share image's text: long enough for any real one.
    private static readonly FieldType Title = new TextType(MaxLength: 120);
    private static readonly FieldType Url = new UrlType();
    private static readonly FieldType Email = new EmailType();
    private static readonly FieldType Date = new DateType();

    /// <summary>The kinds of a vacancy and the Dutch words visitors read for them, in the model's order.</summary>
    public static readonly IReadOnlyDictionary<string, string> VacancyKindNames = new OrderedDictionary<string, string>
    {
        ["vacature"] = "Vacature", ["stage"] = "Stage", ["bbl"] = "BBL-plek (werken en leren)",
        ["afstudeeropdracht"] = "Afstudeeropdracht", ["snuffelstage"] = "Snuffelstage",
    };

    /// <summary>Where a page's facts come from: shown on the page, so a reader can check them.</summary>
    public static readonly FieldType Sources = new ListType(new GroupType(
    [
        new("title", Text, Required: true),
        new("publisher", Text),
        new("year", new YearType()),
        new("url", Url),
    ]));

    /// <summary>Fields every page may carry.</summary>
    public static readonly IReadOnlyList<Field> Common =
    [
        new("sources", Sources),
        new("draft", new BooleanType()),
        new("aliases", new ListType(new TextType(Pattern: "^/[^\\s]*$", PatternHint: "een oud adres dat met / begint, zoals /oud/adres/"))),
        new("weight", new IntegerType()),
    ];

    public static readonly IReadOnlyList<Field> Company =
    [
        new("title", Title, Required: true),
        new("summary", Summary, Required: true),
        // The summary in words a pupil of 10 knows, for the cards of Regio in je Rugzak; only when the sources support it.
        new("forPupils", new TextType(MaxLength: 140)),
        new("place", Text, Required: true),
        new("municipality", ChoiceType.FromVocabulary(MunicipalitiesVocabulary), Required: true),
        new("sectors", new ListType(ChoiceType.FromVocabulary(SectorsVocabulary), MinItems: 1), Required: true),
        new("logo", new FileType(ImageOnly: true)),
        new("website", Url),
        new("kvk", new TextType(Pattern: "^[0-9]{8}$", PatternHint: "precies 8 cijfers, zoals 12345678")),
        new("employees", ChoiceType.Named(new OrderedDictionary<string, string> { ["1-9"] = "1 tot 10", ["10-49"] = "10 tot 50", ["50-249"] = "50 tot 250", ["250+"] = "250 of meer" })),
        new("founded", new YearType()),
        // Set only when the network names the company as one of its members; it then says so in its JSON-LD.
        new("member", new BooleanType()),
        new("address", new GroupType(
        [
            new("street", Text),
            new("postcode", new TextType(Pattern: "^[1-9][0-9]{3} ?[A-Z]{2}$", PatternHint: "vier cijfers en twee hoofdletters, zoals 5911 AB")),
            new("place", Text),
        ])),
        new("flats", new ListType(new RefType(Flats))),
        new("projects", new ListType(new RefType(Projects))),
        new("aspects", new ListType(ChoiceType.FromVocabulary(AspectsVocabulary))),
        new("vacancies", new ListType(new GroupType(
        [
            new("title", Title, Required: true),
            new("kind", ChoiceType.Named(VacancyKindNames), Required: true),
            new("level", ChoiceType.Of("vmbo", "mbo", "hbo", "wo")),
            new("url", Url),
            new("email", Email),
            new("posted", Date, Required: true),
            new("validThrough", Date),
        ], OneOfRequired: ["url", "email"]))),
        new("schools", new ListType(ChoiceType.Named(new OrderedDictionary<string, string> { ["gastles"] = "Gastles", ["bedrijfsbezoek"] = "Bedrijfsbezoek", ["docentenstage"] = "Docentenstage", ["opdracht"] = "Opdracht voor leerlingen" }))),
        new("contact", new GroupType(
        [
            new("name", Text),
            new("email", Email, Required: true),
            new("phone", new TextType(Pattern: "^\\+?[0-9][0-9 ()-]{5,}$", PatternHint: "cijfers, spaties en eventueel een + vooraan, zoals 077 123 45 67")),
        ])),
        new("links", new GroupType([new("linkedin", Url), new("werkenbij", Url)])),
        new("photos", new ListType(new GroupType([new("src", new FileType(ImageOnly: true), Required: true), new("alt", Text, Required: true)]))),
        new("video", Url),
        new("updated", Date),
    ];

    /// <summary>A project's statuses, each with its Dutch words; "voorgesteld" and "aangevraagd" say what a programme's sources say.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProjectStatusNames = new OrderedDictionary<string, string>
    {
        ["idee"] = "Idee", ["voorgesteld"] = "Voorgesteld", ["aangevraagd"] = "Aangevraagd", ["gestart"] = "Gestart",
        ["lopend"] = "Lopend", ["afgerond"] = "Afgerond", ["gestopt"] = "Gestopt",
    };

    public static readonly IReadOnlyList<Field> Project =
    [
        new("title", Title, Required: true),
        new("summary", Summary, Required: true),
        new("flat", new RefType(Flats), Required: true),
        new("status", ChoiceType.Named(ProjectStatusNames), Required: true),
        // The year the status was true, since a status is a claim that ages.
        new("statusYear", new YearType()),
        new("initiators", new ListType(new RefOrNameType(Companies))),
        new("partners", new ListType(new GroupType(
        [
            new("name", Text, Required: true),
            new("role", ChoiceType.Named(new OrderedDictionary<string, string> { ["bedrijf"] = "Bedrijf", ["onderwijs"] = "Onderwijs", ["overheid"] = "Overheid", ["kennisinstelling"] = "Kennisinstelling" })),
            new("ref", new RefType(Companies)),
        ]))),
        new("start", Date),
        new("end", Date),
        new("contact", new GroupType([new("name", Text), new("email", Email, Required: true), new("phone", Text)])),
    ];

    public static readonly IReadOnlyList<Field> Lesson =
    [
        new("title", Title, Required: true),
        new("summary", Summary, Required: true),
        // When the facts were true (the source's year or period), not when the article was written: that is 'updated'.
        new("date", new PeriodType(), Required: true),
        new("updated", Date),
        new("project", new RefType(Projects)),
        new("flat", new RefType(Flats)),
        new("authors", new ListType(new GroupType([new("name", Text, Required: true), new("organisation", Text)]))),
        new("lessons", new ListType(Text, MinItems: 3, MaxItems: 7, CountHint: "3 tot 7 korte zinnen"), Required: true),
        new("tags", new ListType(Text)),
    ];

    public static readonly IReadOnlyList<Field> Topic =
    [
        new("title", Title, Required: true),
        new("summary", Summary, Required: true),
        new("aspect", ChoiceType.FromVocabulary(AspectsVocabulary), Required: true),
        new("audience", new ListType(ChoiceType.Named(new OrderedDictionary<string, string> { ["po"] = "Basisonderwijs (po)", ["vo"] = "Voortgezet onderwijs (vo)" }), MinItems: 1), Required: true),
        new("companies", new ListType(new RefType(Companies))),
        new("professions", new ListType(new GroupType([new("name", Text, Required: true), new("description", Text, Required: true)]))),
        new("glossary", new ListType(new GroupType([new("term", Text, Required: true), new("explanation", Text, Required: true)]))),
    ];

    public static readonly IReadOnlyList<Field> Flat =
    [
        new("title", Title, Required: true),
        new("summary", Summary, Required: true),
        new("order", new IntegerType(Min: 1), Required: true),
    ];

    /// <summary>Plain pages (home, over, section intros) need only a title.</summary>
    public static readonly IReadOnlyList<Field> Plain =
    [
        new("title", Title, Required: true),
        new("summary", Summary),
        // The home page's hero: its big line and key figures, each said by the page's sources.
        new("headline", new TextType(MaxLength: 90)),
        new("highlights", new ListType(new GroupType([new("value", new TextType(MaxLength: 24), Required: true), new("label", new TextType(MaxLength: 60), Required: true)]), MaxItems: 4)),
    ];

    /// <summary>The fields a page in <paramref name="section"/> may have (null: home, plain pages and section intros).</summary>
    public static IReadOnlyList<Field> ForSection(string? section) => [.. SpecificFields(section), .. Common];

    private static IReadOnlyList<Field> SpecificFields(string? section) => section switch
    {
        Companies => Company,
        Projects => Project,
        Lessons => Lesson,
        Topics => Topic,
        Flats => Flat,
        _ => Plain,
    };

    /// <summary>The Dutch relative pronoun for <see cref="Noun"/>: "een bedrijf dat", "een flat die".</summary>
    public static string RelativePronoun(string section) => section == Flats ? "die" : "dat";

    /// <summary>Dutch singular nouns for messages ("verwijst naar een bedrijf dat niet bestaat").</summary>
    public static string Noun(string section) => section switch
    {
        Companies => "bedrijf",
        Projects => "project",
        Lessons => "kennisbankartikel",
        Topics => "Rugzak-onderwerp",
        Flats => "flat",
        _ => "pagina",
    };
}
