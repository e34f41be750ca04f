using MakersSite.Content.Model;

namespace MakersSite.Rendering;

/// <summary>
/// One page the site publishes, before it is rendered: its address, the content page behind it (for messages that
/// name a file), and either how to build its layout and model, or the address an old alias redirects to.
/// </summary>
public sealed record PageJob(string Url, Page? Source, Func<(string Layout, Dictionary<string, object?> Model)>? Model, string? RedirectTo = null)
{
    public bool IsRedirect => RedirectTo is not null;

    /// <summary>
    /// The page whose search document this job's text is: its source, when the job is that page itself. A vacancy's
    /// page belongs to its company but is no document of its own (the company gives one per vacancy).
    /// </summary>
    public Page? Indexes => Source is { } source && !IsRedirect && Url == source.Url ? source : null;
}
