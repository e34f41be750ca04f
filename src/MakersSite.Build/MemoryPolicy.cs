namespace MakersSite.Build;

/// <summary>
/// How memory is handled around a build's stages. Whoever owns the process decides (the command line: see
/// ProcessMemoryPolicy there), so the builder never steers the garbage collector itself. This default does nothing,
/// which suits a host with work of its own (serve, tests).
/// </summary>
public class MemoryPolicy
{
    public static readonly MemoryPolicy None = new();

    /// <summary>A quick rebuild that allocates about <paramref name="budget"/> bytes is starting.</summary>
    /// <returns>True when collections are paused for it; <see cref="ResumeCollections"/> or <see cref="BuildEnded"/> follows.</returns>
    public virtual bool PauseCollections(long budget) => false;

    /// <summary>The build goes on past what the pause was for (the quick rebuild declined).</summary>
    public virtual void ResumeCollections() { }

    /// <summary>The build that paused collections is over.</summary>
    public virtual void BuildEnded() => ResumeCollections();

    /// <summary>Rendering is over and its heap is garbage; the search index, the other memory-hungry stage, comes next.</summary>
    public virtual void BetweenRenderAndIndex() { }
}
