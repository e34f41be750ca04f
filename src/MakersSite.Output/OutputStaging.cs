using System.Runtime.InteropServices;
using System.Text;

namespace MakersSite.Output;

/// <summary>
/// The folder beside the output where a build writes every file it changes, so that nothing of an unfinished build
/// is ever in the output, and the journal that makes the step from there into the output complete itself: written
/// before the first file is moved and removed after the last, it lets the next build finish a commit that a kill
/// broke off (roll forward), as a database's write-ahead log does.
/// </summary>
public sealed class OutputStaging
{
    private const string JournalName = "journal";
    private const string EarlyName = "early";

    /// <summary>The output folder the staging belongs to.</summary>
    public string Target { get; }

    /// <summary>The staging folder: beside the output, or inside it when the output is a file system of its own (a mount).</summary>
    public string Folder { get; }

    /// <summary>Where the staged files are, at the paths they will have in the output.</summary>
    public string Files => Path.Combine(Folder, "files");

    /// <summary>Where the files that early publishing replaced are kept until the commit (serve's open pages).</summary>
    public string Backups => Path.Combine(Folder, "backups");

    /// <summary>Whether the staging folder is inside the output, which the output's clean-up must then leave alone.</summary>
    public bool IsInsideTarget { get; }

    public OutputStaging(string target)
    {
        Target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(Target)!;
        var beside = Path.Combine(parent, $".{Path.GetFileName(Target)}.makers-site-staging");
        // A rename works within one file system only: an output that is a mount of its own keeps its staging inside.
        IsInsideTarget = Directory.Exists(Target) && Device(Target) != Device(parent);
        Folder = IsInsideTarget ? Path.Combine(Target, ".makers-site-staging") : beside;
    }

    /// <summary>
    /// Brings the output to a whole state after an interrupted build: a commit that had begun is finished from its
    /// journal; otherwise pages published early are put back and the staged files dropped, leaving the output as it was.
    /// </summary>
    /// <returns>Whether there was anything to repair.</returns>
    public bool Recover()
    {
        if (!Directory.Exists(Folder)) return false;
        var journal = Path.Combine(Folder, JournalName);
        if (File.Exists(journal)) Apply(Journal.Read(journal));
        else RollBackEarly();
        Directory.Delete(Folder, recursive: true);
        return true;
    }

    /// <summary>An empty staging folder for a new build (whatever an interrupted one left is repaired first).</summary>
    public void Begin()
    {
        Recover();
        Directory.CreateDirectory(Files);
    }

    /// <summary>Records the journal and then carries it out; a kill in between is finished by <see cref="Recover"/>.</summary>
    public void Commit(Journal journal)
    {
        var path = Path.Combine(Folder, JournalName);
        File.WriteAllText(path + ".tmp", journal.Text());
        File.Move(path + ".tmp", path, overwrite: true);
        Apply(journal);
        File.Delete(path);
    }

    /// <summary>Notes, before it happens, that a file goes into the output ahead of the commit, so it can be undone.</summary>
    public void NoteEarly(string relative, bool replacesAFile)
    {
        File.AppendAllText(Path.Combine(Folder, EarlyName), $"{(replacesAFile ? 'R' : 'N')}\t{relative}\n");
    }

    /// <summary>Undoes early publishing: a replaced file comes back from the backups, a new one goes.</summary>
    public void RollBackEarly()
    {
        var early = Path.Combine(Folder, EarlyName);
        if (!File.Exists(early)) return;
        var lines = File.ReadAllLines(early);
        foreach (var line in lines.Reverse())
        {
            if (line.Length < 3) continue; // a line cut short by a kill: its move had not begun
            var relative = line[2..];
            var backup = Path.Combine(Backups, relative);
            if (line[0] == 'R' && File.Exists(backup)) File.Move(backup, Path.Combine(Target, relative), overwrite: true);
            else if (line[0] == 'N') DeleteIfThere(Path.Combine(Target, relative));
        }
        File.Delete(early);
        foreach (var relative in lines.Where(l => l.Length >= 3 && l[0] == 'N').Select(l => l[2..])) PruneFolders(Path.GetDirectoryName(Path.Combine(Target, relative)));
    }

    /// <summary>Carries out a journal; every step may already have been done by a commit that was broken off.</summary>
    private void Apply(Journal journal)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in journal.Moves)
        {
            var staged = Path.Combine(Files, relative);
            if (!File.Exists(staged)) continue; // moved before the kill
            var path = Path.Combine(Target, relative);
            var folder = Path.GetDirectoryName(path)!;
            if (known.Add(folder)) Directory.CreateDirectory(folder);
            File.Move(staged, path, overwrite: true);
        }
        foreach (var relative in journal.Deletions) DeleteIfThere(Path.Combine(Target, relative));
        // The deepest first, so a parent emptied by its children's removal follows.
        foreach (var folder in journal.Folders.OrderByDescending(f => f.Length))
        {
            var path = Path.Combine(Target, folder);
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any()) Directory.Delete(path);
        }
        var manifest = Path.Combine(Folder, "manifest");
        if (!File.Exists(manifest)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(journal.ManifestPath)!);
        File.Move(manifest, journal.ManifestPath, overwrite: true);
    }

    /// <summary>A commit broken off may have removed the file, and its folder, already.</summary>
    private static void DeleteIfThere(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    private void PruneFolders(string? folder)
    {
        for (; folder is not null && folder.Length > Target.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
            Directory.Delete(folder);
    }

    /// <summary>Where the manifest of the output is staged until the commit moves it into place.</summary>
    public string StagedManifest => Path.Combine(Folder, "manifest");

    private static ulong Device(string path)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        return statx(-100, ref bytes[0], 0, 0, out var status) == 0 ? ((ulong)status.DeviceMajor << 32) | status.DeviceMinor : 0;
    }

    /// <summary>The device fields of struct statx (stx_dev_major and stx_dev_minor), which every call fills.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Status
    {
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int statx(int folder, ref byte path, int flags, uint mask, out Status status);

    /// <summary>What a commit does: files moved from the staging into the output, files removed, folders emptied.</summary>
    /// <param name="ManifestPath">Where the staged manifest goes once the output is as it describes.</param>
    public sealed record Journal(string ManifestPath, IReadOnlyList<string> Moves, IReadOnlyList<string> Deletions, IReadOnlyList<string> Folders)
    {
        /// <summary>One line per step; paths never hold a line break (the loader refuses such names).</summary>
        public string Text()
        {
            var text = new StringBuilder().Append(ManifestPath).Append('\n');
            foreach (var m in Moves) text.Append("M\t").Append(m).Append('\n');
            foreach (var d in Deletions) text.Append("D\t").Append(d).Append('\n');
            foreach (var f in Folders) text.Append("F\t").Append(f).Append('\n');
            return text.Append("end\n").ToString();
        }

        public static Journal Read(string path)
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length == 0 || lines[^1] != "end") throw new InvalidDataException($"{path} is incomplete."); // written whole, then renamed
            List<string> Of(char step) => lines.Skip(1).Where(l => l.Length > 2 && l[0] == step).Select(l => l[2..]).ToList();
            return new Journal(lines[0], Of('M'), Of('D'), Of('F'));
        }
    }
}
