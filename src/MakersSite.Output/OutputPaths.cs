namespace MakersSite.Output;

public static class OutputPaths
{
    /// <summary>"/bedrijven/x/" → "bedrijven/x/index.html"; "/404.html" → "404.html".</summary>
    public static string FileForUrl(string url)
    {
        var path = url.TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }

    /// <summary>A root-relative URL written relative to the page at <paramref name="fromUrl"/>, so the site also works from disk.</summary>
    public static string Relative(string fromUrl, string targetUrl)
    {
        var fromDirectory = fromUrl[..(fromUrl.LastIndexOf('/') + 1)];
        var fromParts = fromDirectory.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var targetParts = targetUrl.TrimStart('/').Split('/');
        var common = 0;
        while (common < fromParts.Length && common < targetParts.Length - 1 && fromParts[common] == targetParts[common]) common++;
        var up = string.Concat(Enumerable.Repeat("../", fromParts.Length - common));
        var rest = string.Join('/', targetParts[common..]);
        var relative = up + rest;
        return relative.Length == 0 ? "./" : relative;
    }
}
