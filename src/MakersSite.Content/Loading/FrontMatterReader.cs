using MakersSite.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MakersSite.Content.Loading;

/// <summary>A page file split into its YAML front matter (parsed, with positions) and its Markdown body.</summary>
public sealed record FrontMatterDocument(YamlMappingNode FrontMatter, string Body, int BodyLine);

/// <summary>
/// Splits "---\nYAML\n---\nMarkdown" and parses the YAML with positions. Every failure becomes one Dutch
/// diagnostic with a line, never an exception: members see what to fix, not a stack trace.
/// </summary>
public static class FrontMatterReader
{
    private const string Fence = "---";

    public static FrontMatterDocument? Read(string text, string file, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(file, 1, 1, null,
                "Het bestand is leeg. Een pagina begint met een YAML-kop tussen twee regels '---' met minstens 'title'.");
            return null;
        }

        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != Fence)
        {
            diagnostics.Error(file, 1, 1, null,
                "Het bestand begint niet met een YAML-kop. Zet '---' op de eerste regel, daaronder de velden " +
                "(zoals 'title: …') en sluit af met een regel '---'.");
            return null;
        }

        var closing = Array.FindIndex(lines, 1, l => l.TrimEnd() == Fence);
        if (closing < 0)
        {
            diagnostics.Error(file, 1, 1, null,
                "De YAML-kop wordt niet afgesloten. Zet een regel met alleen '---' onder het laatste veld, " +
                "vóór de tekst van de pagina.");
            return null;
        }

        // The YAML starts on file line 2; YamlDotNet counts from 1, so file line = yaml line + 1.
        const int lineOffset = 1;
        var yamlLines = lines[1..closing];
        for (var i = 0; i < yamlLines.Length; i++)
        {
            var indent = yamlLines[i].Length - yamlLines[i].TrimStart(' ', '\t').Length;
            var tab = yamlLines[i].IndexOf('\t');
            if (tab >= 0 && tab < indent + 1 && yamlLines[i].Trim().Length > 0)
            {
                diagnostics.Error(file, i + 1 + lineOffset, tab + 1, null,
                    "Deze regel springt in met een tab. Gebruik in de YAML-kop alleen spaties om in te springen.");
                return null;
            }
        }

        var yaml = string.Join('\n', yamlLines);
        var body = string.Join('\n', lines[(closing + 1)..]);
        var bodyLine = closing + 2;

        if (string.IsNullOrWhiteSpace(yaml))
        {
            diagnostics.Error(file, 2, 1, null, "De YAML-kop is leeg. Vul minstens 'title' in.");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + lineOffset;
            var column = (int)e.Start.Column;
            diagnostics.Error(file, line, column, null, DescribeYamlError(e));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            diagnostics.Error(file, 2, 1, null,
                "De YAML-kop moet uit regels 'veld: waarde' bestaan, zoals 'title: Mijn bedrijf'.");
            return null;
        }

        return new FrontMatterDocument(mapping, body, bodyLine);
    }

    private static string DescribeYamlError(YamlException e)
    {
        var english = (e.InnerException?.Message ?? e.Message).ToLowerInvariant();
        if (english.Contains("quoted scalar"))
            return "Een aanhalingsteken wordt geopend maar niet gesloten. Zet aan het eind van de waarde hetzelfde " +
                   "aanhalingsteken (\" of ').";
        if (english.Contains("duplicate key"))
            return "Een veld staat twee keer in de YAML-kop. Houd één van de twee over.";
        if (english.Contains("mapping values are not allowed"))
            return "Hier staat een dubbele punt die YAML niet verwacht. Zet een waarde met een dubbele punt " +
                   "tussen aanhalingstekens, zoals title: \"Project: deel 2\".";
        if (english.Contains("block mapping") || english.Contains("indentation") || english.Contains("block sequence"))
            return "De inspringing klopt niet. Velden op hetzelfde niveau beginnen in dezelfde kolom; " +
                   "onderdelen van een groep of lijst springen met spaties in.";
        return "De YAML-kop kan hier niet gelezen worden. Controleer dubbele punten, aanhalingstekens en inspringing.";
    }
}
