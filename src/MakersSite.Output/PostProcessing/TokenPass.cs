using System.Text;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;

namespace MakersSite.Output;

/// <summary>
/// Post-processing from a page's tokens (<see cref="PageTokens"/>) instead of a whole DOM: a DOM node costs
/// microseconds, while what the steps change is local (attributes of a tag, a link inside a heading). For a page
/// the <see cref="NestingCheck"/> accepts, what comes out is what serialising the tree would write, byte for byte
/// (PostProcessorTests and PostProcessingEquivalenceTests do both ways and compare).
/// </summary>
internal static class TokenPass
{
    /// <summary>The finished page, or null when it must go the tree way (nothing was edited then).</summary>
    public static string? Run(List<PageToken> tokens, PageTransform[] steps, int capacity)
    {
        if (!Read(tokens, steps, out var htmlStart, out var headStart)) return null;
        foreach (var step in steps) step.Read();
        return Write(tokens, steps, htmlStart, headStart, capacity);
    }

    /// <summary>Checks the nesting and feeds every step the page; false as soon as the page needs the tree.</summary>
    private static bool Read(List<PageToken> tokens, PageTransform[] steps, out int htmlStart, out int headStart)
    {
        htmlStart = headStart = -1;
        var shape = new NestingCheck();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Type)
            {
                case HtmlTokenType.Doctype when !shape.Doctype(token):
                case HtmlTokenType.Comment when !shape.Comment():
                    return false;
                case HtmlTokenType.Character:
                    var after = i > 0 && tokens[i - 1].Type == HtmlTokenType.StartTag ? tokens[i - 1].Name : null;
                    if (!shape.Text(token.Data, after)) return false;
                    if (!shape.InContent) break;
                    foreach (var step in steps) step.Text(token.Data, shape.Depth);
                    break;
                case HtmlTokenType.StartTag:
                    if (!shape.Start(token, out var element)) return false;
                    if (token.Name == "html") htmlStart = i;
                    if (token.Name == "head") headStart = i;
                    foreach (var step in steps)
                        if (step.NeedsTree(element)) return false;
                    foreach (var step in steps) step.Start(element);
                    break;
                case HtmlTokenType.EndTag:
                    if (!shape.End(token.Name, out var ordinal, out var depth)) return false;
                    foreach (var step in steps) step.End(ordinal, token.Name, depth);
                    break;
            }
        }
        return shape.Complete();
    }

    /// <summary>Writes the page with the steps' edits, as the tree's serialisation would.</summary>
    private static string Write(List<PageToken> tokens, PageTransform[] steps, int htmlStart, int headStart, int capacity)
    {
        var output = new StringBuilder(capacity);
        output.Append("<!DOCTYPE html>\n");
        var rawText = false;
        var attributes = new List<(string Name, string Value)>(8);
        var open = new Stack<int>(32);
        var ordinal = -1;
        for (var i = htmlStart; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Type)
            {
                case HtmlTokenType.Comment:
                    output.Append("<!--").Append(token.Data).Append("-->");
                    break;
                case HtmlTokenType.Character:
                    // Where the tree has it: none before the head; after the body, inside it (the end tags follow at the end).
                    if (i < headStart) break;
                    if (rawText) output.Append(token.Data);
                    else Html.AppendEscaped(output, token.Data, attribute: false);
                    break;
                case HtmlTokenType.StartTag:
                    attributes.Clear();
                    attributes.AddRange(token.Attributes);
                    ordinal++;
                    foreach (var step in steps) step.EditAttributes(ordinal, token.Name, attributes);
                    WriteStartTag(output, token.Name, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(attributes));
                    if (!Html.IsVoid(token.Name)) open.Push(ordinal);
                    rawText = PageTokens.TextModeAfter(token.Name) is HtmlParseMode.Script or HtmlParseMode.Rawtext; // written unescaped
                    break;
                case HtmlTokenType.EndTag:
                    var closed = open.Pop();
                    if (token.Name is "body" or "html") break;
                    foreach (var step in steps)
                    {
                        if (step.AppendTo(closed) is not { } child) continue;
                        WriteStartTag(output, child.Name, child.Attributes);
                        Html.AppendEscaped(output, child.Text, attribute: false);
                        output.Append("</").Append(child.Name).Append('>');
                    }
                    output.Append("</").Append(token.Name).Append('>');
                    rawText = false;
                    break;
            }
        }
        output.Append("</body></html>\n");
        return output.ToString();
    }

    private static void WriteStartTag(StringBuilder output, string name, ReadOnlySpan<(string Name, string Value)> attributes)
    {
        output.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            output.Append(' ').Append(attribute).Append("=\"");
            Html.AppendEscaped(output, value, attribute: true);
            output.Append('"');
        }
        output.Append('>');
    }
}
