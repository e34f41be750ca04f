using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Parlot;
using static Parlot.Fluent.Parsers;

namespace MakersSite.Rendering;

/// <summary>A template that could not be found or parsed, or failed while rendering.</summary>
public sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Liquid templates (Fluid) looked up first in the site's own layouts/ and then in the theme's, so a site
/// overrides any theme template by placing a file with the same name. Every value a template prints is
/// HTML-escaped unless it is <see cref="RawHtml"/>: content is untrusted, and escaping by default means a theme
/// author cannot forget it. One engine renders one build, from any number of threads.
/// </summary>
public sealed class TemplateEngine
{
    private readonly IReadOnlyList<string> _layoutDirectories;
    // Building Fluid's grammar takes a tenth of a second: once per process, and only when a template is parsed at
    // all (a build whose pages all come from the cache parses none). The include_cached tag finds its engine in the
    // context, so one parser serves every engine.
    private static readonly Lazy<FluidParser> Parser = new(() =>
    {
        var parser = new FluidParser();
        // {% include_cached 'partials/card' p.url card_heading %}: a string, then the variables the output depends on.
        var variable = Terms.Pattern(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.');
        parser.RegisterParserTag("include_cached", Terms.String().And(ZeroOrMany(variable)),
            (tag, output, encoder, context) => ((TemplateEngine)context.AmbientValues[EngineKey]).IncludeCached(tag, output, encoder, context));
        return parser;
    });

    /// <summary>
    /// Builds Fluid's grammar and runs a small template through parsing and rendering, so a process that renders
    /// only a page or two (a quick rebuild) has that done on another core while it reads what it needs.
    /// </summary>
    public static void WarmUp()
    {
        var engine = new TemplateEngine([]);
        if (!Parser.Value.TryParse("{% if a %}{% for x in list %}<a href=\"{{ x.url }}\">{{ x.title | escape }}</a>{% endfor %}{% else %}{{ a | default: 'x' }}{% endif %}{% assign b = list | size %}{{ b }}", out var template, out _)) return;
        var context = new TemplateContext(engine._options);
        context.SetValue("a", true);
        context.SetValue("list", new List<object?> { new Dictionary<string, object?> { ["url"] = "/", ["title"] = "<x>" } });
        template.Render(context, HtmlEscaper.Instance);
    }

    private const string EngineKey = "makers-site.engine";
    private readonly TemplateOptions _options;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _paths = new(StringComparer.Ordinal);
    // Output of {% include_cached %} by partial and key.
    private readonly ConcurrentDictionary<string, string> _fragments = new(StringComparer.Ordinal);

    public TemplateEngine(IReadOnlyList<string> layoutDirectories)
    {
        _layoutDirectories = layoutDirectories;
        _options = new TemplateOptions
        {
            // {% include 'partials/card' %} resolves through the same override chain as the layouts.
            FileProvider = new LayoutFiles(this),
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
            ModelNamesComparer = StringComparer.Ordinal,
            StrictFilters = true,
        };
        _options.ValueConverters.Add(value => value is RawHtml raw ? new StringValue(raw.Html, encode: false) : null);
        TemplateFilters.Register(_options.Filters);
    }

    /// <summary>The first of the names that exists, in the site's layouts or the theme's.</summary>
    public string Resolve(params string[] names) =>
        names.FirstOrDefault(n => FindFile(n) is not null)
        ?? throw new TemplateException($"Geen template gevonden; gezocht naar: {string.Join(", ", names.Select(n => n + ".liquid"))}.");

    public string Render(string name, IDictionary<string, object?> model)
    {
        var template = Load(name);
        var context = new TemplateContext(_options);
        context.AmbientValues[EngineKey] = this;
        foreach (var (key, value) in model) context.SetValue(key, value);
        try
        {
            return template.Render(context, HtmlEscaper.Instance);
        }
        catch (Exception e) when (e is not TemplateException)
        {
            throw new TemplateException($"Template '{name}.liquid' kon niet worden uitgevoerd: {e.Message}", e);
        }
    }

    private IFluidTemplate Load(string name) => _cache.GetOrAdd(name, n =>
    {
        var path = FindFile(n) ?? throw new TemplateException($"Template '{n}.liquid' bestaat niet.");
        if (!Parser.Value.TryParse(File.ReadAllText(path), out var template, out var error))
            throw new TemplateException($"Template '{Path.GetFileName(path)}' bevat een fout: {error}");
        return template;
    });

    private string? FindFile(string name) => _paths.GetOrAdd(name, n =>
        _layoutDirectories.Select(d => Path.Combine(d, n + ".liquid")).FirstOrDefault(File.Exists));

    /// <summary>
    /// Renders the partial like <c>include</c>, but once per distinct value of the listed variables in a build, and
    /// reuses that output everywhere else (as Hugo's partialCached). A card appears on its section's list, on every
    /// term page of its sectors and municipality and on related pages; rendering it once instead of at every
    /// appearance is most of the render phase on a big site. The variables must name everything the partial reads
    /// that differs between the places it is used.
    /// </summary>
    private async ValueTask<Completion> IncludeCached(ValueTuple<TextSpan, IReadOnlyList<TextSpan>> tag, TextWriter output, TextEncoder encoder, TemplateContext context)
    {
        var partialName = tag.Item1.ToString();
        var parts = new List<string>(tag.Item2.Count + 1) { partialName };
        foreach (var variable in tag.Item2) parts.Add((await Resolve(context, variable.ToString())).ToStringValue());
        // \u001F cannot occur in a template name or a URL, so distinct keys never join into the same string.
        var key = string.Join('\u001F', parts);
        if (!_fragments.TryGetValue(key, out var html))
        {
            var partial = Load(partialName);
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            context.EnterChildScope();
            try
            {
                await partial.RenderAsync(writer, encoder, context);
            }
            finally
            {
                context.ReleaseScope();
            }
            html = _fragments.GetOrAdd(key, writer.ToString());
        }
        await output.WriteAsync(html);
        return Completion.Normal;
    }

    /// <summary>The value of a dotted variable such as <c>p.url</c>.</summary>
    private static async ValueTask<FluidValue> Resolve(TemplateContext context, string path)
    {
        var names = path.Split('.');
        var value = context.GetValue(names[0]);
        foreach (var member in names.Skip(1)) value = await value.GetValueAsync(member, context);
        return value;
    }

    /// <summary>Layout files for Fluid's include, looked up like <see cref="Resolve"/>.</summary>
    private sealed class LayoutFiles(TemplateEngine engine) : IFileProvider
    {
        // Fluid asks at every include of every page, and a file's date and size took a system call each time;
        // the parsed templates are kept for the build anyway, so the files are looked at once per build too.
        private readonly ConcurrentDictionary<string, IFileInfo> _files = new(StringComparer.Ordinal);

        public IFileInfo GetFileInfo(string subpath) => _files.GetOrAdd(subpath, p =>
        {
            var name = p.Replace('\\', '/').TrimStart('/');
            if (name.EndsWith(".liquid", StringComparison.Ordinal)) name = name[..^".liquid".Length];
            return engine.FindFile(name) is { } path ? new LayoutFile(new FileInfo(path)) : new NotFoundFileInfo(p);
        });

        public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

        public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
    }

    private sealed class LayoutFile(FileInfo file) : IFileInfo
    {
        public bool Exists => true;
        public long Length { get; } = file.Length;
        public string PhysicalPath => file.FullName;
        public string Name => file.Name;
        public DateTimeOffset LastModified { get; } = file.LastWriteTimeUtc;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => file.OpenRead();
    }
}
