using MakersSite.Content.Diagnostics;
using MakersSite.Content.Model;
using MakersSite.Content.Text;

namespace MakersSite.Content.Assembly;

/// <summary>
/// Content that goes stale with time: vacancies past their closing date and profiles nobody has looked at for a year.
/// These are warnings, not errors: a member's pull request must not fail because a date passed.
/// </summary>
public static class Freshness
{
    public const int ProfileMaxAgeMonths = 12;

    /// <summary>A vacancy is shown up to and including its validThrough day.</summary>
    public static bool IsActive(IReadOnlyDictionary<string, object?> vacancy, DateOnly today) =>
        vacancy.GetValueOrDefault("validThrough") is not DateOnly until || until >= today;

    /// <summary>The id of a vacancy on its company page ("vacature-monteur-2026-01-01"): its title and the day it was posted.</summary>
    public static string Anchor(IReadOnlyDictionary<string, object?> vacancy) => $"vacature-{VacancySlug(vacancy)}";

    /// <summary>
    /// The page of one vacancy ("/bedrijven/x/vacatures/monteur-2026-01-01/"), where its JobPosting markup belongs:
    /// search engines read that markup on a page of one job only, never on a list.
    /// </summary>
    public static string VacancyUrl(Page company, IReadOnlyDictionary<string, object?> vacancy) => $"{company.Url}vacatures/{VacancySlug(vacancy)}/";

    private static string VacancySlug(IReadOnlyDictionary<string, object?> vacancy) =>
        $"{Slug.From((string)vacancy["title"]!)}-{DutchDates.Iso((DateOnly)vacancy["posted"]!)}";

    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> ActiveVacancies(Page page, DateOnly today) =>
        Vacancies(page).Where(v => IsActive(v, today)).ToList();

    public static void Check(IEnumerable<Page> pages, DateOnly today, DiagnosticBag diagnostics)
    {
        foreach (var page in pages.Where(p => p.Kind == PageKind.Company))
        {
            var index = 0;
            foreach (var vacancy in Vacancies(page))
            {
                if (!IsActive(vacancy, today))
                {
                    var path = $"vacancies[{index}].validThrough";
                    var at = page.FieldPositions.GetValueOrDefault(path);
                    diagnostics.Warning(page.SourceFile, at.Line, at.Column, path,
                        $"De vacature '{vacancy["title"]}' liep af op {DutchDates.Long((DateOnly)vacancy["validThrough"]!)} en wordt niet meer getoond. " +
                        "Haal de vacature weg of zet een nieuwe datum bij 'validThrough'.");
                }
                index++;
            }

            if (page.Fields.GetValueOrDefault("updated") is DateOnly updated && updated.AddMonths(ProfileMaxAgeMonths) < today)
            {
                var at = page.FieldPositions.GetValueOrDefault("updated");
                diagnostics.Warning(page.SourceFile, at.Line, at.Column, "updated",
                    $"Dit profiel is sinds {DutchDates.Long(updated)} niet bijgewerkt, langer dan {ProfileMaxAgeMonths} maanden geleden. " +
                    "Kijk of alles nog klopt en zet 'updated' op de datum van vandaag.");
            }
        }
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Vacancies(Page page) =>
        (page.Fields.GetValueOrDefault("vacancies") as IEnumerable<object?>)?.OfType<IReadOnlyDictionary<string, object?>>() ?? [];
}
