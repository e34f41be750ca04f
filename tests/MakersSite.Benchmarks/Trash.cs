namespace MakersSite.Benchmarks;

/// <summary>
/// Where the benchmark puts what a measurement must not find (old output, old sites): moved aside, emptied only
/// when all measuring is done. On this kind of machine (ext4 without a journal) creating files is several times
/// slower for minutes after tens of thousands were deleted (the kernel skips recently freed inodes one by one), so
/// deleting the previous run's output right before a run would time that cleanup rather than the tool. Every tool's
/// runs are prepared this way.
/// </summary>
public static class Trash
{
    private static string? _folder;

    /// <summary>Set once, on the same file system as everything that is moved into it.</summary>
    public static void UseFolder(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public static void Move(string path)
    {
        if (!Directory.Exists(path)) return;
        if (_folder is null)
        {
            Directory.Delete(path, recursive: true);
            return;
        }
        Directory.Move(path, Path.Combine(_folder, Guid.NewGuid().ToString("N")));
    }

    public static void Empty()
    {
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
