using MakersSite.Build.Caching;

namespace MakersSite.Build;

/// <summary>Switches only tests and comparisons turn on; internal, so no user sees them among the options.</summary>
internal sealed record BuildTestSwitches
{
    public static readonly BuildTestSwitches None = new();

    /// <summary>Post-process every page through a whole DOM, as pages the tokens cannot take are (the two ways must give the same site).</summary>
    public bool PostProcessWithTree { get; init; }

    /// <summary>Return the search index and its texts in <see cref="BuildResult.Search"/> (conformance tests); no snapshot is kept then.</summary>
    public bool KeepSearchIndex { get; init; }

    /// <summary>The build cache to use instead of opening .cache/build/ anew (a test's own lock patience).</summary>
    public BuildCache? Cache { get; init; }
}
