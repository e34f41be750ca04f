using System.Collections.Concurrent;
using DotLiquid;
using DotLiquid.FileSystems;

namespace MakersSite.Rendering;

/// <summary>A template that could not be found or parsed, or failed while rendering.</summary>
public sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Liquid templates (DotLiquid) looked up first in the site's own layouts/ and then in the theme's,
/// so a site overrides any theme template by placing a file with the same name.
/// Every value a template prints is HTML-escaped unless it is <see cref="RawHtml"/>: content is untrusted,
/// and escaping by default means a theme author cannot forget it.
/// </summary>
public sealed class TemplateEngine : ITemplateFileSystem
{
    private readonly IReadOnlyList<string> _layoutDirectories;
    private readonly ConcurrentDictionary<string, Template> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _paths = new(StringComparer.Ordinal);

    static TemplateEngine()
    {
        Template.FileSystem = new CurrentEngineFileSystem();
        // Registered globally: DotLiquid ignores RenderParameters.Filters on templates made thread-safe.
        Template.RegisterFilter(typeof(TemplateFilters));
        Template.RegisterTag<IncludeCachedTag>("include_cached");
        Template.RegisterSafeType(typeof(RawHtml), value => value);
        Template.RegisterValueTypeTransformer(typeof(string), value => Html.Escape((string)value));
        Template.RegisterValueTypeTransformer(typeof(RawHtml), value => ((RawHtml)value).Html);
    }

    // DotLiquid resolves {% include %} through one static file system. It forwards to the engine rendering on
    // the current thread, so each site (and each test running in parallel) resolves its own layouts.
    [ThreadStatic] private static TemplateEngine? _rendering;

    internal static TemplateEngine Current => _rendering ?? throw new TemplateException("Geen template-engine actief.");

    // Output of {% include_cached %} by partial and key: one engine renders one build.
    private readonly ConcurrentDictionary<string, string> _fragments = new(StringComparer.Ordinal);

    internal string Fragment(string key, Func<string> render) => _fragments.TryGetValue(key, out var html) ? html : _fragments.GetOrAdd(key, render());

    internal Template Partial(string name) => Load(name);

    private sealed class CurrentEngineFileSystem : ITemplateFileSystem
    {
        public string ReadTemplateFile(Context context, string templateName) => ((IFileSystem)Current).ReadTemplateFile(context, templateName);
        public Template GetTemplate(Context context, string templateName) => ((ITemplateFileSystem)Current).GetTemplate(context, templateName);
    }

    public TemplateEngine(IReadOnlyList<string> layoutDirectories) => _layoutDirectories = layoutDirectories;

    /// <summary>The first of the names that exists, in the site's layouts or the theme's.</summary>
    public string Resolve(params string[] names) =>
        names.FirstOrDefault(n => FindFile(n) is not null)
        ?? throw new TemplateException($"Geen template gevonden; gezocht naar: {string.Join(", ", names.Select(n => n + ".liquid"))}.");

    public string Render(string name, IDictionary<string, object?> model)
    {
        var template = Load(name);
        var parameters = new RenderParameters(System.Globalization.CultureInfo.InvariantCulture)
        {
            LocalVariables = Hash.FromDictionary(model!),
            ErrorsOutputMode = ErrorsOutputMode.Rethrow,
        };
        var outer = _rendering;
        _rendering = this;
        try
        {
            return template.Render(parameters);
        }
        catch (Exception e) when (e is not TemplateException)
        {
            throw new TemplateException($"Template '{name}.liquid' kon niet worden uitgevoerd: {e.Message}", e);
        }
        finally
        {
            _rendering = outer;
        }
    }

    private Template Load(string name) => _cache.GetOrAdd(name, n =>
    {
        var path = FindFile(n) ?? throw new TemplateException($"Template '{n}.liquid' bestaat niet.");
        try
        {
            var template = Template.Parse(File.ReadAllText(path));
            template.MakeThreadSafe();
            return template;
        }
        catch (Exception e)
        {
            throw new TemplateException($"Template '{Path.GetFileName(path)}' bevat een fout: {e.Message}", e);
        }
    });

    private string? FindFile(string name) => _paths.GetOrAdd(name, n =>
        _layoutDirectories.Select(d => Path.Combine(d, n + ".liquid")).FirstOrDefault(File.Exists));

    // {% include 'partials/card' %} resolves through the same override chain, and reuses the parsed partial:
    // a card is included once per list item, so reading and parsing it each time would dominate rendering.
    Template ITemplateFileSystem.GetTemplate(Context context, string templateName) => Load(templateName.Trim('\'', '"'));

    string IFileSystem.ReadTemplateFile(Context context, string templateName)
    {
        var name = templateName.Trim('\'', '"');
        var path = FindFile(name) ?? throw new TemplateException($"Partial '{name}.liquid' bestaat niet.");
        return File.ReadAllText(path);
    }
}
