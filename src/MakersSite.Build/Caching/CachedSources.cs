using MakersSite.Content.Loading;
using MakersSite.Content.Model;

namespace MakersSite.Build.Caching;

/// <summary>
/// Loaded pages in the build cache, so a build reads, parses and validates only the page bundles that changed. The
/// loader's key names every file it read (path, size, modification time) and the vocabularies; the generator's stamp
/// is added, since a new version of makers-site may load a page differently.
/// </summary>
public sealed class CachedSources(BuildCache cache) : ILoadedPageStore
{
    public Page? Read(string key) => cache.ReadSource(PackKey(key)) is { } bytes ? LoadedPageCodec.Decode(bytes) : null;

    public void Write(string key, Page page)
    {
        if (LoadedPageCodec.Encode(page) is { } bytes) cache.WriteSource(PackKey(key), bytes);
    }

    public void Keep(string key) => cache.KeepSource(PackKey(key));

    private static string PackKey(string key) => BuildCache.Hash(BuildCache.GeneratorStamp + "\n" + key);
}
