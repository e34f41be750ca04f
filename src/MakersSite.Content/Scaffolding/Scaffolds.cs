using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Content.Scaffolding;

/// <summary>
/// Starting files for `makers-site new`: every field of the content model, explained in Dutch for members.
/// Conventions in the text: "# Zin" is an explanation; "#veld: …" (no space after #) is an optional field
/// to switch on by deleting the #. Required fields are present but empty, so `check` lists what is left to fill in.
/// New pages start as draft: nothing is published until a member removes that line.
/// </summary>
public static class Scaffolds
{
    public static readonly IReadOnlyDictionary<string, string> SectionByKind = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["company"] = ContentSchemas.Companies,
        ["project"] = ContentSchemas.Projects,
        ["lesson"] = ContentSchemas.Lessons,
        ["topic"] = ContentSchemas.Topics,
    };

    /// <summary>The file text for a new page of <paramref name="kind"/> titled <paramref name="title"/>.</summary>
    public static string For(string kind, string title, IReadOnlyDictionary<string, Vocabulary> vocabularies, DateOnly today)
    {
        string Values(string vocabulary) => vocabularies.TryGetValue(vocabulary, out var v)
            ? string.Join(", ", v.Terms.Select(t => t.Slug))
            : $"zie content/_data/{vocabulary}.yml";
        var template = kind switch
        {
            "company" => Company,
            "project" => Project,
            "lesson" => Lesson,
            "topic" => Topic,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return template
            .Replace("{title}", Quote(title))
            .Replace("{today}", DutchDates.Iso(today))
            .Replace("{municipalities}", Values(ContentSchemas.MunicipalitiesVocabulary))
            .Replace("{sectors}", Values(ContentSchemas.SectorsVocabulary))
            .Replace("{aspects}", Values(ContentSchemas.AspectsVocabulary));
    }

    /// <summary>A double-quoted YAML scalar, so titles with ':' or '#' stay text.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private const string Draft = """
        # Zolang deze regel er staat, komt de pagina niet op de site. Haal hem weg als alles klopt.
        draft: true
        """;

    // Every kind of page may name its sources (a kennisbank article should).
    private const string Sources = """
        # Waar de feiten vandaan komen: titel, uitgever, jaar en een link als die er is.
        #sources:
        #  - title: "Jaarverslag"
        #    publisher: Voorbeeld BV
        #    year: 2025
        #    url: https://www.voorbeeld.nl/jaarverslag
        """;

    private const string Company = $$"""
        ---
        # Bedrijfsprofiel. Regels met "# " ervoor zijn uitleg. Een veld dat met "#" begint (zonder spatie)
        # staat uit: haal het "#" weg om het te gebruiken. Lege verplichte velden meldt 'makers-site check'.

        # Verplicht: de naam van het bedrijf.
        title: {title}
        # Verplicht: in één zin wat het bedrijf maakt (hoogstens 200 tekens).
        summary:
        # Wat het bedrijf maakt in woorden die een kind van 10 kent, voor Regio in je Rugzak (hoogstens 140 tekens).
        #forPupils: "Maakt machines die brood bakken."
        # Verplicht: de plaats van het bedrijf, zoals Venlo of Grubbenvorst.
        place:
        # Verplicht: de gemeente. Kies uit: {municipalities}.
        municipality:
        # Verplicht: een of meer sectoren, elk op een eigen regel met "- ". Kies uit: {sectors}.
        sectors:
        #  - machinebouw

        # Het logo: een PNG-, JPEG- of WebP-bestand in deze map (hoogstens 5 MB).
        #logo: logo.png
        # De website, met https://.
        #website: https://www.voorbeeld.nl/
        # Het KvK-nummer: precies 8 cijfers.
        #kvk: "12345678"
        # Aantal medewerkers. Kies uit: 1-9, 10-49, 50-249, 250+.
        #employees: 50-249
        # Het jaar waarin het bedrijf is opgericht.
        #founded: 1990
        # Alleen als het netwerk Land van de Makers je bedrijf als lid noemt.
        #member: true
        # Het adres.
        #address:
        #  street: Voorbeeldstraat 1
        #  postcode: 5911 AB
        #  place: Venlo
        # Flats en projecten waar het bedrijf aan meedoet: de mapnamen uit content/flats/ en content/projecten/.
        #flats:
        #  - nieuwe-technologieen
        #projects:
        #  - lean-academy
        # Soorten werk die je hier vindt, voor leerlingen van Regio in je Rugzak. Kies uit: {aspects}.
        #aspects:
        #  - productie
        # Vacatures en stages. kind: vacature, stage, bbl, afstudeeropdracht of snuffelstage;
        # level: vmbo, mbo, hbo of wo; geef een url of een email om te reageren.
        # Na validThrough verdwijnt de vacature vanzelf van de site.
        #vacancies:
        #  - title: "Monteur"
        #    kind: vacature
        #    level: mbo
        #    url: https://www.voorbeeld.nl/vacatures/monteur
        #    posted: {today}
        #    validThrough: {today}
        # Wat het bedrijf voor scholen doet. Kies uit: gastles, bedrijfsbezoek, docentenstage, opdracht.
        #schools:
        #  - bedrijfsbezoek
        # Contactpersoon voor de site; email is verplicht als je contact invult.
        #contact:
        #  name: Voornaam Achternaam
        #  email: info@voorbeeld.nl
        #  phone: 077 123 45 67
        #links:
        #  linkedin: https://www.linkedin.com/company/voorbeeld/
        #  werkenbij: https://www.werkenbijvoorbeeld.nl/
        # Foto's in deze map, elk met een beschrijving (alt) voor wie de foto niet kan zien.
        #photos:
        #  - src: foto-1.jpg
        #    alt: "Twee medewerkers stellen een machine af."
        # Een video: https-adres van YouTube of Vimeo. Hij laadt pas als een bezoeker erop klikt.
        #video: https://www.youtube.com/watch?v=voorbeeld
        {{Sources}}
        # De datum waarop je dit profiel voor het laatst hebt nagekeken.
        updated: {today}
        {{Draft}}
        ---
        Vertel hier in gewone zinnen wat het bedrijf maakt en voor wie.

        """;

    private const string Project = $$"""
        ---
        # Projectpagina. Regels met "# " ervoor zijn uitleg. Een veld dat met "#" begint (zonder spatie)
        # staat uit: haal het "#" weg om het te gebruiken. Lege verplichte velden meldt 'makers-site check'.

        # Verplicht: de naam van het project.
        title: {title}
        # Verplicht: in één zin waar het project over gaat (hoogstens 200 tekens).
        summary:
        # Verplicht: de flat van het project: de mapnaam uit content/flats/.
        flat:
        # Verplicht: idee, voorgesteld, aangevraagd, gestart, lopend, afgerond of gestopt.
        status:
        # Het jaar waarin die status gold.
        #statusYear: 2026

        # Initiatiefnemers: mapnamen van bedrijven uit content/bedrijven/, of een naam.
        #initiators:
        #  - leolux
        #  - name: "Gemeente Venlo"
        # Partners, met hun rol (bedrijf, onderwijs, overheid of kennisinstelling) alleen als die vaststaat.
        #partners:
        #  - name: "Fontys Hogescholen"
        #    role: onderwijs
        # Begin- en einddatum.
        #start: {today}
        #end: {today}
        #contact:
        #  name: Voornaam Achternaam
        #  email: info@voorbeeld.nl
        {{Sources}}
        {{Draft}}
        ---
        Beschrijf hier het project: wat de aanleiding is, wie meedoen en wat het moet opleveren.

        """;

    private const string Lesson = $$"""
        ---
        # Kennisbankartikel: wat een project leerde. Regels met "# " ervoor zijn uitleg. Een veld dat met "#"
        # begint (zonder spatie) staat uit: haal het "#" weg om het te gebruiken.

        # Verplicht: de titel.
        title: {title}
        # Verplicht: in één zin de belangrijkste les (hoogstens 200 tekens).
        summary:
        # Verplicht: wanneer de feiten waar waren: een jaar (2024), een periode (2022-2024) of een datum.
        date: {today}
        {{Sources}}
        # Wanneer je het artikel het laatst hebt bewerkt.
        #updated: {today}
        # Verplicht: 3 tot 7 lessen, elk een korte zin op een eigen regel met "- ".
        lessons:
        #  - "Begin klein en leer van de eerste proef."

        # Het project en de flat: mapnamen uit content/projecten/ en content/flats/.
        #project: lean-academy
        #flat: procesverbetering
        #authors:
        #  - name: Voornaam Achternaam
        #    organisation: Voorbeeld BV
        #tags:
        #  - lean
        {{Draft}}
        ---
        ## Probleem

        ## Aanpak

        ## Resultaat

        """;

    private const string Topic = $$"""
        ---
        # Onderwerp voor Regio in je Rugzak, voor leerlingen van 10 tot 16. Schrijf korte zinnen.
        # Regels met "# " ervoor zijn uitleg. Een veld dat met "#" begint (zonder spatie) staat uit.

        # Verplicht: de titel.
        title: {title}
        # Verplicht: in één korte zin waar het over gaat.
        summary:
        # Verplicht: het aspect. Kies uit: {aspects}.
        aspect:
        # Verplicht: voor wie: po (basisschool) en/of vo (middelbare school).
        audience:
        #  - vo

        # Bedrijven waar je dit werk ziet: mapnamen uit content/bedrijven/.
        #companies:
        #  - leolux
        # Beroepen, met wat je daar doet.
        #professions:
        #  - name: Monteur
        #    description: Je bouwt machines in elkaar en zorgt dat ze werken.
        # Moeilijke woorden, met uitleg.
        #glossary:
        #  - term: Prototype
        #    explanation: Het eerste proefmodel van een nieuw product.
        {{Sources}}
        {{Draft}}
        ---
        Vertel hier in korte zinnen wat je bij dit onderwerp doet. Eén idee per alinea.

        """;

    /// <summary>Where a new page of <paramref name="kind"/> named <paramref name="title"/> goes, relative to the root.</summary>
    public static string PathFor(string kind, string title) => $"content/{SectionByKind[kind]}/{Slug.From(title)}/index.md";
}
