namespace MakersSite.Build;

/// <param name="Root">The site directory holding content/ and themes/.</param>
/// <param name="Output">Where the site is written; defaults to Root/public.</param>
/// <param name="BaseUrl">Overrides baseUrl from content/site.yml (for previews and forks).</param>
/// <param name="IncludeDrafts">Publish pages marked draft: true.</param>
/// <param name="WriteOutput">False for check: run every phase, write nothing.</param>
public sealed record BuildOptions(
    string Root,
    string? Output = null,
    string? BaseUrl = null,
    bool IncludeDrafts = false,
    bool WriteOutput = true)
{
    public string OutputDirectory => Path.GetFullPath(Output ?? Path.Combine(Root, "public"));
}
