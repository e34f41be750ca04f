using MakersSite.Content.Diagnostics;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>"Pagina aanpassen" (issue 25, item 4): each company, project, kennisbank and Rugzak page links to its form in /beheer/ and to its own file on GitHub, from site.yml's repository.</summary>
public sealed class EditLinkTests
{
    private static TestSite Site(string repository) => TestSite.Create(
        ("content/site.yml", TestSite.SiteYml + "\n" + repository),
        ("content/flats/techniek/index.md", Fixtures.Flat()),
        ("content/projecten/lean-academy/index.md", Fixtures.Project()),
        ("content/bedrijven/testfabriek/index.md", Fixtures.Company()),
        ("content/rugzak/maken/index.md", Fixtures.Topic()),
        ("content/kennisbank/les/index.md", Fixtures.Lesson()));

    private static readonly string[] Pages =
        ["bedrijven/testfabriek", "projecten/lean-academy", "kennisbank/les", "rugzak/maken"];

    [Fact]
    public void Every_page_members_edit_links_to_its_form_and_to_its_own_file_on_github()
    {
        using var site = Site("repository:\n  url: \"https://github.com/land-van-de-makers/makers-site\"\n  branch: \"inhoud\"\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Text)));
        foreach (var page in Pages)
        {
            var links = site.Html($"{page}/index.html").QuerySelectorAll("main .edit-link a");
            Assert.Equal(["Pagina aanpassen", "het bestand op GitHub"], links.Select(l => l.TextContent));
            // Relative, as every link of the site (the editor itself needs a web server, so no index.html for disk).
            var depth = string.Concat(Enumerable.Repeat("../", page.Split('/').Length));
            Assert.Equal($"{depth}beheer/#/collections/{page.Split('/')[0]}/entries/{page.Split('/')[1]}/index", links[0].GetAttribute("href"));
            Assert.Equal($"https://github.com/land-van-de-makers/makers-site/edit/inhoud/content/{page}/index.md", links[1].GetAttribute("href"));
        }
        // A flat is the network's own page, not a member's.
        Assert.Null(site.Html("flats/techniek/index.html").QuerySelector(".edit-link"));
    }

    [Fact]
    public void Without_a_repository_setting_there_is_no_edit_link()
    {
        using var site = Site("");
        Assert.True(site.Build().Succeeded);
        foreach (var page in Pages) Assert.Null(site.Html($"{page}/index.html").QuerySelector(".edit-link"));
    }

    [Fact]
    public void A_repository_that_is_no_github_address_is_refused_with_its_place()
    {
        using var site = Site("repository:\n  url: \"https://gitlab.com/x/y\"\n");
        Assert.Equal(
            ["content/site.yml:10:8: fout [repository.url]: 'https://gitlab.com/x/y' is geen geldige waarde voor 'url': gebruik het adres van de repository op GitHub, zoals https://github.com/land-van-de-makers/makers-site."],
            site.Check().Diagnostics.Select(DiagnosticFormatter.Text));
    }
}
