using MakersSite.Content.Diagnostics;

namespace MakersSite.Build;

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PageCount, int FileCount)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
