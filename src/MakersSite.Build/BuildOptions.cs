namespace MakersSite.Build;

/// <param name="Root">The site directory holding content/ and themes/.</param>
/// <param name="Output">Where the site is written; defaults to Root/public.</param>
/// <param name="BaseUrl">Overrides baseUrl from content/site.yml (for previews and forks).</param>
/// <param name="IncludeDrafts">Publish pages marked draft: true.</param>
/// <param name="Today">The date that decides which vacancies have expired; see <see cref="BuildDate.Default"/>.</param>
public sealed record BuildOptions(
    string Root,
    string? Output = null,
    string? BaseUrl = null,
    bool IncludeDrafts = false,
    DateOnly? Today = null)
{
    /// <summary>What the build is for: writing the site, checking it, or serving a preview.</summary>
    public BuildMode Mode { get; init; } = BuildMode.Build;

    /// <summary>How much of earlier builds this one may reuse.</summary>
    public Reuse Reuse { get; init; } = Reuse.Everything;

    /// <summary>What serve keeps between its builds and wants to hear during one; required in <see cref="BuildMode.Serve"/>.</summary>
    public ServeState? Serve { get; init; }

    /// <summary>How memory is handled between stages; the command line, which owns its process, hands in its own.</summary>
    public MemoryPolicy Memory { get; init; } = MemoryPolicy.None;

    public string OutputDirectory => Path.GetFullPath(Output ?? Path.Combine(Root, "public"));
}

public enum BuildMode
{
    /// <summary>Every stage, and the output written.</summary>
    Build,

    /// <summary>Every stage, nothing written: share images and pictures are named, not drawn.</summary>
    Check,

    /// <summary>A build for serve: pages in memory between builds, the open pages first (see <see cref="ServeState"/>).</summary>
    Serve,
}

public enum Reuse
{
    /// <summary>The build cache, and a quick rebuild when only a few pages' texts changed.</summary>
    Everything,

    /// <summary>The build cache, always through the full build (tests of the full build's own reuse).</summary>
    Cache,

    /// <summary>The build cache for what it saves after loading, with every source read and checked again (the command line's --full).</summary>
    CacheAfterReading,

    /// <summary>Nothing: everything made anew (comparisons with a clean build).</summary>
    Nothing,
}

/// <summary>Today's date as the build sees it.</summary>
public static class BuildDate
{
    /// <summary>
    /// Today's date in the Netherlands, or the date of SOURCE_DATE_EPOCH when set: the reproducible-builds
    /// convention, so a rebuild of an old commit gives the same public/ byte for byte.
    /// </summary>
    public static DateOnly Default()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        var instant = long.TryParse(epoch, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, amsterdam).DateTime);
    }
}
