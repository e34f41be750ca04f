using MakersSite.Build;
using MakersSite.Build.Caching;

namespace MakersSite.Tests.Build;

/// <summary>
/// The finished pages of the build cache live in one pack file plus an index: what one build wrote, the next one
/// reads; what a successful build did not use is gone afterwards; a damaged index or pack is a miss, never a wrong page.
/// </summary>
public sealed class PageCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("makers-site-cache-").FullName;

    private static string Key(int n) => BuildCache.Hash($"page {n}");

    private static FinishedPage Page(int n, int size = 100) =>
        new($"<p>pagina {n}</p>" + new string('x', size), n % 2 == 0 ? null : new SearchText($"Titel {n}", "Samenvatting", $"Tekst {n}"));

    private BuildCache Begin()
    {
        var cache = new BuildCache(_directory);
        cache.BeginBuild();
        return cache;
    }

    [Fact]
    public void Pages_written_by_one_build_are_read_by_the_next()
    {
        var first = Begin();
        for (var n = 0; n < 50; n++) first.WritePage(Key(n), Page(n));
        Assert.Null(first.ReadPage(Key(99)));
        first.EndBuild(prune: true);

        var second = Begin();
        for (var n = 0; n < 50; n++) Assert.Equal(Page(n), second.ReadPage(Key(n)));
        Assert.Null(second.ReadPage(Key(99)));
        second.EndBuild(prune: true);
        Assert.Equal(["lock", "pages-1.pack", "pages.index", "search-1.pack", "search.index", "sources-1.pack", "sources.index"], Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Long_texts_in_any_script_come_back_as_they_were_written()
    {
        // Kilobytes of text with two-, three- and four-byte UTF-8 (é, ’, 🚜), across every length boundary of the format.
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => $"café’s {i} 🚜 "));
        var pages = new[] { new FinishedPage("<p>" + text + "</p>", new SearchText(text[..200], "", text)), new FinishedPage(text[..127], new SearchText("", text[..128], "ë")) };
        var first = Begin();
        for (var n = 0; n < pages.Length; n++) first.WritePage(Key(n), pages[n]);
        first.EndBuild(prune: true);

        var second = Begin();
        for (var n = 0; n < pages.Length; n++)
        {
            var read = second.ReadPage(Key(n));
            Assert.NotNull(read);
            Assert.Equal(pages[n].Html, read.Html);
            Assert.Equal(pages[n].Text, read.Text);
        }
        second.EndBuild(prune: true);
    }

    [Fact]
    public async Task A_build_that_waits_for_the_cache_says_so_and_goes_on_once_it_is_free()
    {
        var holder = Begin();
        var messages = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var waiter = new BuildCache(_directory);
        var started = Task.Run(() => Assert.True(waiter.BeginBuild(messages.Enqueue)));

        Assert.True(SpinWait.SpinUntil(() => !messages.IsEmpty, TimeSpan.FromSeconds(10)), "no message while waiting");
        Assert.False(started.IsCompleted);
        holder.WritePage(Key(1), Page(1));
        holder.EndBuild(prune: true);
        await started.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["Een andere build of 'serve' gebruikt de bouwcache (.cache/build); wachten tot die klaar is"], messages);
        Assert.Equal(Page(1), waiter.ReadPage(Key(1))); // it got the cache, not a build without it
        waiter.EndBuild(prune: true);
    }

    [Fact]
    public void A_successful_build_keeps_only_what_it_used_and_a_failed_one_keeps_everything()
    {
        var first = Begin();
        for (var n = 0; n < 10; n++) first.WritePage(Key(n), Page(n));
        first.EndBuild(prune: true);

        var failed = Begin();
        failed.ReadPage(Key(0));
        failed.WritePage(Key(10), Page(10));
        failed.EndBuild(prune: false);

        var pruning = Begin();
        Assert.Equal(Page(10), pruning.ReadPage(Key(10)));
        Assert.Equal(Page(3), pruning.ReadPage(Key(3)));
        pruning.EndBuild(prune: true);

        var last = Begin();
        Assert.Equal(Page(3), last.ReadPage(Key(3)));
        Assert.Equal(Page(10), last.ReadPage(Key(10)));
        Assert.Null(last.ReadPage(Key(0)));
        last.EndBuild(prune: true);
    }

    [Fact]
    public void A_pack_that_is_mostly_unused_is_compacted_into_a_new_one()
    {
        var first = Begin();
        for (var n = 0; n < 100; n++) first.WritePage(Key(n), Page(n, size: 20_000));
        first.EndBuild(prune: true);
        var before = new FileInfo(Path.Combine(_directory, "pages-1.pack")).Length;

        var second = Begin();
        for (var n = 0; n < 10; n++) Assert.NotNull(second.ReadPage(Key(n)));
        second.EndBuild(prune: true);

        Assert.False(File.Exists(Path.Combine(_directory, "pages-1.pack")));
        Assert.InRange(new FileInfo(Path.Combine(_directory, "pages-2.pack")).Length, 10 * 20_000, before / 5);
        var third = Begin();
        for (var n = 0; n < 10; n++) Assert.Equal(Page(n, size: 20_000), third.ReadPage(Key(n)));
        Assert.Null(third.ReadPage(Key(10)));
        third.EndBuild(prune: true);
    }

    [Fact]
    public void A_damaged_index_or_pack_reads_as_a_miss_and_the_cache_recovers()
    {
        var first = Begin();
        for (var n = 0; n < 5; n++) first.WritePage(Key(n), Page(n));
        first.EndBuild(prune: true);

        // Another pack under the same name: the index's offsets no longer point at the entries' keys.
        var pack = Path.Combine(_directory, "pages-1.pack");
        var bytes = File.ReadAllBytes(pack);
        File.WriteAllBytes(pack, [.. bytes[7..], .. bytes[..7]]);
        var shifted = Begin();
        for (var n = 0; n < 5; n++) Assert.Null(shifted.ReadPage(Key(n)));
        shifted.WritePage(Key(0), Page(0));
        shifted.EndBuild(prune: true);

        File.WriteAllBytes(Path.Combine(_directory, "pages.index"), [1, 2, 3]);
        var damaged = Begin();
        Assert.Null(damaged.ReadPage(Key(0)));
        damaged.WritePage(Key(1), Page(1));
        damaged.EndBuild(prune: true);

        var recovered = Begin();
        Assert.Equal(Page(1), recovered.ReadPage(Key(1)));
        recovered.EndBuild(prune: true);

        // The entry where the index says, but the length of its HTML overwritten: a miss, not an exception.
        pack = Assert.Single(Directory.GetFiles(_directory, "pages-*.pack")); // the damaged one was replaced
        bytes = File.ReadAllBytes(pack);
        var entry = bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(Key(1))) + Key(1).Length + sizeof(int) + sizeof(ulong);
        bytes.AsSpan(entry, 5).Fill(0xFF);
        File.WriteAllBytes(pack, bytes);
        var overwritten = Begin();
        Assert.Null(overwritten.ReadPage(Key(1)));
        overwritten.WritePage(Key(1), Page(1));
        overwritten.EndBuild(prune: true);

        // Lengths intact but a few characters of the HTML changed: without the checksum this read back as another page.
        pack = Assert.Single(Directory.GetFiles(_directory, "pages-*.pack"));
        bytes = File.ReadAllBytes(pack);
        var html = bytes.AsSpan().IndexOf("pagina 1"u8);
        "PAGINA"u8.CopyTo(bytes.AsSpan(html));
        File.WriteAllBytes(pack, bytes);
        var garbled = Begin();
        Assert.Null(garbled.ReadPage(Key(1)));
        garbled.EndBuild(prune: true);
    }

    [Fact]
    public void Pages_written_from_many_threads_are_all_read_back()
    {
        var first = Begin();
        Parallel.For(0, 500, n => first.WritePage(Key(n), Page(n, size: n * 10)));
        first.EndBuild(prune: true);

        var second = Begin();
        Parallel.For(0, 500, n => Assert.Equal(Page(n, size: n * 10), second.ReadPage(Key(n))));
        second.EndBuild(prune: true);
    }

    [Fact]
    public void A_build_that_keeps_everything_appends_its_pages_to_the_index_and_an_index_cut_short_keeps_the_whole_entries()
    {
        var first = Begin();
        for (var n = 0; n < 20; n++) first.WritePage(Key(n), Page(n));
        first.EndBuild(prune: true);
        var index = Path.Combine(_directory, "pages.index");
        var written = new FileInfo(index).Length;

        // Two builds that keep everything (quick rebuilds, failed builds) add a page each: the index grows by those.
        for (var n = 20; n < 22; n++)
        {
            var next = Begin();
            next.WritePage(Key(n), Page(n));
            next.EndBuild(prune: false);
        }
        var appended = new FileInfo(index).Length;
        Assert.Equal(written + 2 * (1 + Key(0).Length + sizeof(long) + sizeof(int)), appended);
        var reader = Begin();
        for (var n = 0; n < 22; n++) Assert.Equal(Page(n), reader.ReadPage(Key(n)));
        reader.EndBuild(prune: false);

        // A crash while appending: the last entry is cut short; every other one is still there.
        using (var stream = new FileStream(index, FileMode.Open)) stream.SetLength(appended - 3);
        var afterCrash = Begin();
        Assert.Null(afterCrash.ReadPage(Key(21)));
        afterCrash.WritePage(Key(22), Page(22));
        afterCrash.EndBuild(prune: false);
        // That build wrote the index whole (appending after the cut would have run into it).
        var last = Begin();
        for (var n = 0; n < 23; n++) Assert.Equal(n == 21 ? null : Page(n), last.ReadPage(Key(n)));
        last.EndBuild(prune: true);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
