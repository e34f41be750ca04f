using MakersSite.Build;

namespace MakersSite.Cli;

/// <summary>
/// The command line owns its process, so it may steer the collector for the one build it runs: no collections during
/// a quick rebuild (collections there only copy what stays live to the end), and one compacting collection between
/// rendering and the search index so the two stages' peaks do not add up. Figures: tests/benchmarks/report.md.
/// </summary>
/// <param name="processEndsWithBuild">Leave a paused collector paused at the end: ending the pause collects the
/// whole heap, which nothing needs when the process exits right after.</param>
public sealed class ProcessMemoryPolicy(bool processEndsWithBuild) : MemoryPolicy
{
    public override bool PauseCollections(long budget)
    {
        try
        {
            return GC.TryStartNoGCRegion(budget);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return false; // another build of this process holds a region: it collects as usual
        }
    }

    public override void ResumeCollections()
    {
        // Allocating past the budget ended the region with a collection already.
        if (System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
        }
    }

    public override void BuildEnded()
    {
        if (!processEndsWithBuild) ResumeCollections();
    }

    public override void BetweenRenderAndIndex() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
