namespace MakersSite.Rendering;

/// <summary>
/// The site's icons: SVG files in static/img/icons/ of the site (which win) and of the theme, by name. Pages link to
/// them and share images draw them. An aspect or flat a member adds without an icon of its own shows its section's.
/// </summary>
public sealed class ThemeIcons(IReadOnlyDictionary<string, string> files)
{
    public const string Folder = "img/icons";

    public static readonly ThemeIcons None = new(new Dictionary<string, string>());

    /// <param name="staticDirectories">The site's static/ first, then the theme's.</param>
    public static ThemeIcons Read(params string[] staticDirectories)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in staticDirectories)
        {
            var folder = Path.Combine(directory, Folder);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.svg"))
                files.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        }
        return new ThemeIcons(files);
    }

    /// <summary>The name itself when there is an icon of that name, else the fallback's, else null.</summary>
    public string? Name(string? name, string fallback) =>
        name is not null && files.ContainsKey(name) ? name : files.ContainsKey(fallback) ? fallback : null;

    public string? Url(string? name, string fallback) => Name(name, fallback) is { } found ? $"/{Folder}/{found}.svg" : null;

    public string? File(string? name, string fallback) => Name(name, fallback) is { } found ? files[found] : null;
}
