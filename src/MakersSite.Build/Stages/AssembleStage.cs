using MakersSite.Build.Changes;
using MakersSite.Content.Assembly;
using MakersSite.Rendering;

namespace MakersSite.Build.Stages;

/// <summary>Assemble: the site graph (sections, lists, taxonomies, links between pages), the theme and its templates.</summary>
internal static class AssembleStage
{
    public static bool Run(BuildContext c)
    {
        var content = c.Content!;
        if (c.Options.BaseUrl is not null) c.Content = content = content with { Site = content.Site with { BaseUrl = c.Options.BaseUrl } };
        c.Graph = new SiteGraph(content, c.Options.IncludeDrafts, c.Today);
        if (c.Partial) FullBuildNeeded.Unless(c.Graph.Pages.Count(c.Changes.Edited.Contains) == c.Changes.Edited.Count, Decline.Draft);

        var theme = content.Site.Theme;
        c.ThemeDirectory = Path.Combine(c.Root, "themes", theme);
        if (!Directory.Exists(c.ThemeDirectory))
        {
            c.Diagnostics.Error("content/site.yml", 0, 0, "theme", $"Het thema '{theme}' bestaat niet: de map themes/{theme}/ ontbreekt.");
            return false;
        }
        // A quick rebuild copies no files: the theme's were all in place and unchanged (the snapshot's inputs say so).
        if (!c.Partial) c.ThemeAssets = Build.ThemeAssets.Read(c.ThemeDirectory, theme, c.Diagnostics);
        c.Icons = ThemeIcons.Read(Path.Combine(c.Root, "static"), Path.Combine(c.ThemeDirectory, "static"));
        c.Templates = new TemplateEngine([Path.Combine(c.Root, "layouts"), Path.Combine(c.ThemeDirectory, "layouts")]);
        return !c.Diagnostics.HasErrors;
    }
}
