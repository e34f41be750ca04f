using MakersSite.Content.Loading;
using MakersSite.Content.Model;

namespace MakersSite.Build.Caching;

/// <summary>
/// Loaded pages in the build cache, so a build reads, parses and validates only the page bundles that changed. The
/// loader's key names every file it read (path, size, modification time) and the vocabularies; the generator's stamp
/// is added, since a new version of makers-site may load a page differently.
/// </summary>
/// <param name="readBack">False for `build --full`: every source is read again (a file edited with its size and time
/// kept would otherwise go unseen), and what it loads is stored for the builds after it.</param>
public sealed class CachedSources(BuildCache cache, bool readBack = true) : ILoadedPageStore
{
    public Page? Read(string key) => readBack && cache.ReadSource(PackKey(key)) is { } bytes ? LoadedPageCodec.Decode(bytes) : null;

    public void Write(string key, Page page)
    {
        if (LoadedPageCodec.Encode(page) is { } bytes) cache.WriteSource(PackKey(key), bytes);
    }

    public void Keep(string key) => cache.KeepSource(PackKey(key));

    private static string PackKey(string key) => BuildCache.Hash(BuildCache.GeneratorStamp + "\n" + key);
}
