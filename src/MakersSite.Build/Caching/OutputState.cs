namespace MakersSite.Build.Caching;

/// <summary>Where the manifest of an output folder is kept: in the cache, one file per output folder.</summary>
internal static class OutputManifest
{
    public static string PathFor(string root, string outputDirectory)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(outputDirectory))))[..16];
        return Path.Combine(root, ".cache", "build", $"output-{key}.tsv");
    }
}

/// <summary>Stamps of folders and files as they are now, for the snapshot and the change detector.</summary>
internal static class OutputFolders
{
    /// <summary>
    /// The stamps of the same paths as they are now. On one core: a stamp is one system call, and spread over the
    /// thread pool, which the quick rebuild's other work keeps busy, it was slower.
    /// </summary>
    public static List<FileStamp> StampsNow(string root, IReadOnlyList<FileStamp> stamps)
    {
        var now = new List<FileStamp>(stamps.Count);
        foreach (var stamp in stamps) now.Add(SiteSnapshot.Stamp(root, stamp.Path));
        return now;
    }

    /// <summary>The output's folder and every folder holding one of its files, relative, sorted.</summary>
    public static List<FileStamp> Of(IEnumerable<string> files)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal) { "" };
        foreach (var file in files)
            for (var slash = file.LastIndexOf('/'); slash > 0 && folders.Add(file[..slash]); slash = file.LastIndexOf('/', slash - 1)) { }
        return folders.Select(f => new FileStamp(f, -1, 0)).ToList();
    }
}
