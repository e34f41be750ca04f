using MakersSite.Build;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>
/// The build cache (.cache/build/) and the incremental output: a build that reuses them writes exactly the tree a
/// clean build writes, whatever changed in between, and touches only the files that differ.
/// </summary>
public sealed class BuildCacheTests : IDisposable
{
    private readonly TestSite _site = TestSite.FromDefaultContent();

    /// <summary>Overwrites part of a file with 'x' (a disk error, not a crash: the file keeps its length).</summary>
    private static void Overwrite(string file, double from, double share)
    {
        using var stream = new FileStream(file, FileMode.Open);
        stream.Position = (long)(stream.Length * from);
        stream.Write(Enumerable.Repeat((byte)'x', (int)(stream.Length * share)).ToArray());
    }

    /// <summary>
    /// As the CLI builds with --full: without the texts the conformance tests keep (those are analysed every time),
    /// and always the full build, whose own reuse of the cache these tests are about (QuickRebuildTests: the quick one).
    /// </summary>
    private BuildResult Build() => new SiteBuilder().Build(new BuildOptions(_site.Root, Today: TestSite.Today) { Reuse = Reuse.Cache });

    private BuildResult Cached() => new SiteBuilder(null, new BuildTestSwitches { KeepSearchIndex = true }).Build(new BuildOptions(_site.Root, Today: TestSite.Today));

    private void AssertSameAsCleanBuild() => _site.AssertOutputEqualsCleanBuild();

    /// <summary>
    /// Every page in a bundle of its own (each loads without a message, so each is kept loaded in the cache); the home
    /// and section pages (index.md at the top, _index.md) are read every time.
    /// </summary>
    private int ContentPages() => Directory.GetFiles(Path.Combine(_site.Root, "content"), "index.md", SearchOption.AllDirectories)
        .Count(f => Path.GetDirectoryName(f) != Path.Combine(_site.Root, "content"));

    private static int Differences(SortedDictionary<string, string> before, SortedDictionary<string, string> after) =>
        after.Count(file => before.GetValueOrDefault(file.Key) != file.Value);

    [Fact]
    public void A_second_build_takes_every_page_from_the_cache_writes_nothing_and_equals_a_clean_build()
    {
        var first = Cached();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal(0, first.PagesFromCache);
        Assert.Equal(0, first.SourcesFromCache);
        Assert.NotNull(first.Search);
        var before = TestSite.Snapshot(_site.Output);

        var second = Cached();

        Assert.True(second.Succeeded);
        Assert.Equal(ContentPages(), second.SourcesFromCache);
        Assert.Equal(second.PageCount, second.PagesFromCache);
        Assert.Equal(0, second.FilesWritten);
        Assert.Null(second.Search); // the search data came from the cache as well
        Assert.Equal(before, TestSite.Snapshot(_site.Output));
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void Check_between_two_builds_keeps_the_builds_cache()
    {
        Assert.True(Cached().Succeeded);
        Assert.True(_site.Check().Succeeded);

        var result = Cached();

        Assert.Equal(result.PageCount, result.PagesFromCache);
        Assert.Equal(0, result.FilesWritten);
    }

    [Fact]
    public void Build_full_reads_every_source_even_an_edit_that_kept_its_size_and_time()
    {
        Assert.True(Cached().Succeeded);
        var profile = Path.Combine(_site.Root, "content", "bedrijven", "leolux", "index.md");
        var time = File.GetLastWriteTimeUtc(profile);
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("gaf mee vorm aan het Actieprogramma", "gaf mee vorm aan het ActieprogrammX"));
        File.SetLastWriteTimeUtc(profile, time);

        var trusting = Build();
        Assert.DoesNotContain("ActieprogrammX", File.ReadAllText(Path.Combine(_site.Output, "bedrijven", "leolux", "index.html")));
        var full = new SiteBuilder().Build(new BuildOptions(_site.Root, Today: TestSite.Today) { Reuse = Reuse.CacheAfterReading });

        Assert.True(trusting.Succeeded && full.Succeeded, string.Join("\n", full.Diagnostics));
        Assert.Equal(0, full.SourcesFromCache);
        Assert.Contains("ActieprogrammX", File.ReadAllText(Path.Combine(_site.Output, "bedrijven", "leolux", "index.html")));
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void After_one_edited_profile_only_the_pages_that_show_it_are_rendered_again_and_only_changed_files_written()
    {
        Assert.True(Cached().Succeeded);
        var before = TestSite.Snapshot(_site.Output);
        var profile = Path.Combine(_site.Root, "content", "bedrijven", "leolux", "index.md");
        File.WriteAllText(profile, File.ReadAllText(profile)
            .Replace("gaf mee vorm aan het Actieprogramma", "gaf met overtuiging mee vorm aan het Actieprogramma")
            .Replace("Het bedrijf leverde input", "Het bedrijf leverde veel input"));

        var result = Cached();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(ContentPages() - 1, result.SourcesFromCache); // only the edited file was read again
        // Its own page, the lists and term pages with its card, and pages that show it as related: a handful, not the site.
        var rendered = result.PageCount - result.PagesFromCache;
        Assert.InRange(rendered, 3, result.PageCount / 3);
        var after = TestSite.Snapshot(_site.Output);
        Assert.Equal(Differences(before, after), result.FilesWritten);
        Assert.NotEqual(before["bedrijven/leolux/index.html"], after["bedrijven/leolux/index.html"]);
        Assert.Equal(before["kennisbank/index.html"], after["kennisbank/index.html"]);
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void A_file_added_beside_a_page_loads_that_page_again_and_a_damaged_cache_of_loaded_pages_is_read_as_a_miss()
    {
        Assert.True(Cached().Succeeded);
        File.WriteAllText(Path.Combine(_site.Root, "content", "bedrijven", "leolux", "brochure.txt"), "Een bestand naast de pagina.");

        var added = Cached();

        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));
        Assert.Equal(ContentPages() - 1, added.SourcesFromCache);
        Assert.True(File.Exists(Path.Combine(_site.Output, "bedrijven", "leolux", "brochure.txt")));
        AssertSameAsCleanBuild();

        // A pack cut short (a crash while it was written): the entries past the cut are misses, loaded from their files.
        var pack = Directory.GetFiles(Path.Combine(_site.Root, ".cache", "build"), "sources-*.pack").Single();
        using (var stream = new FileStream(pack, FileMode.Open)) stream.SetLength(stream.Length / 3);

        var damaged = Cached();

        Assert.True(damaged.Succeeded, string.Join("\n", damaged.Diagnostics));
        Assert.InRange(damaged.SourcesFromCache, 1, ContentPages() / 2);
        AssertSameAsCleanBuild();
        Assert.Equal(ContentPages(), Cached().SourcesFromCache);
    }

    [Fact]
    public void A_file_a_section_page_shows_is_published_and_its_removal_fails_the_build_as_it_fails_a_clean_one()
    {
        // A section page's folder holds the other pages, so what it reads is not its folder but the files it names.
        var section = Path.Combine(_site.Root, "content", "rugzak");
        File.WriteAllBytes(Path.Combine(section, "banner.png"), TestImages.Png(64, 32));
        File.AppendAllText(Path.Combine(section, "_index.md"), "\n![Een rugzak vol werk](banner.png)\n");
        var shown = Cached();
        Assert.True(shown.Succeeded, string.Join("\n", shown.Diagnostics));
        Assert.True(File.Exists(Path.Combine(_site.Output, "rugzak", "banner.png")));
        AssertSameAsCleanBuild();

        File.Delete(Path.Combine(section, "banner.png"));
        var removed = Cached();

        Assert.False(removed.Succeeded);
        var error = Assert.Single(removed.Diagnostics);
        Assert.Equal("content/rugzak/_index.md", error.File);
        Assert.Equal("Het bestand 'banner.png' bestaat niet in de map van deze pagina. Controleer de naam of voeg het bestand toe.", error.Message);
    }

    [Fact]
    public void The_search_analysis_of_unchanged_pages_comes_from_the_cache_and_the_index_equals_a_clean_builds()
    {
        var first = Build();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.True(first.Counters.SearchDocumentsAnalysed > 30, $"{first.Counters.SearchDocumentsAnalysed} documents analysed");
        var profile = Path.Combine(_site.Root, "content", "bedrijven", "leolux", "index.md");
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("gaf mee vorm aan het Actieprogramma", "gaf met overtuiging mee vorm aan het Actieprogramma"));

        var second = Build();

        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.Equal(1, second.Counters.SearchDocumentsAnalysed);
        Assert.True(second.Counters.SearchDataPatched); // the edit's terms patched into the previous build's files
        // Unchanged pages whose file is current went without reading their texts; not the Rugzak pages (the offline worker hashes them).
        var rugzak = Directory.GetFiles(Path.Combine(_site.Output, "rugzak"), "index.html", SearchOption.AllDirectories).Length;
        Assert.InRange(second.PagesKeptUnread, second.PagesFromCache - rugzak - 1, second.PagesFromCache - rugzak);
        var third = Build();
        Assert.Equal(0, third.Counters.SearchDocumentsAnalysed);
        Assert.Equal(third.PagesFromCache - rugzak - 1, third.PagesKeptUnread);
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void Pages_whose_search_entry_is_known_are_rendered_again_when_the_output_lost_them_and_the_pack_is_damaged()
    {
        // Unchanged pages go without being read, until the output lacks their file.
        Assert.True(Build().Succeeded);
        Assert.True(Build().PagesKeptUnread > 0);
        var pack = Directory.GetFiles(Path.Combine(_site.Root, ".cache", "build"), "pages-*.pack").Single();
        Overwrite(pack, from: 1 / 4.0, share: 1 / 2.0);
        Directory.Delete(_site.Output, recursive: true);

        var rebuilt = Build();

        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        Assert.True(rebuilt.PagesKeptUnread > 0);
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void Pages_serve_takes_from_its_memory_stay_in_the_cache_for_the_next_build()
    {
        Assert.True(Cached().Succeeded);
        // As serve rebuilds: its own memory of loaded pages, and the watcher saw no change, so no page is looked at.
        var memory = new MakersSite.Content.Loading.LoadedPageMemo();
        var cache = new MakersSite.Build.Caching.BuildCache(Path.Combine(_site.Root, ".cache", "build"));
        BuildResult Serve() => new SiteBuilder().Build(new BuildOptions(_site.Root, Path.Combine(_site.Root, "preview"), Today: TestSite.Today)
            { Mode = BuildMode.Serve, Serve = new ServeState(cache, memory, new(), Environment.ProcessorCount) });
        memory.BeginLoad(null);
        Assert.Equal(ContentPages(), Serve().SourcesFromCache);
        memory.BeginLoad([]);
        var rebuilt = Serve();
        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        Assert.Equal(0, rebuilt.SourcesFromCache); // all from memory

        Assert.Equal(ContentPages(), Cached().SourcesFromCache);
    }

    [Fact]
    public void After_an_edit_only_the_index_files_that_changed_are_stored_again_and_a_lost_output_gets_them_from_the_cache()
    {
        long SearchPack() => Directory.GetFiles(Path.Combine(_site.Root, ".cache", "build"), "search-*.pack").Sum(f => new FileInfo(f).Length);
        SortedDictionary<string, string> Index() => new(TestSite.Snapshot(_site.Output)
            .Where(f => f.Key.StartsWith("zoeken/data/", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);
        Assert.True(Cached().Succeeded);
        var before = Index();
        var stored = SearchPack();
        var profile = Path.Combine(_site.Root, "content", "bedrijven", "leolux", "index.md");
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("gaf mee vorm aan het Actieprogramma", "gaf met overtuiging mee vorm aan het Actieprogramma"));

        Assert.True(Cached().Succeeded);

        // Each stored file is its bytes plus its hash (the key), length and checksum: the changed files, none of the others again.
        var changed = Index().Where(f => before.GetValueOrDefault(f.Key) != f.Value).ToList();
        Assert.NotEmpty(changed);
        Assert.True(changed.Count < before.Count / 2, $"{changed.Count} of {before.Count} index files changed");
        var changedBytes = changed.Sum(f => new FileInfo(Path.Combine(_site.Output, f.Key)).Length + 64 + sizeof(int) + sizeof(ulong));
        Assert.Equal(stored + changedBytes, SearchPack());

        Directory.Delete(_site.Output, recursive: true);
        var rebuilt = Cached();
        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        Assert.Null(rebuilt.Search); // the index was not built again (a built one is handed back to these tests)
        Assert.Equal(stored + changedBytes, SearchPack());
        AssertSameAsCleanBuild();

        // A pack cut short misses files the listing names: the index is built again rather than read half.
        var pack = Directory.GetFiles(Path.Combine(_site.Root, ".cache", "build"), "search-*.pack").Single();
        using (var stream = new FileStream(pack, FileMode.Open)) stream.SetLength(stream.Length / 3);
        Directory.Delete(_site.Output, recursive: true);
        var damaged = Cached();
        Assert.True(damaged.Succeeded, string.Join("\n", damaged.Diagnostics));
        Assert.NotNull(damaged.Search);
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void A_search_pack_damaged_inside_its_entries_is_a_miss_and_the_rebuild_stores_those_files_anew()
    {
        Assert.True(Cached().Succeeded);
        var pack = Directory.GetFiles(Path.Combine(_site.Root, ".cache", "build"), "search-*.pack").Single();
        // Bytes overwritten in the middle (a disk error, not a crash): the pack keeps its length, so the listing
        // finds every entry, but the keys and contents of the entries there are wrong.
        Overwrite(pack, from: 1 / 3.0, share: 1 / 3.0);
        Directory.Delete(_site.Output, recursive: true);

        var rebuilt = Cached();

        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        Assert.NotNull(rebuilt.Search); // built again, not read from the damaged pack
        AssertSameAsCleanBuild();
        Directory.Delete(_site.Output, recursive: true);
        var fromPack = Cached();
        Assert.True(fromPack.Succeeded, string.Join("\n", fromPack.Diagnostics));
        Assert.Null(fromPack.Search); // the damaged files were stored anew: the index comes from the pack
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void A_removed_page_leaves_no_file_behind_and_a_changed_layout_renders_every_page_again()
    {
        Assert.True(Cached().Succeeded);
        Assert.True(File.Exists(Path.Combine(_site.Output, "bedrijven", "leolux", "index.html")));
        Directory.Delete(Path.Combine(_site.Root, "content", "bedrijven", "leolux"), recursive: true);

        Assert.True(Cached().Succeeded);
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "bedrijven", "leolux")));
        AssertSameAsCleanBuild();

        var footer = Path.Combine(_site.Root, "themes", "default", "layouts", "partials", "footer.liquid");
        File.WriteAllText(footer, File.ReadAllText(footer) + "<!-- gewijzigd -->\n");
        var result = Cached();
        Assert.True(result.Succeeded);
        Assert.Equal(0, result.PagesFromCache);
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void Files_put_into_the_output_by_hand_go_with_their_folders_hidden_ones_too()
    {
        Assert.True(Cached().Succeeded);
        File.WriteAllText(Path.Combine(_site.Output, "extra.txt"), "met de hand");
        File.WriteAllText(Path.Combine(_site.Output, ".verborgen"), "met de hand");
        Directory.CreateDirectory(Path.Combine(_site.Output, "oud", "diep"));
        File.WriteAllText(Path.Combine(_site.Output, "oud", "diep", "index.html"), "<p>oud</p>");
        Directory.CreateDirectory(Path.Combine(_site.Output, "leeg"));
        File.WriteAllText(Path.Combine(_site.Output, "bedrijven", "leolux", "oud.html"), "<p>oud</p>");

        Assert.True(Cached().Succeeded);
        Assert.False(File.Exists(Path.Combine(_site.Output, "extra.txt")));
        Assert.False(File.Exists(Path.Combine(_site.Output, ".verborgen")));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "oud")));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "leeg")));
        Assert.False(File.Exists(Path.Combine(_site.Output, "bedrijven", "leolux", "oud.html")));
        Assert.True(File.Exists(Path.Combine(_site.Output, "bedrijven", "leolux", "index.html")));
        AssertSameAsCleanBuild();
    }

    [Fact]
    public void A_build_that_fails_after_pages_were_written_leaves_the_output_and_no_temporary_file_behind()
    {
        Assert.True(Cached().Succeeded);
        var before = TestSite.Snapshot(_site.Output);
        // A broken link is found only after pages were rendered and staged: the latest point a build can fail.
        var profile = Path.Combine(_site.Root, "content", "bedrijven", "leolux", "index.md");
        File.WriteAllText(profile, File.ReadAllText(profile) + "\nZie ook [de hal](/bedrijven/bestaat-niet/).\n");
        Directory.CreateDirectory(Path.Combine(_site.Root, "content", "bedrijven", "nieuw-bedrijf"));
        File.WriteAllText(Path.Combine(_site.Root, "content", "bedrijven", "nieuw-bedrijf", "index.md"),
            "---\ntitle: \"Nieuw bedrijf\"\nsummary: \"Een nieuw profiel.\"\nplace: \"Venlo\"\nmunicipality: venlo\nsectors:\n  - maakindustrie\n---\nTekst.\n");

        var result = Cached();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.File == "content/bedrijven/leolux/index.md" && d.Message.Contains("/bedrijven/bestaat-niet/"));
        Assert.Equal(before, TestSite.Snapshot(_site.Output));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "bedrijven", "nieuw-bedrijf")));
    }

    public void Dispose() => _site.Dispose();
}
