using MakersSite.Content.Files;

namespace MakersSite.Output;

/// <summary>
/// A file's size and modification time with symbolic links followed, asked of the system directly
/// (<see cref="FileStatus"/>): a quick rebuild at 10,000 pages asks for some 60,000 of them.
/// </summary>
public static class FileStamps
{
    /// <summary>False when nothing is at the path.</summary>
    /// <param name="size">The size in bytes; -1 for a folder.</param>
    public static bool TryGet(string path, out long size, out long ticks) =>
        FileStatus.TryGet(path, followLinks: true, out _, out size, out ticks);
}
