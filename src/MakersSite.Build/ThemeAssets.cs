using MakersSite.Content.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace MakersSite.Build;

/// <summary>
/// The files a theme takes from its npm packages (themes/NAME/theme.yml, "assets"), as output path → source file.
/// Missing files mean the packages were not installed, which the message says how to fix. A 'from' may name many
/// files: "dir/*.js" (the files of one folder that match) or "dir/**" (every file below it); 'to' is then a folder
/// ending in '/', and each file keeps its path below 'dir'.
/// </summary>
public static class ThemeAssets
{
    public static IReadOnlyList<(string Output, string Source)> Read(string themeDirectory, string themeName, DiagnosticBag diagnostics)
    {
        var manifest = Path.Combine(themeDirectory, "theme.yml");
        var file = $"themes/{themeName}/theme.yml";
        if (!File.Exists(manifest)) return [];
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(manifest);
            yaml.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            diagnostics.Error(file, (int)e.Start.Line, (int)e.Start.Column, null, $"theme.yml is geen geldige YAML: {e.Message}");
            return [];
        }
        var result = new List<(string, string)>();
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root) return result;
        if (!root.Children.TryGetValue("assets", out var assets) || assets is not YamlSequenceNode list) return result;
        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            string? Scalar(string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;
            var from = Scalar("from");
            var to = Scalar("to");
            var line = (int)item.Start.Line;
            if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to) || to.Contains("..") || from.Contains(".."))
            {
                diagnostics.Error(file, line, (int)item.Start.Column, "assets", "Elk onderdeel van 'assets' heeft een 'from' en een 'to' binnen het thema nodig.");
                continue;
            }
            if (from.Contains('*'))
            {
                var files = Matching(themeDirectory, from);
                if (!to.EndsWith('/') || files.Count == 0)
                {
                    diagnostics.Error(file, line, (int)item.Start.Column, "assets", !to.EndsWith('/')
                        ? $"'to' van {from} moet een map zijn die eindigt op '/'."
                        : $"Er zijn geen bestanden die passen bij {from}. Installeer de pakketten van het thema: voer 'npm ci' uit in themes/{themeName} " +
                          "(dotnet build doet dat vanzelf).");
                    continue;
                }
                foreach (var (relative, path) in files) result.Add((to + relative, path));
                continue;
            }
            var source = Path.Combine(themeDirectory, from);
            if (!File.Exists(source))
            {
                diagnostics.Error(file, line, (int)item.Start.Column, "assets",
                    $"Het bestand {from} ontbreekt. Installeer de pakketten van het thema: voer 'npm ci' uit in themes/{themeName} " +
                    "(dotnet build doet dat vanzelf).");
                continue;
            }
            result.Add((to!, source));
        }
        return result;
    }

    /// <summary>The files a pattern names, by their path below the pattern's folder, in ordinal order.</summary>
    private static List<(string Relative, string Path)> Matching(string themeDirectory, string from)
    {
        var slash = from.LastIndexOf('/');
        var folder = Path.Combine(themeDirectory, slash < 0 ? "" : from[..slash]);
        var pattern = from[(slash + 1)..];
        if (!Directory.Exists(folder) || pattern.Contains('/')) return [];
        var files = pattern == "**"
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            : Directory.GetFiles(folder, pattern, SearchOption.TopDirectoryOnly);
        return files.Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), f))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
    }
}
