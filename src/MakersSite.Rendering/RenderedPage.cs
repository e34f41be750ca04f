using MakersSite.Content.Model;

namespace MakersSite.Rendering;

/// <summary>One HTML page produced by the render phase, before post-processing.</summary>
/// <param name="Source">The content page it came from, when there is one, for messages that name a file.</param>
public sealed record RenderedPage(string Url, string Html, Page? Source, bool IsRedirect = false);
