using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakersSite.Content.Diagnostics;

public enum DiagnosticFormat { Text, GitHub, Json }

/// <summary>Renders diagnostics for a terminal, for GitHub workflow annotations, or as JSON for tools.</summary>
public static class DiagnosticFormatter
{
    public static string Format(IEnumerable<Diagnostic> diagnostics, DiagnosticFormat format) => format switch
    {
        DiagnosticFormat.GitHub => string.Concat(diagnostics.Select(d => GitHub(d) + "\n")),
        DiagnosticFormat.Json => Json(diagnostics),
        _ => string.Concat(diagnostics.Select(d => Text(d) + "\n")),
    };

    public static string Text(Diagnostic d)
    {
        var where = d.Line > 0 ? $"{d.File}:{d.Line}:{d.Column}" : d.File;
        var kind = d.IsError ? "fout" : "waarschuwing";
        var field = d.Field is null ? "" : $" [{d.Field}]";
        return $"{where}: {kind}{field}: {d.Message}";
    }

    // https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
    public static string GitHub(Diagnostic d)
    {
        var sb = new StringBuilder(d.IsError ? "::error " : "::warning ");
        sb.Append("file=").Append(EscapeProperty(d.File));
        if (d.Line > 0) sb.Append(",line=").Append(d.Line);
        if (d.Column > 0) sb.Append(",col=").Append(d.Column);
        if (d.Field is not null) sb.Append(",title=").Append(EscapeProperty(d.Field));
        sb.Append("::").Append(EscapeData(d.Message));
        return sb.ToString();
    }

    private static string EscapeData(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");

    private static string Json(IEnumerable<Diagnostic> diagnostics)
    {
        var items = diagnostics.Select(d => new DiagnosticJson(d.IsError ? "error" : "warning", d.File, d.Line, d.Column, d.Field, d.Message)).ToList();
        return JsonSerializer.Serialize(items, DiagnosticJsonContext.Indented.ListDiagnosticJson) + "\n";
    }
}

/// <summary>One diagnostic as <c>--format json</c> writes it.</summary>
internal sealed record DiagnosticJson(
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The diagnostics' JSON, generated at compile time (the native binary has no reflection-based serialiser).</summary>
[JsonSerializable(typeof(List<DiagnosticJson>))]
internal sealed partial class DiagnosticJsonContext : JsonSerializerContext
{
    public static DiagnosticJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
