using MakersSite.Content.Model;

namespace MakersSite.Rendering;

/// <summary>
/// One page the site publishes, before it is rendered: its address, the content page behind it (for messages that
/// name a file), and either how to build its layout and model, or the address an old alias redirects to.
/// </summary>
public sealed record PageJob(string Url, Page? Source, Func<(string Layout, Dictionary<string, object?> Model)>? Model, string? RedirectTo = null)
{
    public bool IsRedirect => RedirectTo is not null;
}
