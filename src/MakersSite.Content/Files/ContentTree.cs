using System.IO.Enumeration;

namespace MakersSite.Content.Files;

/// <summary>
/// The files of a folder tree, listed without following symbolic links: a link in content/ could point at any file
/// of the build machine (/etc/passwd, /proc/self/environ) or at an endless one, and git stores links, so a pull
/// request can carry them. Links are returned apart, for the loader to report; their targets are never read.
/// </summary>
public sealed record ContentTree(IReadOnlyList<string> Files, IReadOnlyList<string> Links)
{
    /// <summary>Every file and link below <paramref name="folder"/>, as full paths in ordinal order.</summary>
    public static ContentTree Walk(string folder)
    {
        var files = new List<string>();
        var links = new List<string>();
        if (FileStatus.Kind(folder) == FileKind.Link)
        {
            links.Add(folder);
            return new ContentTree(files, links);
        }
        if (!Directory.Exists(folder)) return new ContentTree(files, links);
        var entries = new FileSystemEnumerable<(string Path, bool IsLink, bool IsDirectory)>(folder,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), (entry.Attributes & FileAttributes.ReparsePoint) != 0, entry.IsDirectory),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !IsEditorTemporary(entry.FileName)
                && (!entry.IsDirectory || (entry.Attributes & FileAttributes.ReparsePoint) != 0),
        };
        foreach (var (path, isLink, _) in entries) (isLink ? links : files).Add(path);
        files.Sort(StringComparer.Ordinal);
        links.Sort(StringComparer.Ordinal);
        return new ContentTree(files, links);
    }

    /// <summary>
    /// Swap, lock and backup files that editors keep beside what is being edited (vim's .x.swp, emacs's .#x and x~):
    /// they come and go while a member edits, so they are neither pages nor published, nor an error.
    /// </summary>
    public static bool IsEditorTemporary(ReadOnlySpan<char> name) =>
        name.EndsWith("~") || name.StartsWith(".#")
        || (name.StartsWith(".") && (name.EndsWith(".swp") || name.EndsWith(".swx") || name.EndsWith(".swo")));
}
