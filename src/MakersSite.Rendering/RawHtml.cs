namespace MakersSite.Rendering;

/// <summary>HTML the generator produced itself (rendered Markdown, JSON-LD); templates print it unescaped.</summary>
public sealed record RawHtml(string Html);
