using System.Runtime.InteropServices;

namespace MakersSite.Content.Files;

/// <summary>What is at a path, as the file system says without following a symbolic link.</summary>
public enum FileKind { Missing, File, Folder, Link, Other }

/// <summary>
/// A path's kind, size and modification time asked of the system directly where it can (Linux's statx): .NET's
/// own API follows symbolic links and calls a FIFO or a device a normal file, and content must be told apart from
/// both. Elsewhere, or should statx be missing, FileSystemInfo answers (a FIFO then counts as a file).
/// </summary>
public static class FileStatus
{
    private static bool _native = OperatingSystem.IsLinux();

    /// <summary>The kind of what is at the path; a symbolic link is a link, whatever it points at.</summary>
    public static FileKind Kind(string path) => TryGet(path, followLinks: false, out var kind, out _, out _) ? kind : FileKind.Missing;

    /// <summary>
    /// The kind of <paramref name="relative"/> below <paramref name="folder"/>, where a link on the way counts as
    /// a link: a file "in" a linked folder is a file anywhere.
    /// </summary>
    public static FileKind KindBelow(string folder, string relative)
    {
        var path = folder;
        var kind = FileKind.Folder;
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = Path.Combine(path, part);
            kind = Kind(path);
            if (kind is FileKind.Link or FileKind.Missing) return kind;
        }
        return kind;
    }

    /// <summary>False when nothing is at the path (with <paramref name="followLinks"/>: also a link to nothing).</summary>
    /// <param name="size">The size in bytes; -1 for a folder.</param>
    /// <param name="ticks">The modification time in UTC ticks.</param>
    public static bool TryGet(string path, bool followLinks, out FileKind kind, out long size, out long ticks)
    {
        if (_native)
        {
            try
            {
                // The path as NUL-terminated UTF-8 in a buffer of this thread's, not a string marshalled anew per call.
                var longest = System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
                var buffer = _path is { } known && known.Length >= longest ? known : _path = new byte[Math.Max(longest, 1024)];
                buffer[System.Text.Encoding.UTF8.GetBytes(path, buffer)] = 0;
                if (statx(AtCurrentFolder, ref buffer[0], followLinks ? 0 : NoFollow, Wanted, out var status) != 0)
                {
                    (kind, size, ticks) = (FileKind.Missing, 0, 0);
                    return false;
                }
                kind = (status.Mode & TypeMask) switch
                {
                    RegularType => FileKind.File,
                    FolderType => FileKind.Folder,
                    LinkType => FileKind.Link,
                    _ => FileKind.Other,
                };
                size = kind == FileKind.Folder ? -1 : (long)status.Size;
                ticks = DateTime.UnixEpoch.Ticks + status.ModifiedSeconds * TimeSpan.TicksPerSecond + status.ModifiedNanoseconds / 100;
                return true;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                _native = false;
            }
        }
        return TryGetManaged(path, followLinks, out kind, out size, out ticks);
    }

    private static bool TryGetManaged(string path, bool followLinks, out FileKind kind, out long size, out long ticks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            (kind, size, ticks) = (FileKind.Missing, 0, 0);
            return false;
        }
        if (info.LinkTarget is not null && !followLinks)
        {
            (kind, size, ticks) = (FileKind.Link, 0, info.LastWriteTimeUtc.Ticks);
            return true;
        }
        if (info.LinkTarget is not null) info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        if (info is FileInfo { Exists: false } && Directory.Exists(info.FullName)) info = new DirectoryInfo(info.FullName);
        if (!info.Exists)
        {
            (kind, size, ticks) = (FileKind.Missing, 0, 0);
            return false;
        }
        (kind, size, ticks) = info is FileInfo file ? (FileKind.File, file.Length, file.LastWriteTimeUtc.Ticks) : (FileKind.Folder, -1L, info.LastWriteTimeUtc.Ticks);
        return true;
    }

    private const int AtCurrentFolder = -100;
    private const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint Wanted = 0x1 | 0x2 | 0x40 | 0x200; // STATX_TYPE | STATX_MODE | STATX_MTIME | STATX_SIZE
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int FolderType = 0x4000;
    private const int LinkType = 0xA000;

    /// <summary>The parts of struct statx used here (its layout is the same on every Linux architecture).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Status
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long ModifiedSeconds;
        [FieldOffset(120)] public uint ModifiedNanoseconds;
    }

    [ThreadStatic] private static byte[]? _path;

    [DllImport("libc", SetLastError = false)]
    private static extern int statx(int folder, ref byte path, int flags, uint mask, out Status status);
}
