namespace MakersSite.Content.Model;

public enum PageKind { Home, Plain, SectionList, Company, Project, Lesson, Topic, Flat }

/// <summary>A reference from one page's front matter to another page, kept with its position for messages.</summary>
public sealed record PageRef(string Section, string Slug, string Field, int Line, int Column);

/// <summary>The line and column of a front-matter value in its file.</summary>
public readonly record struct FieldPosition(int Line, int Column);

/// <summary>A loaded, schema-validated page. Field values are plain CLR values (string, long, bool, DateOnly, lists, groups).</summary>
public sealed class Page
{
    public required string SourceFile { get; init; }
    public required string BundleDirectory { get; init; }
    public required PageKind Kind { get; init; }
    /// <summary>The section folder (bedrijven, projecten, …), or null for the home page and plain pages.</summary>
    public required string? Section { get; init; }
    public required string Slug { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyDictionary<string, object?> Fields { get; init; }
    /// <summary>
    /// The Markdown body as HTML, rendered at load. Kept as UTF-8: a site's bodies are most of what stays in memory
    /// through a build, and half the size that way.
    /// </summary>
    public required string BodyHtml
    {
        get => System.Text.Encoding.UTF8.GetString(_body);
        init => _body = System.Text.Encoding.UTF8.GetBytes(value);
    }
    private readonly byte[] _body = [];
    /// <summary>The body HTML as its UTF-8 bytes (the build cache keeps and restores them as they are).</summary>
    internal byte[] BodyUtf8
    {
        get => _body;
        init => _body = value;
    }
    /// <summary>File line on which the Markdown body starts, to turn body positions into file positions.</summary>
    public required int BodyLine { get; init; }
    public required IReadOnlyList<PageRef> References { get; init; }
    /// <summary>Position of every front-matter value by dotted path (<c>vacancies[0].validThrough</c>).</summary>
    public required IReadOnlyDictionary<string, FieldPosition> FieldPositions { get; init; }
    /// <summary>Links written in the body, found once at load, so later phases can name their lines.</summary>
    public required IReadOnlyList<Loading.BodyLink> BodyLinks { get; init; }
    /// <summary>Files beside index.md (logo, photos), as names relative to the bundle, sorted ordinally.</summary>
    public required IReadOnlyList<string> BundleFiles { get; init; }

    public string Title => (string)Fields["title"]!;
    public string? Summary => Fields.GetValueOrDefault("summary") as string;
    public bool Draft => Fields.GetValueOrDefault("draft") is true;
    public long Weight => Fields.GetValueOrDefault("weight") as long? ?? 0;
    public IReadOnlyList<string> Aliases =>
        (Fields.GetValueOrDefault("aliases") as IEnumerable<object?>)?.OfType<string>().ToList() ?? [];
}
