using MakersSite.Content.Diagnostics;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Content.Assembly;

/// <summary>The validate phase's checks across pages: every ref names an existing page, and no slug is taken twice.</summary>
public static class CrossReferenceValidator
{
    public static void Validate(IReadOnlyList<Page> pages, DiagnosticBag diagnostics)
    {
        foreach (var group in pages.Where(p => p.Section is not null && p.Kind != PageKind.SectionList)
                     .GroupBy(p => (p.Section, Slug: p.Slug.ToLowerInvariant())))
        {
            var ordered = group.OrderBy(p => p.SourceFile, StringComparer.Ordinal).ToList();
            foreach (var duplicate in ordered.Skip(1))
                diagnostics.Error(duplicate.SourceFile, 0, 0, null,
                    $"De map '{duplicate.Slug}' heeft dezelfde naam als '{ordered[0].Slug}' (hoofdletters tellen niet mee in een webadres). " +
                    "Geef één van beide mappen een andere naam.");
        }

        var slugsBySection = pages.Where(p => p.Section is not null)
            .GroupBy(p => p.Section!)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var reference in page.References)
            {
                var known = slugsBySection.GetValueOrDefault(reference.Section) ?? [];
                if (known.Contains(reference.Slug)) continue;
                var suggestion = Suggestions.Closest(reference.Slug, known);
                var hint = suggestion is not null ? $" Bedoelde je '{suggestion}'?" : "";
                var noun = ContentSchemas.Noun(reference.Section);
                diagnostics.Error(page.SourceFile, reference.Line, reference.Column, reference.Field,
                    $"'{reference.Slug}' verwijst naar een {noun} die niet bestaat: er is geen map content/{reference.Section}/{reference.Slug}/.{hint}");
            }
        }
    }
}
