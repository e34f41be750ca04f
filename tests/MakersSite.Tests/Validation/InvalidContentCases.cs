namespace MakersSite.Tests.Validation;

/// <summary>One invalid file and the exact diagnostic (file:line:col: kind [field]: message) it must produce.</summary>
public sealed record InvalidCase(string Name, string Path, string Content, string Expected)
{
    public override string ToString() => Name;
}

public static class InvalidContentCases
{
    private const string Company = "content/bedrijven/testfabriek/index.md";

    private static string CompanyWith(string replace, string with) =>
        Infrastructure.Fixtures.Company().Replace(replace, with);

    public static readonly InvalidCase[] All =
    [
        new("empty file", Company, "",
            $"{Company}:1:1: fout: Het bestand is leeg. Een pagina begint met een YAML-kop tussen twee regels '---' met minstens 'title'."),
        new("no front matter", Company, "Alleen tekst.\n",
            $"{Company}:1:1: fout: Het bestand begint niet met een YAML-kop. Zet '---' op de eerste regel, daaronder de velden (zoals 'title: …') en sluit af met een regel '---'."),
        new("unclosed front matter", Company, "---\ntitle: \"X\"\nTekst\n",
            $"{Company}:1:1: fout: De YAML-kop wordt niet afgesloten. Zet een regel met alleen '---' onder het laatste veld, vóór de tekst van de pagina."),
        new("empty front matter", Company, "---\n---\nTekst\n",
            $"{Company}:2:1: fout: De YAML-kop is leeg. Vul minstens 'title' in."),
        new("only an opening fence", Company, "---",
            $"{Company}:1:1: fout: De YAML-kop wordt niet afgesloten. Zet een regel met alleen '---' onder het laatste veld, vóór de tekst van de pagina."),
        new("tab indentation", Company, CompanyWith("  - machinebouw", "\t- machinebouw"),
            $"{Company}:7:1: fout: Deze regel springt in met een tab. Gebruik in de YAML-kop alleen spaties om in te springen."),
        new("unclosed quote", Company, CompanyWith("summary: \"Een testbedrijf.\"", "summary: \"Een testbedrijf."),
            $"{Company}:3:10: fout: Een aanhalingsteken wordt geopend maar niet gesloten. Zet aan het eind van de waarde hetzelfde aanhalingsteken (\" of ')."),
        new("not utf-8", Company, "\u0000latin1",
            ""), // replaced by bytes in the test
        new("missing required", Company, CompanyWith("place: \"Venlo\"\n", ""),
            $"{Company}:2:1: fout [place]: Het verplichte veld 'place' ontbreekt. Voeg een regel 'place: …' toe."),
        new("empty required", Company, CompanyWith("place: \"Venlo\"", "place:"),
            $"{Company}:4:7: fout [place]: Het verplichte veld 'place' is leeg. Vul een waarde in."),
        new("unknown key with suggestion", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nwebsiet: \"https://x.nl\""),
            $"{Company}:5:1: fout [websiet]: Onbekend veld 'websiet'. Bedoelde je 'website'?"),
        new("unknown enum with suggestion", Company, CompanyWith("municipality: venlo", "municipality: Venloo"),
            $"{Company}:5:15: fout [municipality]: 'Venloo' is geen toegestane waarde voor 'municipality'. Bedoelde je 'venlo'? Kies uit (uit content/_data/municipalities.yml): venlo, venray."),
        new("unknown sector", Company, CompanyWith("  - machinebouw", "  - houtbouw"),
            $"{Company}:7:5: fout [sectors[0]]: 'houtbouw' is geen toegestane waarde voor 'sectors'. Kies uit (uit content/_data/sectors.yml): machinebouw, metaal."),
        new("summary too long", Company, CompanyWith("summary: \"Een testbedrijf.\"", "summary: \"" + new string('a', 201) + "\""),
            $"{Company}:3:10: fout [summary]: 'summary' is 201 tekens lang; het maximum is 200. Maak de tekst korter."),
        new("list expected", Company, CompanyWith("sectors:\n  - machinebouw", "sectors: machinebouw"),
            $"{Company}:6:10: fout [sectors]: 'sectors' moet een lijst zijn: zet elk onderdeel op een eigen regel die begint met '- '."),
        new("text expected", Company, CompanyWith("place: \"Venlo\"", "place:\n  - Venlo"),
            $"{Company}:5:3: fout [place]: 'place' moet een tekst zijn, maar hier staat een lijst."),
        new("website not https", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nwebsite: \"http://www.testfabriek.nl/\""),
            $"{Company}:5:10: fout [website]: 'website' moet een veilig webadres zijn dat begint met https://, maar is 'http://www.testfabriek.nl/'."),
        new("website javascript", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nwebsite: \"javascript:alert(1)\""),
            $"{Company}:5:10: fout [website]: 'website' bevat een javascript:-adres. Dat is niet toegestaan omdat het code kan uitvoeren; gebruik een https://-adres."),
        new("video data url", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nvideo: \"data:text/html,<script>alert(1)</script>\""),
            $"{Company}:5:8: fout [video]: 'video' bevat een data:-adres. Dat is niet toegestaan omdat het code kan uitvoeren; gebruik een https://-adres."),
        new("kvk pattern", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nkvk: \"1234\""),
            $"{Company}:5:6: fout [kvk]: '1234' is geen geldige waarde voor 'kvk': gebruik precies 8 cijfers, zoals 12345678."),
        new("invalid date", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nupdated: 2024-02-30"),
            $"{Company}:5:10: fout [updated]: '2024-02-30' is geen bestaande datum. Controleer dag en maand."),
        new("date format", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nupdated: 1 maart 2024"),
            $"{Company}:5:10: fout [updated]: 'updated' moet een datum in de vorm JJJJ-MM-DD, zoals 2024-03-01 zijn, maar hier staat '1 maart 2024'."),
        new("year", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nfounded: negentien"),
            $"{Company}:5:10: fout [founded]: 'founded' moet een jaartal, zoals 1998 zijn, maar hier staat 'negentien'."),
        new("postcode", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\naddress:\n  postcode: \"59 11\""),
            $"{Company}:6:13: fout [address.postcode]: '59 11' is geen geldige waarde voor 'postcode': gebruik vier cijfers en twee hoofdletters, zoals 5911 AB."),
        new("vacancy kind", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nvacancies:\n  - title: \"Monteur\"\n    kind: baan\n    posted: 2024-01-01\n    email: \"werk@testfabriek.nl\""),
            $"{Company}:7:11: fout [vacancies[0].kind]: 'baan' is geen toegestane waarde voor 'kind'. Kies uit: vacature, stage, bbl, afstudeeropdracht, snuffelstage."),
        new("vacancy without url or email", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nvacancies:\n  - title: \"Monteur\"\n    kind: vacature\n    posted: 2024-01-01"),
            $"{Company}:6:5: fout [vacancies[0]]: Vul 'url' of 'email' in, zodat bezoekers weten hoe ze kunnen reageren."),
        new("bad email", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\ncontact:\n  email: \"info.testfabriek.nl\""),
            $"{Company}:6:10: fout [contact.email]: 'info.testfabriek.nl' is geen geldig e-mailadres. Gebruik de vorm naam@voorbeeld.nl."),
        new("broken project ref", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nprojects:\n  - lean-akademy"),
            $"{Company}:6:5: fout [projects[0]]: 'lean-akademy' verwijst naar een project dat niet bestaat: er is geen map content/projecten/lean-akademy/. Bedoelde je 'lean-academy'?"),
        new("missing logo file", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nlogo: logo.png"),
            $"{Company}:5:7: fout [logo]: Het bestand 'logo.png' bestaat niet in de map 'testfabriek'. Controleer de naam (ook hoofdletters) of voeg het bestand toe."),
        new("broken flat ref", "content/projecten/proef/index.md", Infrastructure.Fixtures.Project(flat: "techniekk"),
            "content/projecten/proef/index.md:4:7: fout [flat]: 'techniekk' verwijst naar een flat die niet bestaat: er is geen map content/flats/techniekk/. Bedoelde je 'techniek'?"),
        new("logo outside bundle", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nlogo: ../andere/logo.png"),
            $"{Company}:5:7: fout [logo]: '../andere/logo.png' ligt buiten de map van deze pagina. Zet het bestand in de map 'testfabriek' en schrijf alleen de bestandsnaam."),
        new("logo not an image", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\nlogo: notities.txt"),
            $"{Company}:5:7: fout [logo]: 'notities.txt' is geen afbeelding die de site kan tonen. Gebruik een PNG-, JPEG-, WebP- of GIF-bestand."),
        new("boolean", Company, CompanyWith("place: \"Venlo\"", "place: \"Venlo\"\ndraft: ja"),
            $"{Company}:5:8: fout [draft]: 'draft' moet true of false zijn, maar hier staat 'ja'."),
        new("lessons count", "content/kennisbank/les/index.md", Infrastructure.Fixtures.Lesson().Replace("  - \"Drie.\"\n", ""),
            "content/kennisbank/les/index.md:6:3: fout [lessons]: 'lessons' heeft 2 onderdelen; geef 3 tot 7 korte zinnen."),
        new("topic aspect", "content/rugzak/maken/index.md", Infrastructure.Fixtures.Topic(aspect: "produktie"),
            "content/rugzak/maken/index.md:4:9: fout [aspect]: 'produktie' is geen toegestane waarde voor 'aspect'. Bedoelde je 'productie'? Kies uit (uit content/_data/aspects.yml): productie, logistiek."),
        new("folder name not a slug", "content/bedrijven/Mijn Bedrijf/index.md", Infrastructure.Fixtures.Company(),
            "content/bedrijven/Mijn Bedrijf/index.md: fout: De mapnaam 'Mijn Bedrijf' wordt het webadres van de pagina en mag alleen kleine letters, cijfers en streepjes bevatten, zoals 'mijn-bedrijf'. Geef de map een andere naam."),
        new("page in the wrong place", "content/bedrijven/testfabriek.md", Infrastructure.Fixtures.Company(),
            "content/bedrijven/testfabriek.md: fout: Dit bestand staat niet op een plek waar de site pagina's zoekt. Een pagina heet index.md en staat in een eigen map, zoals content/bedrijven/mijn-bedrijf/index.md."),
        new("missing bundle image in body", Company, Infrastructure.Fixtures.Company(body: "![De hal](hal.jpg)"),
            $"{Company}:10:1: fout: Het bestand 'hal.jpg' bestaat niet in de map van deze pagina. Controleer de naam of voeg het bestand toe."),
    ];
}
