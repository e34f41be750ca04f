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

        // Lines are found by their starts rather than split out: a page is read whole at every build, and splitting
        // its body into lines only to join them again copied every page twice.
        var firstEnd = LineEnd(text, 0);
        if (!IsFence(text, 0, firstEnd))
        {
            diagnostics.Error(file, 1, 1, null,
                "Het bestand begint niet met een YAML-kop. Zet '---' op de eerste regel, daaronder de velden " +
                "(zoals 'title: …') en sluit af met een regel '---'.");
            return null;
        }

        var closing = -1; // the line number (from 0) of the closing fence
        int closingStart = -1, closingEnd = -1;
        // The lines after the first (when there are any) up to the closing fence or the end of the file.
        for (int line = 1, start = firstEnd + 1, end = firstEnd; end < text.Length; line++, start = end + 1)
        {
            end = LineEnd(text, start);
            if (IsFence(text, start, end))
            {
                (closing, closingStart, closingEnd) = (line, start, end);
                break;
            }
        }
        if (closing < 0)
        {
            diagnostics.Error(file, 1, 1, null,
                "De YAML-kop wordt niet afgesloten. Zet een regel met alleen '---' onder het laatste veld, " +
                "vóór de tekst van de pagina.");
            return null;
        }

        // The YAML starts on file line 2; YamlDotNet counts from 1, so file line = yaml line + 1.
        const int lineOffset = 1;
        var yaml = closing == 1 ? "" : text[(firstEnd + 1)..(closingStart - 1)];
        var yamlLine = 0;
        foreach (var range in yaml.AsSpan().Split('\n'))
        {
            var line = yaml.AsSpan()[range];
            var indent = line.Length - line.TrimStart(" \t").Length;
            var tab = line.IndexOf('\t');
            if (tab >= 0 && tab < indent + 1 && !line.IsWhiteSpace())
            {
                diagnostics.Error(file, yamlLine + 1 + lineOffset, tab + 1, null,
                    "Deze regel springt in met een tab. Gebruik in de YAML-kop alleen spaties om in te springen.");
                return null;
            }
            yamlLine++;
        }

        var body = closingEnd == text.Length ? "" : text[(closingEnd + 1)..];
        var bodyLine = closing + 2;

        if (string.IsNullOrWhiteSpace(yaml))
        {
            diagnostics.Error(file, 2, 1, null, "De YAML-kop is leeg. Vul minstens 'title' in.");
            return null;
        }

        if (Parse(yaml, file, lineOffset, diagnostics) is not { } stream) return null;

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            diagnostics.Error(file, 2, 1, null,
                "De YAML-kop moet uit regels 'veld: waarde' bestaan, zoals 'title: Mijn bedrijf'.");
            return null;
        }

        return new FrontMatterDocument(mapping, body, bodyLine);
    }

    /// <summary>The deepest nesting of lists and groups a page may have; the content model needs three.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Parses YAML into nodes, or reports why not. The events are read first, without building nodes: YamlDotNet
    /// builds nested nodes recursively, so 50,000 '[' would overflow the stack, and some malformed input (an unclosed
    /// '[') surfaces as an exception other than YamlException; both get a Dutch message with a position here.
    /// </summary>
    /// <param name="lineOffset">What to add to YamlDotNet's line numbers to get the file's.</param>
    public static YamlStream? Parse(string yaml, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
                if (parser.Current is YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart && ++depth > MaxDepth)
                {
                    diagnostics.Error(file, (int)parser.Current.Start.Line + lineOffset, (int)parser.Current.Start.Column, null,
                        $"Hier staan meer dan {MaxDepth} lijsten of groepen in elkaar. Zo diep gaat geen veld van de site; " +
                        "controleer de haken [ ] en { } en de inspringing.");
                    return null;
                }
                if (parser.Current is YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd) depth--;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream;
        }
        catch (YamlException e) when (!IsUnclosedFlow(e))
        {
            diagnostics.Error(file, (int)e.Start.Line + lineOffset, (int)e.Start.Column, null, DescribeYamlError(e));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
            var (line, column) = UnclosedBracket(yaml, last) ?? ((int)last.Line, (int)last.Column);
            diagnostics.Error(file, line + lineOffset, column, null,
                "De YAML-kop kan hier niet gelezen worden: een lijst [ … ] of groep { … } wordt geopend maar niet gesloten. " +
                "Zet de sluitende haak erachter, of schrijf elk onderdeel op een eigen regel die begint met '- '.");
        }
        return null;
    }

    private static bool IsUnclosedFlow(YamlException e) =>
        e.Message.Contains("flow sequence", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("flow mapping", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the last '[' or '{' that is still open stands (1-based line and column), outside quotes.</summary>
    private static (int Line, int Column)? UnclosedBracket(string yaml, Mark end)
    {
        var open = new Stack<(int Line, int Column)>();
        var (line, column, quote) = (1, 0, '\0');
        foreach (var c in yaml)
        {
            column++;
            if (c == '\n') (line, column) = (line + 1, 0);
            else if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c is '[' or '{') open.Push((line, column));
            else if (c is ']' or '}' && open.Count > 0) open.Pop();
            if (line > end.Line) break;
        }
        return open.Count > 0 ? open.Peek() : null;
    }

    /// <summary>Where the line starting at <paramref name="start"/> ends: its '\n', or the end of the text.</summary>
    private static int LineEnd(string text, int start)
    {
        var newline = text.IndexOf('\n', start);
        return newline < 0 ? text.Length : newline;
    }

    // A line of just "---", trailing white space allowed (as TrimEnd allowed it).
    private static bool IsFence(string text, int start, int end) => text.AsSpan(start, end - start).TrimEnd().SequenceEqual(Fence);

    private static string DescribeYamlError(YamlException e)
    {
        var english = (e.InnerException?.Message ?? e.Message).ToLowerInvariant();
        if (english.Contains("escape") || english.Contains("surrogate"))
            return "Hier staat een \\-code die YAML niet kent (zoals \\uD800). Schrijf het teken zelf, of zet de waarde tussen " +
                   "enkele aanhalingstekens (') zodat de \\ gewoon een teken is.";
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
