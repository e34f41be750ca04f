using System.Text.RegularExpressions;
using DotLiquid;

namespace MakersSite.Rendering;

/// <summary>
/// <c>{% include_cached 'partials/card' p.url card_heading %}</c>: renders the partial like <c>include</c>, but once
/// per distinct value of the listed variables in a build, and reuses that output everywhere else (as Hugo's
/// partialCached). A card appears on its section's list, on every term page of its sectors and municipality and
/// on related pages; rendering it once instead of at every appearance is most of the render phase on a big site.
/// The variables must name everything the partial reads that differs between the places it is used.
/// </summary>
public sealed partial class IncludeCachedTag : Tag
{
    private string _templateName = "";
    private string[] _keyVariables = [];

    [GeneratedRegex("""^\s*(?<name>'[^']+'|"[^"]+")(?<keys>(\s+[\w.\[\]'"-]+)*)\s*$""")]
    private static partial Regex Syntax();

    public override void Initialize(string tagName, string markup, List<string> tokens)
    {
        var match = Syntax().Match(markup);
        if (!match.Success)
            throw new TemplateException($"Fout in de tag 'include_cached': gebruik {{% include_cached 'partials/naam' variabele … %}}, niet '{markup.Trim()}'.");
        _templateName = match.Groups["name"].Value.Trim('\'', '"');
        _keyVariables = match.Groups["keys"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        base.Initialize(tagName, markup, tokens);
    }

    public override void Render(Context context, TextWriter result)
    {
        var engine = TemplateEngine.Current;
        // \u001F cannot occur in a template name or a URL, so distinct keys never join into the same string.
        var key = _templateName + "\u001F" + string.Join("\u001F", _keyVariables.Select(v => Convert.ToString(context[v], System.Globalization.CultureInfo.InvariantCulture)));
        result.Write(engine.Fragment(key, () =>
        {
            var partial = engine.Partial(_templateName);
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            context.Stack(() => partial.Render(writer, RenderParameters.FromContext(context, writer.FormatProvider)));
            return writer.ToString();
        }));
    }
}
