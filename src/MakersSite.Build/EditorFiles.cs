using MakersSite.Content.Model;
using MakersSite.Content.Schema;

namespace MakersSite.Build;

/// <summary>What the form editor at /beheer/ reads besides its theme files: its configuration, generated from the content model.</summary>
internal static class EditorFiles
{
    public static IEnumerable<(string Path, string Text)> All(LoadedContent content)
    {
        yield return (EditorConfigExport.ConfigFile, EditorConfigExport.Text(EditorConfigExport.For(content)));
    }
}
