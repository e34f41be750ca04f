using MakersSite.Build;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>
/// The quick rebuild: after an edit of a few pages' texts only those pages are loaded, rendered and patched into
/// the search data; anything else, or anything it cannot check, makes the full build. Either way the output is
/// the tree a clean build writes.
/// </summary>
public sealed class QuickRebuildTests : IDisposable
{
    private readonly TestSite _site = TestSite.FromDefaultContent();

    /// <summary>As the command line builds.</summary>
    private BuildResult Build(bool quick = true)
    {
        var result = new SiteBuilder().Build(new BuildOptions(_site.Root, Today: TestSite.Today) { Reuse = quick ? Reuse.Everything : Reuse.Cache });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private void AssertSameAsCleanBuild() => _site.AssertOutputEqualsCleanBuild();

    private string File(string relative) => Path.Combine(_site.Root, relative);

    private void Append(string relative, string text) => System.IO.File.AppendAllText(File(relative), text);

    private void Replace(string relative, string from, string to)
    {
        var text = System.IO.File.ReadAllText(File(relative));
        Assert.Contains(from, text);
        System.IO.File.WriteAllText(File(relative), text.Replace(from, to));
    }

    [Fact]
    public void An_edited_text_renders_only_its_page_and_the_site_equals_a_clean_build()
    {
        var first = Build();
        Assert.False(first.QuickRebuild);
        Append("content/bedrijven/leolux/index.md", "\nIn de [werkplaats](/over/) staan nu drie nieuwe naaimachines en een kwaliteitslaboratorium.\n");

        var quick = Build();

        Assert.True(quick.QuickRebuild, quick.Counters.QuickRebuildDeclined);
        Assert.Equal(first.PageCount, quick.PageCount);
        Assert.Equal(quick.PageCount - 1, quick.PagesKeptUnread);
        Assert.Equal(1, quick.Counters.SearchDocumentsAnalysed);
        var page = _site.Html("bedrijven/leolux/index.html");
        Assert.Contains("kwaliteitslaboratorium", page.QuerySelector("main")!.TextContent);
        Assert.Equal("../../over/", page.QuerySelectorAll("main a").Single(a => a.TextContent == "werkplaats").GetAttribute("href"));
        AssertSameAsCleanBuild();

        // Nothing changed since: nothing is written.
        var again = Build();
        Assert.True(again.QuickRebuild, again.Counters.QuickRebuildDeclined);
        Assert.Equal(0, again.FilesWritten);
        Assert.Equal(0, again.Counters.SearchDocumentsAnalysed);
    }

    [Fact]
    public void Random_text_edits_of_every_kind_of_page_rebuild_quickly_and_equal_clean_builds()
    {
        string[] pages =
        [
            "content/bedrijven/blue-engineering/index.md", "content/bedrijven/hotraco-group/index.md", "content/projecten/regio-in-je-rugzak/index.md",
            "content/kennisbank/het-wrong-door-principe/index.md", "content/flats/procesverbetering/index.md", "content/over/index.md",
        ];
        string[] sentences =
        [
            "Een nieuwe zin over spuitgieten.", "Wij zoeken stagiairs voor de werkvloer.", "Meer over [het project](/projecten/).",
            "Kunststofrecycling en lasersnijden horen erbij.", "| a | b |\n| --- | --- |\n| tafel | stoel |",
        ];
        var random = new Random(7);
        Build();
        for (var round = 0; round < 4; round++)
        {
            var edited = pages.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
            foreach (var page in edited)
            {
                if (random.Next(3) == 0)
                {
                    // Part of the body goes: the last paragraph.
                    var text = System.IO.File.ReadAllText(File(page));
                    var cut = text.TrimEnd().LastIndexOf("\n\n", StringComparison.Ordinal);
                    if (cut > text.IndexOf("---", 3, StringComparison.Ordinal)) System.IO.File.WriteAllText(File(page), text[..cut] + "\n");
                }
                else Append(page, "\n" + sentences[random.Next(sentences.Length)] + "\n");
            }

            var result = Build();

            Assert.True(result.QuickRebuild, $"round {round}: {result.Counters.QuickRebuildDeclined}");
            Assert.Equal(result.PageCount - edited.Count, result.PagesKeptUnread);
            AssertSameAsCleanBuild();
        }
    }

    [Fact]
    public void What_other_pages_show_of_a_page_makes_the_full_build()
    {
        Build();
        Replace("content/bedrijven/leolux/index.md", "title: \"Leolux\"", "title: \"Leolux Furniture Group\"");

        var retitled = Build();

        Assert.False(retitled.QuickRebuild);
        Assert.Equal("the outline of the changed page changed", retitled.Counters.QuickRebuildDeclined);
        Assert.Contains("Leolux Furniture Group", _site.Html("bedrijven/index.html").QuerySelector("main")!.TextContent);
        AssertSameAsCleanBuild();

        // A page that comes (or goes), a Rugzak page (its HTML names the offline cache), a template: the full build too.
        _site.Write("content/nieuw/index.md", "---\ntitle: \"Nieuw\"\nsummary: \"Een nieuwe pagina.\"\n---\nEen nieuwe pagina.\n");
        Assert.Equal("files or folders of content/ came or went", Build().Counters.QuickRebuildDeclined);
        Append(Directory.GetFiles(File("content/rugzak"), "index.md", SearchOption.AllDirectories).First(p => Path.GetDirectoryName(p) != File("content/rugzak"))[(_site.Root.Length + 1)..],
            "\nNog een zin.\n");
        Assert.Equal("a changed file is not the text of a page other pages' outlines leave alone", Build().Counters.QuickRebuildDeclined);
        Append("themes/default/layouts/partials/footer.liquid", "\n");
        Assert.Equal("no snapshot of the previous build, other inputs, or the output manifest was rewritten", Build().Counters.QuickRebuildDeclined);
        AssertSameAsCleanBuild();
        Assert.True(Build().QuickRebuild);
    }

    [Fact]
    public void A_broken_link_in_an_edited_text_fails_as_the_full_build_fails_and_the_next_fix_is_quick()
    {
        Build();
        var before = TestSite.Snapshot(_site.Output);
        Append("content/bedrijven/sudryso/index.md", "\nZie ook [onze hal](/bedrijven/bestaat-niet/).\n");

        var quickTry = new SiteBuilder().Build(new BuildOptions(_site.Root, Today: TestSite.Today));
        var full = new SiteBuilder().Build(new BuildOptions(_site.Root, Today: TestSite.Today) { Reuse = Reuse.Cache });

        Assert.False(quickTry.Succeeded);
        Assert.Equal(full.Diagnostics.Select(d => d.ToString()), quickTry.Diagnostics.Select(d => d.ToString()));
        var message = Assert.Single(quickTry.Diagnostics);
        Assert.Equal("content/bedrijven/sudryso/index.md", message.File);
        Assert.Equal("De link naar '/bedrijven/bestaat-niet/' op /bedrijven/sudryso/ verwijst naar een pagina of bestand dat niet bestaat. " +
                     "Controleer het adres, zoals /bedrijven/naam-van-de-map/.", message.Message);
        Assert.Equal(before, TestSite.Snapshot(_site.Output));

        // The failed builds left the output, and so the snapshot that describes it: the fix is quick again.
        Replace("content/bedrijven/sudryso/index.md", "/bedrijven/bestaat-niet/", "/bedrijven/leolux/");
        var fixedBuild = Build();
        Assert.True(fixedBuild.QuickRebuild, fixedBuild.Counters.QuickRebuildDeclined);
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void An_output_changed_by_hand_or_by_another_build_makes_the_full_build_which_restores_it()
    {
        Build();
        var page = Path.Combine(_site.Output, "bedrijven", "leolux", "index.html");
        System.IO.File.Delete(page);
        Assert.Equal("a folder of the output changed", Build().Counters.QuickRebuildDeclined);
        Assert.True(System.IO.File.Exists(page));

        System.IO.File.WriteAllText(page, System.IO.File.ReadAllText(page).Replace("Leolux", "Xoelul"));
        Assert.Equal("a file of the output changed", Build().Counters.QuickRebuildDeclined);

        // Another kind of build into the same output (here one that keeps the search index, as serve keeps its memory).
        Assert.True(new SiteBuilder(null, new BuildTestSwitches { KeepSearchIndex = true }).Build(new BuildOptions(_site.Root, Today: TestSite.Today)).Succeeded);
        Append("content/bedrijven/leolux/index.md", "\nNog een zin.\n");
        Assert.Equal("no snapshot of the previous build, other inputs, or the output manifest was rewritten", Build().Counters.QuickRebuildDeclined);
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void A_damaged_snapshot_or_search_analysis_makes_the_full_build()
    {
        Build();
        var snapshot = Directory.GetFiles(Path.Combine(_site.Root, ".cache", "build"), "snapshot-*.bin").Single();
        var bytes = System.IO.File.ReadAllBytes(snapshot);
        bytes[bytes.Length / 2] ^= 0x5A;
        System.IO.File.WriteAllBytes(snapshot, bytes);
        Append("content/bedrijven/leolux/index.md", "\nNog een zin.\n");
        Assert.Equal("no snapshot of the previous build, other inputs, or the output manifest was rewritten", Build().Counters.QuickRebuildDeclined);

        foreach (var memo in Directory.GetFiles(Path.Combine(_site.Root, ".cache", "build", "analysis"), "*", SearchOption.AllDirectories)) System.IO.File.Delete(memo);
        Append("content/bedrijven/leolux/index.md", "\nEn nog een zin.\n");
        Assert.Equal("the search analysis in the cache is not the previous build's", Build().Counters.QuickRebuildDeclined);
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void A_company_with_vacancies_keeps_its_vacancy_results_through_cached_and_quick_builds()
    {
        using var site = TestSite.FromDefaultContentForSearch();
        BuildResult Build(Reuse reuse) => new SiteBuilder().Build(new BuildOptions(site.Root, Today: TestSite.Today) { Reuse = reuse });
        const string profile = "content/bedrijven/proef-metaalbewerking/index.md";
        Assert.True(Build(Reuse.Everything).Succeeded);

        // Another page edited: the company's page and its vacancy documents come back unread, from the memo.
        System.IO.File.AppendAllText(Path.Combine(site.Root, "content/over/index.md"), "\nEen nieuwe zin over de site.\n");
        var other = Build(Reuse.Everything);
        Assert.True(other.Succeeded);
        site.AssertOutputEqualsCleanBuild();

        // The company's own text edited: its page is analysed again; its vacancies' texts did not change, so their analyses are kept.
        System.IO.File.AppendAllText(Path.Combine(site.Root, profile), "\nWe zoeken ook een poedercoater.\n");
        var own = Build(Reuse.Everything);
        Assert.True(own.QuickRebuild, own.Counters.QuickRebuildDeclined);
        Assert.Equal(1, own.Counters.SearchDocumentsAnalysed);
        site.AssertOutputEqualsCleanBuild();

        // A vacancy renamed: the old result is gone, the new one is there.
        var text = System.IO.File.ReadAllText(Path.Combine(site.Root, profile));
        System.IO.File.WriteAllText(Path.Combine(site.Root, profile), text.Replace("Lasser MIG/MAG", "Lasser TIG"));
        Assert.True(Build(Reuse.Everything).Succeeded);
        site.AssertOutputEqualsCleanBuild();
        var documents = Directory.GetFiles(Path.Combine(site.Output, "zoeken", "data", "d")).Select(System.IO.File.ReadAllText).ToList();
        Assert.Contains(documents, d => d.Contains("/vacatures/lasser-tig-2026-10-01/", StringComparison.Ordinal));
        Assert.DoesNotContain(documents, d => d.Contains("/vacatures/lasser-mig-mag-2026-10-01/", StringComparison.Ordinal));
    }

    public void Dispose() => _site.Dispose();
}
