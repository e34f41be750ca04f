using MakersSite.Content.Diagnostics;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Validation;

/// <summary>Stale content warns but never fails a member's pull request; expired vacancies are not published.</summary>
public sealed class FreshnessTests
{
    private const string TwoVacancies = """
        vacancies:
          - title: "Monteur"
            kind: vacature
            email: werk@testfabriek.nl
            posted: 2026-09-01
            validThrough: 2026-11-21
          - title: "Stage techniek"
            kind: stage
            level: mbo
            email: stage@testfabriek.nl
            posted: 2026-10-01
            validThrough: 2026-11-22
        """;

    [Fact]
    public void An_expired_vacancy_warns_with_its_line_and_is_not_published()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company(extra: TwoVacancies)));
        var result = site.Build();

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(
            new Diagnostic(Severity.Warning, "content/bedrijven/testfabriek/index.md", 13, 19, "vacancies[0].validThrough",
                "De vacature 'Monteur' liep af op 21 november 2026 en wordt niet meer getoond. " +
                "Haal de vacature weg of zet een nieuwe datum bij 'validThrough'."),
            warning);
        // The vacancy whose last day is today is still shown; the expired one is nowhere in the page.
        var page = site.Html("bedrijven/testfabriek/index.html");
        Assert.Equal(["Stage techniek"], page.QuerySelectorAll("#vacatures ~ ul h3").Select(h => h.TextContent));
        Assert.DoesNotContain("Monteur", page.Body!.TextContent);
    }

    [Fact]
    public void A_profile_not_updated_for_twelve_months_warns_but_passes()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company(extra: "updated: 2025-11-21")));
        var result = site.Check();

        Assert.True(result.Succeeded);
        Assert.Equal(
            new Diagnostic(Severity.Warning, "content/bedrijven/testfabriek/index.md", 8, 10, "updated",
                "Dit profiel is sinds 21 november 2025 niet bijgewerkt, langer dan 12 maanden geleden. " +
                "Kijk of alles nog klopt en zet 'updated' op de datum van vandaag."),
            Assert.Single(result.Diagnostics));
    }

    [Fact]
    public void A_profile_updated_exactly_twelve_months_ago_is_still_fresh()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company(extra: "updated: 2025-11-22")));
        Assert.Empty(site.Check().Diagnostics);
    }

    [Fact]
    public void Warnings_keep_check_at_exit_code_zero()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company(extra: "updated: 2020-01-01")));
        var stdout = new StringWriter();
        var exit = MakersSite.Cli.CommandLine.Run(["check", "--root", site.Root, "--format", "github"], stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.StartsWith("::warning file=content/bedrijven/testfabriek/index.md,line=8,col=10,title=updated::", stdout.ToString());
    }
}
