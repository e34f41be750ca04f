using System.Buffers;
using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace MakersSite.Output;

/// <summary>
/// One token of a page as the HTML tokenizer gives it: a doctype (<see cref="Text"/> "html" for
/// <c>&lt;!DOCTYPE html&gt;</c>, empty for any other), a start or end tag (<see cref="Text"/> the lower-case name),
/// a run of text or a comment (<see cref="Text"/> the text, character references decoded).
/// </summary>
public readonly record struct PageToken(HtmlTokenType Type, string Text, (string Name, string Value)[] Attributes, bool IsSelfClosing)
{
    public string Name => Text;
    public string Data => Text;
}

/// <summary>
/// Tokenizes a page for post-processing. AngleSharp's tokenizer is a character-by-character state machine that
/// spent about a fifth of the render phase's CPU on pages that are nearly all plain text and simple tags. Pages as the
/// templates and Markdig write them use a small part of HTML's syntax, and <see cref="TryScan"/> reads that part
/// with vectorised searches; the moment it meets anything else (a carriage return, a character reference it would
/// have to guess at, a bogus comment, an unusual attribute) it gives up and <see cref="Tokenize"/> asks AngleSharp.
/// Both give the same tokens for every page the scanner takes (PageTokensTests compares them).
/// </summary>
public static class PageTokens
{
    /// <summary>The page's tokens: from <see cref="TryScan"/> when it takes the page, otherwise from AngleSharp's tokenizer.</summary>
    public static List<PageToken> Tokenize(string html, out bool scanned)
    {
        var tokens = TryScan(html);
        scanned = tokens is not null;
        return tokens ?? WithAngleSharp(html);
    }

    // Elements whose contents the tokenizer must read as text, as the tree builder would tell it.
    internal static HtmlParseMode? TextModeAfter(string name) => name switch
    {
        "script" => HtmlParseMode.Script,
        "style" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
        "title" or "textarea" => HtmlParseMode.RCData,
        _ => null,
    };

    /// <summary>The tokens AngleSharp's tokenizer gives, switched to the text modes the tree builder would switch it to.</summary>
    public static List<PageToken> WithAngleSharp(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var tokens = new List<PageToken>(512);
        while (true)
        {
            var token = tokenizer.Get();
            switch (token)
            {
                case { Type: HtmlTokenType.EndOfFile }:
                    return tokens;
                case HtmlDoctypeToken doctype:
                    var standard = doctype is { Name: "html", IsPublicIdentifierMissing: true, IsSystemIdentifierMissing: true };
                    tokens.Add(new PageToken(HtmlTokenType.Doctype, standard ? "html" : "", [], false));
                    break;
                case HtmlTagToken tag:
                    var attributes = tag.Attributes.Count == 0 ? [] : tag.Attributes.Select(a => (a.Name, a.Value)).ToArray();
                    tokens.Add(new PageToken(tag.Type, tag.Name, attributes, tag.IsSelfClosing));
                    if (tag.Type == HtmlTokenType.StartTag && TextModeAfter(tag.Name) is { } mode) tokenizer.State = mode;
                    break;
                default:
                    tokens.Add(new PageToken(token.Type, token.Data, [], false));
                    break;
            }
        }
    }

    /// <summary>
    /// The page's tokens when it keeps to the syntax the scanner reads (see the class summary), otherwise null.
    /// What it reads, it reads as the HTML standard's tokenizer does, with the text modes the tree builder sets.
    /// </summary>
    public static List<PageToken>? TryScan(string html)
    {
        // A carriage return (normalised away by the input stream), NUL (replaced or dropped) and a byte order mark
        // (skipped) are each handled somewhere other than the tokenizer proper: left to AngleSharp.
        if (html.AsSpan().IndexOfAny('\r', '\0') >= 0 || html.StartsWith('\uFEFF')) return null;
        var tokens = new List<PageToken>(512);
        var text = new StringBuilder();
        var attributes = new List<(string Name, string Value)>(8);
        var at = 0;
        while (at < html.Length)
        {
            // Text up to the next tag; without character references, a plain substring.
            var plain = html.AsSpan(at).IndexOfAny(TextStops);
            if (plain < 0 || html[at + plain] == '<')
            {
                var length = plain < 0 ? html.Length - at : plain;
                if (length > 0) tokens.Add(new PageToken(HtmlTokenType.Character, html.Substring(at, length), [], false));
                at += length;
            }
            else if (!ReadText(html, ref at, html.Length, '<', text)) return null;
            if (text.Length > 0)
            {
                tokens.Add(new PageToken(HtmlTokenType.Character, text.ToString(), [], false));
                text.Clear();
            }
            if (at >= html.Length) break;
            // html[at] == '<'
            var next = at + 1 < html.Length ? html[at + 1] : '\0';
            if (char.IsAsciiLetter(next))
            {
                if (!ReadStartTag(html, ref at, attributes, text, out var token)) return null;
                tokens.Add(token);
                if (TextModeAfter(token.Name) is { } mode && !ReadTextUntilEndTag(html, ref at, token.Name, mode, tokens, text)) return null;
            }
            else if (next == '/')
            {
                if (!ReadEndTag(html, ref at, out var name)) return null;
                tokens.Add(new PageToken(HtmlTokenType.EndTag, name, [], false));
            }
            else if (next == '!' && html.AsSpan(at).StartsWith("<!--"))
            {
                var start = at + 4;
                // "<!-->" and "<!--->" end at once, "--!>" ends a comment too: left to AngleSharp.
                if (html.AsSpan(start).StartsWith(">") || html.AsSpan(start).StartsWith("->")) return null;
                var end = html.IndexOf("-->", start, StringComparison.Ordinal);
                if (end < 0) return null;
                var data = html.Substring(start, end - start);
                if (data.Contains("--!", StringComparison.Ordinal)) return null;
                tokens.Add(new PageToken(HtmlTokenType.Comment, data, [], false));
                at = end + 3;
            }
            else if (next == '!' && IsStandardDoctype(html, at, out var length))
            {
                tokens.Add(new PageToken(HtmlTokenType.Doctype, "html", [], false));
                at += length;
            }
            else return null; // a bogus comment, a lone "<", another doctype
        }
        return tokens;
    }

    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&");
    private static readonly SearchValues<char> NameEnds = SearchValues.Create("\t\n\f />");
    private static readonly SearchValues<char> AttributeNameEnds = SearchValues.Create("\t\n\f />=");
    private static readonly SearchValues<char> UnquotedValueStops = SearchValues.Create("\t\n\f >&\"'<=`");

    /// <summary>Reads text (decoding character references) up to <paramref name="stop"/> or the end; false when a reference is one the scanner leaves to AngleSharp.</summary>
    private static bool ReadText(string html, ref int at, int limit, char stop, StringBuilder into)
    {
        while (at < limit)
        {
            var span = html.AsSpan(at, limit - at);
            var found = stop == '<' ? span.IndexOfAny(TextStops) : span.IndexOfAny(stop, '&');
            if (found < 0)
            {
                into.Append(span);
                at = limit;
                return true;
            }
            into.Append(span[..found]);
            at += found;
            if (html[at] != '&') return true;
            if (!ReadCharacterReference(html, ref at, limit, stop, into)) return false;
        }
        return true;
    }

    /// <summary>
    /// A character reference at <paramref name="at"/> ("&amp;"): a named one spelt out in full with its semicolon,
    /// a numeric one with its semicolon and a plain character, or a lone "&amp;", which is text. Anything else (a
    /// legacy name without semicolon, a name that is none) is decided by prefix matching against the whole table:
    /// left to AngleSharp, as are the corners where AngleSharp parts from the standard.
    /// </summary>
    private static bool ReadCharacterReference(string html, ref int at, int limit, char stop, StringBuilder into)
    {
        var start = at + 1;
        // A lone "&" before white space, a tag, another "&" or the end of the text. (Before other characters
        // AngleSharp does not always keep it as written: "&;" comes out as "&".)
        if (start >= limit || html[start] is ' ' or '\t' or '\n' or '\f' or '<' or '&' || html[start] == stop)
        {
            into.Append('&');
            at = start;
            return true;
        }
        if (!(char.IsAsciiLetterOrDigit(html[start]) || html[start] == '#')) return false;
        var end = html.IndexOf(';', start, limit - start);
        if (end < 0 || end - start > 40) return false;
        var body = html.AsSpan(start, end - start);
        if (body[0] == '#')
        {
            var hex = body.Length > 1 && body[1] is 'x' or 'X';
            var digits = body[(hex ? 2 : 1)..];
            if (digits.Length is 0 or > 6) return false;
            var value = 0;
            foreach (var c in digits)
            {
                var digit = char.IsAsciiDigit(c) ? c - '0' : hex && char.IsAsciiHexDigitLower(c) ? c - 'a' + 10 : hex && char.IsAsciiHexDigitUpper(c) ? c - 'A' + 10 : -1;
                if (digit < 0) return false;
                value = value * (hex ? 16 : 10) + digit;
            }
            // Only plain characters: NUL, surrogates, C1 controls (mapped through windows-1252) and non-characters are
            // replaced or kept by rules left to AngleSharp.
            if (!(value is '\t' or '\n' or (>= 0x20 and <= 0x7E) or (>= 0xA0 and <= 0xD7FF) or (>= 0xE000 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFFD)
                  || value is >= 0x10000 and <= 0x10FFFF && (value & 0xFFFE) != 0xFFFE)) return false;
            if (value < 0x10000) into.Append((char)value);
            else into.Append(char.ConvertFromUtf32(value));
        }
        else
        {
            foreach (var c in body)
                if (!char.IsAsciiLetterOrDigit(c)) return false;
            if (HtmlEntityProvider.Resolver.GetSymbol(string.Concat(body, ";")) is not { } symbol) return false;
            into.Append(symbol);
        }
        at = end + 1;
        return true;
    }

    /// <param name="value">An empty builder to read attribute values into.</param>
    private static bool ReadStartTag(string html, ref int at, List<(string Name, string Value)> attributes, StringBuilder value, out PageToken token)
    {
        token = default;
        var position = at + 1;
        if (!ReadName(html, ref position, NameEnds, out var name)) return false;
        attributes.Clear();
        var selfClosing = false;
        while (true)
        {
            SkipWhiteSpace(html, ref position);
            if (position >= html.Length) return false;
            var c = html[position];
            if (c == '>')
            {
                position++;
                break;
            }
            if (c == '/')
            {
                // "/" not followed by ">" counts as white space between attributes: left to AngleSharp.
                if (position + 1 >= html.Length || html[position + 1] != '>') return false;
                selfClosing = true;
                position += 2;
                break;
            }
            if (c == '=') return false;
            if (!ReadName(html, ref position, AttributeNameEnds, out var attributeName)) return false;
            SkipWhiteSpace(html, ref position);
            var attributeValue = "";
            if (position < html.Length && html[position] == '=')
            {
                position++;
                SkipWhiteSpace(html, ref position);
                if (position >= html.Length) return false;
                var quote = html[position];
                if (quote is '"' or '\'')
                {
                    position++;
                    if (!ReadText(html, ref position, html.Length, quote, value) || position >= html.Length) return false;
                    position++; // the closing quote
                    // Another attribute straight after the quote is a parse error the tokenizer recovers from: left to AngleSharp.
                    if (position < html.Length && html[position] is not ('\t' or '\n' or '\f' or ' ' or '/' or '>')) return false;
                }
                else
                {
                    if (quote == '>') return false; // "a=>": a missing value
                    while (position < html.Length)
                    {
                        var span = html.AsSpan(position);
                        var stop = span.IndexOfAny(UnquotedValueStops);
                        if (stop < 0) return false;
                        value.Append(span[..stop]);
                        position += stop;
                        if (html[position] != '&') break;
                        if (!ReadCharacterReference(html, ref position, html.Length, '>', value)) return false;
                    }
                    if (position >= html.Length || html[position] is '"' or '\'' or '<' or '=' or '`') return false;
                }
                attributeValue = value.ToString();
                value.Clear();
            }
            // A repeated attribute is dropped; the first one counts.
            var repeated = false;
            foreach (var existing in attributes)
                if (existing.Name == attributeName) repeated = true;
            if (!repeated) attributes.Add((attributeName, attributeValue));
        }
        token = new PageToken(HtmlTokenType.StartTag, name, attributes.Count == 0 ? [] : attributes.ToArray(), selfClosing);
        at = position;
        return true;
    }

    private static bool ReadEndTag(string html, ref int at, out string name)
    {
        var position = at + 2;
        name = "";
        if (position >= html.Length || !char.IsAsciiLetter(html[position])) return false;
        if (!ReadName(html, ref position, NameEnds, out name)) return false;
        SkipWhiteSpace(html, ref position);
        // Attributes or a "/" on an end tag are parse errors the tokenizer ignores: left to AngleSharp.
        if (position >= html.Length || html[position] != '>') return false;
        at = position + 1;
        return true;
    }

    /// <summary>
    /// A tag or attribute name up to one of <paramref name="ends"/>: ASCII letters, digits, "-", "_", ":" and "."
    /// only (names with other characters are rare and the standard has rules for some), lower-cased as the tokenizer does.
    /// </summary>
    private static bool ReadName(string html, ref int at, SearchValues<char> ends, out string name)
    {
        name = "";
        var span = html.AsSpan(at);
        var length = span.IndexOfAny(ends);
        if (length <= 0) return false;
        var raw = span[..length];
        var upper = false;
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterUpper(c)) upper = true;
            else if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or ':' or '.')) return false;
        }
        name = upper ? raw.ToString().ToLowerInvariant() : Names.Get(raw);
        at += length;
        return true;
    }

    private static void SkipWhiteSpace(string html, ref int at)
    {
        while (at < html.Length && html[at] is '\t' or '\n' or '\f' or ' ') at++;
    }

    /// <summary>
    /// The contents of a script, style, title and the like, up to their end tag: text as the tree builder has the
    /// tokenizer read it (script and raw text as written, RCDATA with character references decoded).
    /// </summary>
    private static bool ReadTextUntilEndTag(string html, ref int at, string name, HtmlParseMode mode, List<PageToken> tokens, StringBuilder text)
    {
        var search = at;
        int end;
        while (true)
        {
            var close = html.IndexOf("</", search, StringComparison.Ordinal);
            if (close < 0) return false;
            var after = close + 2 + name.Length;
            if (after < html.Length && html.AsSpan(close + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                if (html[after] == '>')
                {
                    end = close;
                    break;
                }
                if (html[after] is '\t' or '\n' or '\f' or ' ' or '/') return false;
            }
            search = close + 2;
        }
        var contents = html.AsSpan(at, end - at);
        // "<!--" in a script starts the escaped states, with their own idea of where the script ends.
        if (mode == HtmlParseMode.Script && contents.Contains("<!--", StringComparison.Ordinal)) return false;
        if (mode == HtmlParseMode.Script)
        {
            if (contents.Length > 0) tokens.Add(new PageToken(HtmlTokenType.Character, contents.ToString(), [], false));
        }
        else
        {
            // RCDATA and raw text come as one token per "<" (AngleSharp's less-than-sign states end the run there);
            // RCDATA decodes character references, raw text does not.
            var position = at;
            while (true)
            {
                if (mode == HtmlParseMode.RCData)
                {
                    if (!ReadText(html, ref position, end, '<', text)) return false;
                }
                else
                {
                    var lessThan = html.AsSpan(position, end - position).IndexOf('<');
                    var stop = lessThan < 0 ? end : position + lessThan;
                    text.Append(html.AsSpan(position, stop - position));
                    position = stop;
                }
                if (text.Length > 0) tokens.Add(new PageToken(HtmlTokenType.Character, text.ToString(), [], false));
                text.Clear();
                if (position >= end) break;
                // AngleSharp lower-cases the letters of an end tag that does not end the element ("</B" comes out as
                // "</b"), where the standard keeps them as written: left to AngleSharp.
                if (position + 1 < end && html[position + 1] == '/')
                {
                    for (var letter = position + 2; letter < end && char.IsAsciiLetter(html[letter]); letter++)
                        if (char.IsAsciiLetterUpper(html[letter])) return false;
                }
                text.Append('<');
                position++;
            }
        }
        tokens.Add(new PageToken(HtmlTokenType.EndTag, name, [], false));
        at = end + 2 + name.Length + 1;
        return true;
    }

    /// <summary>"&lt;!DOCTYPE html&gt;" in any letter case, with any white space inside.</summary>
    private static bool IsStandardDoctype(string html, int at, out int length)
    {
        length = 0;
        var span = html.AsSpan(at);
        if (!span.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)) return false;
        var position = 9;
        var white = position;
        while (position < span.Length && span[position] is '\t' or '\n' or '\f' or ' ') position++;
        if (position == white || !span[position..].StartsWith("html", StringComparison.OrdinalIgnoreCase)) return false;
        position += 4;
        while (position < span.Length && span[position] is '\t' or '\n' or '\f' or ' ') position++;
        if (position >= span.Length || span[position] != '>') return false;
        length = position + 1;
        return true;
    }

    /// <summary>The same string for the same tag or attribute name, so a page's thousands of tags do not each allocate their names.</summary>
    private static class Names
    {
        [ThreadStatic] private static Dictionary<string, string>? _known;
        [ThreadStatic] private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public static string Get(ReadOnlySpan<char> name)
        {
            if (_known is null)
            {
                _known = new Dictionary<string, string>(StringComparer.Ordinal);
                _lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
            }
            if (_lookup.TryGetValue(name, out var known)) return known;
            var text = name.ToString();
            if (_known.Count < 4096) _known[text] = text;
            return text;
        }
    }
}
