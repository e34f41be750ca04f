using MakersSite.Content.Diagnostics;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Content.Assembly;

/// <summary>The validate phase's check across pages: every ref names an existing page of the right section.</summary>
public static class CrossReferenceValidator
{
    /// <param name="unloaded">Whether a page that did not load (its own messages name why) has this section and slug.</param>
    public static void Validate(IReadOnlyList<Page> pages, DiagnosticBag diagnostics, Func<string, string, bool>? unloaded = null)
    {
        var slugsBySection = pages.Where(p => p.Section is not null)
            .GroupBy(p => p.Section!)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var reference in page.References)
            {
                var known = slugsBySection.GetValueOrDefault(reference.Section) ?? [];
                if (known.Contains(reference.Slug) || unloaded?.Invoke(reference.Section, reference.Slug) == true) continue;
                var suggestion = Suggestions.Closest(reference.Slug, known);
                var hint = suggestion is not null ? $" Bedoelde je '{suggestion}'?" : "";
                var noun = ContentSchemas.Noun(reference.Section);
                var pronoun = ContentSchemas.RelativePronoun(reference.Section);
                diagnostics.Error(page.SourceFile, reference.Line, reference.Column, reference.Field,
                    $"'{reference.Slug}' verwijst naar een {noun} {pronoun} niet bestaat: er is geen map content/{reference.Section}/{reference.Slug}/.{hint}");
            }
        }
    }
}
