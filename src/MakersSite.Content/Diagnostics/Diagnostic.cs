namespace MakersSite.Content.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>One problem found in the content, located in a file so a member can fix it.</summary>
/// <param name="File">Path relative to the site root, with forward slashes.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Field">Dotted front-matter path such as <c>vacancies[0].kind</c>, or null.</param>
/// <param name="Message">Dutch text telling what is wrong and how to fix it.</param>
public sealed record Diagnostic(Severity Severity, string File, int Line, int Column, string? Field, string Message)
{
    public bool IsError => Severity == Severity.Error;
}

/// <summary>Collects diagnostics from every phase so that a run reports all problems together.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate) _items.Add(diagnostic);
    }

    public void Error(string file, int line, int column, string? field, string message) =>
        Add(new Diagnostic(Severity.Error, file, line, column, field, message));

    public void Warning(string file, int line, int column, string? field, string message) =>
        Add(new Diagnostic(Severity.Warning, file, line, column, field, message));

    public bool HasErrors
    {
        get { lock (_gate) return _items.Any(d => d.IsError); }
    }

    /// <summary>
    /// Diagnostics in a stable order (file, line, column, message) whatever order they were found in; a problem two
    /// checks found (a linked file is both a page's file and a file of content/) is listed once.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_gate)
        {
            return _items.Distinct()
                .OrderBy(d => d.File, StringComparer.Ordinal)
                .ThenBy(d => d.Line).ThenBy(d => d.Column)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
        }
    }
}
