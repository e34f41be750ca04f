using MakersSite.Content.Diagnostics;
using MakersSite.Content.Model;
using MakersSite.Content.Text;

namespace MakersSite.Content.Loading;

/// <summary>
/// What a reader needs to trust a page's facts: a kennisbank article names its source, and no date lies ahead of the
/// build. Checked at load, with the page's own messages, so a quick rebuild and a full one say the same.
/// </summary>
internal static class SourceRules
{
    public static void Check(string file, PageKind kind, IReadOnlyDictionary<string, object?> fields, IReadOnlyDictionary<string, FieldPosition> positions,
        int frontMatterLine, DateOnly? today, DiagnosticBag diagnostics)
    {
        if (kind == PageKind.Lesson && !fields.ContainsKey("sources"))
            diagnostics.Warning(file, frontMatterLine, 1, "sources",
                "Dit kennisbankartikel noemt geen bron. Zet onder 'sources' de titel, de uitgever en het jaar van het document " +
                "waar de feiten uit komen (en een link als die er is), zodat lezers ze kunnen nagaan.");
        if (today is not { } day) return;
        if (kind == PageKind.Lesson && fields.GetValueOrDefault("date") is string written && Period.Parse(written) is { } period && period.Start > day)
        {
            var at = positions.GetValueOrDefault("date");
            diagnostics.Error(file, at.Line, at.Column, "date",
                $"'date' ({period.Dutch}) ligt in de toekomst. 'date' zegt wanneer de feiten van dit artikel waar waren: gebruik het jaar of de periode van de bron.");
        }
        if (fields.GetValueOrDefault("updated") is DateOnly updated && updated > day)
        {
            var at = positions.GetValueOrDefault("updated");
            diagnostics.Error(file, at.Line, at.Column, "updated",
                $"'updated' ({DutchDates.Long(updated)}) ligt in de toekomst. Zet de datum waarop de pagina het laatst is bijgewerkt.");
        }
    }
}
