using MakersSite.Search;

namespace MakersSite.Tests.Search;

/// <summary>
/// The builder numbers words in whatever order threads meet them; none of that may show in the search data. The
/// conformance tests check the data against lunr.js; these check that it does not depend on how documents came in.
/// </summary>
public sealed class SearchIndexBuilderTests
{
    private static List<SearchFile> Files(SearchIndexBuilder builder) => builder.Write().Files.ToList();

    [Fact]
    public void Documents_added_from_many_threads_in_any_order_give_the_same_files_as_added_one_by_one()
    {
        var documents = IndexConformanceTests.SyntheticDocuments(400);
        var inOrder = new SearchIndexBuilder();
        foreach (var document in documents) inOrder.Add(document);
        var shuffled = new SearchIndexBuilder();
        var random = new Random(7);
        Parallel.ForEach(documents.OrderBy(_ => random.Next()).ToList(), d => shuffled.Add(d));

        Assert.Equal(inOrder.Key("stamp"), shuffled.Key("stamp"));
        Assert.Equal(Files(inOrder), Files(shuffled));
    }

    [Fact]
    public void A_terms_document_frequency_counts_each_document_once_over_all_fields()
    {
        // The term lists carry it for suggestions; it is worked out by stepping through the fields' postings together.
        var index = SearchIndexWriter.Write(IndexConformanceTests.SyntheticDocuments(450)).Index!;
        var fieldsWithTerm = new List<int>();
        foreach (var term in index.Terms)
        {
            var documents = new HashSet<int>();
            var fields = 0;
            for (var f = 0; f < index.Fields.Count; f++)
            {
                var inField = index.Documents(term.Index, f).ToArray();
                if (inField.Length > 0) fields++;
                documents.UnionWith(inField);
            }
            Assert.Equal(documents.Count, index.DocumentFrequency(term.Index));
            fieldsWithTerm.Add(fields);
        }
        Assert.Contains(1, fieldsWithTerm);
        Assert.Contains(fieldsWithTerm, n => n >= 3);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Building_on_several_cores_gives_the_same_files_as_on_one(int cores)
    {
        // The index builder cuts the documents into one run per core and joins the runs; the batches of files are
        // made in parallel too. 450 documents make several batches of terms and runs that meet terms in other orders.
        var documents = IndexConformanceTests.SyntheticDocuments(450);

        var one = SearchIndexWriter.Write(documents, cores: 1).Files;
        var several = SearchIndexWriter.Write(documents, cores: cores).Files;

        Assert.True(one.Count(f => f.Path.StartsWith("s/", StringComparison.Ordinal)) > 3, "too few shards to test the cut");
        Assert.Equal(one, several);
    }

    [Fact]
    public async Task Files_emitted_from_several_threads_are_the_same_files()
    {
        var documents = IndexConformanceTests.SyntheticDocuments(450);
        var inOrder = new SearchIndexBuilder();
        var concurrent = new SearchIndexBuilder();
        foreach (var document in documents)
        {
            inOrder.Add(document);
            concurrent.Add(document);
        }
        var emitted = new System.Collections.Concurrent.ConcurrentBag<SearchFile>();
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();

        // The test runner keeps the pool's few threads busy; a build has them free. Without more, the other cores'
        // share of the files would wait for a thread and the first would do them all.
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completions);
        try
        {
            await Task.Run(() => concurrent.Write(file =>
            {
                threads.TryAdd(Environment.CurrentManagedThreadId, 0);
                Thread.Sleep(1); // long enough for the other threads to take files too
                emitted.Add(file);
            }, cores: 3, emitConcurrently: true));
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completions);
        }

        Assert.Equal(Files(inOrder).OrderBy(f => f.Path, StringComparer.Ordinal), emitted.OrderBy(f => f.Path, StringComparer.Ordinal));
        Assert.True(threads.Count > 1, "every file came from one thread");
    }

    [Fact]
    public void Deferred_analysis_as_serve_uses_it_gives_the_same_key_and_files()
    {
        var documents = IndexConformanceTests.SyntheticDocuments(300);
        var streamed = new SearchIndexBuilder();
        var deferred = new SearchIndexBuilder(deferAnalysis: true);
        foreach (var document in documents)
        {
            streamed.Add(document);
            deferred.Add(document);
        }

        Assert.Equal(streamed.Key("stamp"), deferred.Key("stamp"));
        Assert.Equal(Files(streamed), Files(deferred));
    }

    [Fact]
    public void The_key_changes_with_any_text_and_with_the_generator_stamp()
    {
        var documents = IndexConformanceTests.SyntheticDocuments(50);
        string KeyOf(IEnumerable<SearchDocument> docs, string stamp = "stamp")
        {
            var builder = new SearchIndexBuilder();
            foreach (var d in docs) builder.Add(d);
            return builder.Key(stamp);
        }
        var edited = documents.Select((d, i) => i == 17 ? d with { Body = d.Body + " extra" } : d);

        Assert.NotEqual(KeyOf(documents), KeyOf(edited));
        Assert.NotEqual(KeyOf(documents), KeyOf(documents, "other generator"));
        Assert.Equal(KeyOf(documents), KeyOf(documents.AsEnumerable().Reverse()));
    }

    private static SearchDocument Document(string slug, string body) =>
        new($"/bedrijven/{slug}/", slug, "", body, new FacetValue("type", "bedrijf", "Bedrijf"), []);

    // Files plus the texts lunr.js would be given (the compound parts among them): both must match a fresh build.
    private static (List<SearchFile> Files, List<string> Texts) Fresh(IEnumerable<SearchDocument> documents)
    {
        var builder = new SearchIndexBuilder(keepTexts: true);
        foreach (var document in documents) builder.Add(document);
        return Result(builder.Write());
    }

    private static (List<SearchFile> Files, List<string> Texts) WithMemo(SearchAnalysisMemo memo, IEnumerable<SearchDocument> documents)
    {
        var builder = new SearchIndexBuilder(keepTexts: true, deferAnalysis: true, memo: memo);
        foreach (var document in documents) builder.Add(document);
        builder.Key("stamp");
        return Result(builder.Write());
    }

    private static (List<SearchFile> Files, List<string> Texts) Result(SearchBundle bundle) =>
        (bundle.Files.ToList(), bundle.FieldTexts.Select(t => string.Join(" | ", t)).ToList());

    private static void AssertSame((List<SearchFile> Files, List<string> Texts) expected, (List<SearchFile> Files, List<string> Texts) actual)
    {
        Assert.Equal(expected.Texts, actual.Texts);
        Assert.Equal(expected.Files, actual.Files);
    }

    [Fact]
    public void Serves_memo_gives_what_a_fresh_build_gives_after_edits_and_removals()
    {
        var documents = IndexConformanceTests.SyntheticDocuments(200);
        var memo = new SearchAnalysisMemo();
        AssertSame(Fresh(documents), WithMemo(memo, documents));

        var edited = documents.Select((d, i) => i == 5 ? d with { Body = d.Body + " gloednieuwe machinebouwers" } : d).ToList();
        AssertSame(Fresh(edited), WithMemo(memo, edited));

        var removed = edited.Where((_, i) => i % 7 != 0).ToList();
        AssertSame(Fresh(removed), WithMemo(memo, removed));
    }

    [Fact]
    public void A_memo_read_back_from_its_bytes_writes_the_same_bytes_and_spares_every_analysis()
    {
        // What a build keeps in .cache/build for the next one: its words renumbered by first use, in URL order.
        var documents = IndexConformanceTests.SyntheticDocuments(300);
        var memo = new SearchAnalysisMemo();
        var first = new SearchIndexBuilder(memo: memo);
        foreach (var document in documents.AsEnumerable().Reverse()) first.Add(document);
        first.Key("stamp");
        var files = first.Write().Files.ToList();
        var written = new MemoryStream();
        memo.WriteTo(written);

        var read = SearchAnalysisMemo.ReadFrom(new MemoryStream(written.ToArray()));

        Assert.NotNull(read);
        Assert.Equal(documents.Count, read.Documents);
        var again = new MemoryStream();
        read.WriteTo(again);
        Assert.Equal(written.ToArray(), again.ToArray());
        var second = new SearchIndexBuilder(memo: read);
        foreach (var document in documents) second.Add(document);
        second.Key("stamp");
        Assert.Equal(files, second.Write().Files.ToList());
        Assert.Equal(0, second.Analysed);
    }

    [Fact]
    public void A_memo_read_back_then_written_after_words_went_out_of_use_still_gives_every_document_its_words()
    {
        // Entries read from a memo keep their bytes while the words keep their numbers; once a word goes out of use
        // the words after it are renumbered, and entries read with the old numbers must be encoded anew.
        static byte[] Bytes(SearchAnalysisMemo memo)
        {
            var stream = new MemoryStream();
            memo.WriteTo(stream);
            return stream.ToArray();
        }
        static List<SearchFile> Build(SearchAnalysisMemo memo, IEnumerable<SearchDocument> documents, out int analysed)
        {
            var builder = new SearchIndexBuilder(memo: memo);
            foreach (var document in documents) builder.Add(document);
            builder.Key("stamp");
            var files = builder.Write().Files.ToList();
            analysed = builder.Analysed;
            return files;
        }
        var documents = IndexConformanceTests.SyntheticDocuments(200);
        var first = new SearchAnalysisMemo();
        Build(first, documents, out _);
        var read = SearchAnalysisMemo.ReadFrom(new MemoryStream(Bytes(first)))!;
        // Page 3 loses its text: words only it had (rare "woordNNNN") go out of use.
        var edited = documents.Select((d, i) => i == 3 ? d with { Title = "Bedrijf", Summary = "", Body = "machine" } : d).ToList();
        Build(read, edited, out var analysed);
        Assert.Equal(1, analysed);
        var written = Bytes(read);

        var again = SearchAnalysisMemo.ReadFrom(new MemoryStream(written))!;
        var files = Build(again, edited, out analysed);

        Assert.Equal(0, analysed);
        Assert.Equal(FreshFiles(edited), files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
        // A word only page 3 had is gone from the memo, so the words after it took new numbers.
        var others = string.Join(' ', documents.Where((_, i) => i != 3).Select(d => $"{d.Title} {d.Summary} {d.Body}")).Split(' ').ToHashSet();
        var only = $"{documents[3].Title} {documents[3].Summary} {documents[3].Body}".Split(' ').First(w => w.StartsWith("woord", StringComparison.Ordinal) && !others.Contains(w));
        Assert.Contains(only, System.Text.Encoding.UTF8.GetString(Bytes(first)), StringComparison.Ordinal);
        Assert.DoesNotContain(only, System.Text.Encoding.UTF8.GetString(written), StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_edited_away_no_longer_splits_compounds_when_the_memo_still_knows_it()
    {
        // "bouw" on its own page makes it a part of "machinebouw"; once that page is gone it is no word of the site.
        List<SearchDocument> before = [Document("a", "bouw en nog meer bouw"), Document("b", "machinebouw in de regio")];
        List<SearchDocument> after = [before[1]];
        var memo = new SearchAnalysisMemo();
        Assert.Equal("b |  | machinebouw in de regio | bouw", WithMemo(memo, before).Texts[1]);

        var result = WithMemo(memo, after);

        AssertSame(Fresh(after), result);
        Assert.Equal("b |  | machinebouw in de regio | ", Assert.Single(result.Texts));
    }

    /// <summary>
    /// A build after a few edits patches the previous build's files: every file, kept or new, must be what a build from
    /// scratch makes. Edits are random: added and removed words (existing ones, so the vocabulary usually stays and the
    /// patch is taken, sometimes new ones, so it is not), titles and summaries replaced, one to three documents at a time.
    /// </summary>
    [Fact]
    public void Patched_search_data_equals_search_data_built_from_scratch_after_random_edits()
    {
        var documents = IndexConformanceTests.SyntheticDocuments(300);
        var random = new Random(11);
        var memo = new SearchAnalysisMemo();
        var files = PatchedFiles(memo, null, documents, out _);
        Assert.Equal(FreshFiles(documents), files);
        var patched = 0;
        for (var round = 0; round < 40; round++)
        {
            var edited = documents.ToList();
            foreach (var d in Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(edited.Count)))
                edited[d] = Edit(edited[d], edited[random.Next(edited.Count)], random);
            documents = edited;

            files = PatchedFiles(memo, files, documents, out var wasPatched);

            Assert.Equal(FreshFiles(documents), files);
            if (wasPatched) patched++;
        }
        Assert.True(patched >= 20, $"only {patched} of 40 rounds were patched");
    }

    [Fact]
    public void New_and_vanished_words_are_patched_unless_they_change_other_pages_compound_parts()
    {
        var documents = IndexConformanceTests.SyntheticDocuments(400);
        var memo = new SearchAnalysisMemo();
        var files = PatchedFiles(memo, null, documents, out _);
        List<SearchDocument> With(int page, string words) => documents.Select((d, i) => i == page ? d with { Title = d.Title + " " + words } : d).ToList();

        // A new word in a title, and so a new term: patched, and only the files with the title's terms are new.
        var builder = new SearchIndexBuilder(memo: memo);
        foreach (var document in With(40, "zeppelinwerf")) builder.Add(document);
        builder.Key("stamp");
        var bundle = builder.Write(previous: Previous(files));
        Assert.True(builder.Patched);
        Assert.Equal(["d/40.js"], bundle.Files.Select(f => f.Path).Where(p => p.StartsWith("d/", StringComparison.Ordinal)));
        Assert.True(bundle.Kept.Count(p => p.StartsWith("s/", StringComparison.Ordinal)) > bundle.Files.Count(f => f.Path.StartsWith("s/", StringComparison.Ordinal)),
            string.Join(", ", bundle.Files.Select(f => f.Path)));
        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        files = bundle.Files.Concat(bundle.Kept.Select(p => byPath[p])).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(FreshFiles(With(40, "zeppelinwerf")), files);
        Assert.Contains(files, f => f.Path.StartsWith("s/", StringComparison.Ordinal) && f.Text.Contains("[\"zeppelinwerf\",40,", StringComparison.Ordinal));

        // "bewerking" is a part of "metaalbewerking", which other pages have: their compound parts change, so everything is made anew.
        var again = PatchedFiles(memo, files, With(40, "zeppelinwerf bewerking"), out var patched);
        Assert.False(patched);
        Assert.Equal(FreshFiles(With(40, "zeppelinwerf bewerking")), again);

        // Both words gone again, and their terms with them.
        var back = PatchedFiles(memo, again, documents, out _);
        Assert.Equal(FreshFiles(documents), back);
        Assert.DoesNotContain(back, f => f.Text.Contains("zeppelinwerf", StringComparison.Ordinal));
    }

    [Fact]
    public void One_form_of_a_word_replaced_by_another_changes_the_shown_word_of_a_patched_term()
    {
        // "robot" stays as often in every field (its postings are the same), but its most used form is now "robot", not "robots".
        List<SearchDocument> documents = [Document("a", "robot robot lasser"), Document("b", "robots robots robots lasser"), Document("c", "lasser")];
        var memo = new SearchAnalysisMemo();
        var files = PatchedFiles(memo, null, documents, out _);
        Assert.Contains(files, f => f.Path.StartsWith("t/", StringComparison.Ordinal) && f.Text.Contains("[\"robot\",2,\"robots\"]", StringComparison.Ordinal));
        List<SearchDocument> edited = [documents[0], Document("b", "robots robot robots lasser"), documents[2]];

        var again = PatchedFiles(memo, files, edited, out var wasPatched);

        Assert.True(wasPatched);
        Assert.Equal(FreshFiles(edited), again);
        Assert.Contains(again, f => f.Path.StartsWith("t/", StringComparison.Ordinal) && f.Text.Contains("[\"robot\",2]", StringComparison.Ordinal));
    }

    private static SearchDocument Edit(SearchDocument document, SearchDocument other, Random random)
    {
        string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string Mix(string text)
        {
            var words = Words(text).ToList();
            var donor = Words(other.Body);
            switch (random.Next(6))
            {
                case 0: // words from another page, which the site has
                    for (var i = random.Next(1, 12); i > 0 && donor.Length > 0; i--) words.Insert(random.Next(words.Count + 1), donor[random.Next(donor.Length)]);
                    break;
                case 1: // a stretch taken out
                    if (words.Count > 2)
                    {
                        var at = random.Next(words.Count - 1);
                        words.RemoveRange(at, random.Next(1, Math.Min(20, words.Count - at)));
                    }
                    break;
                case 2: // another form of a word the site has
                    words.Add(random.Next(2) == 0 ? "robots" : "metalen");
                    break;
                case 3: // a word the site may not have yet
                    words.Add($"woord{random.Next(6000)}");
                    break;
                case 4: // a compound the site may not have yet, of words it has (its parts are found)
                    string[] parts = ["metaal", "robot", "machine", "kunststof", "lasser", "regio"];
                    words.Add(parts[random.Next(parts.Length)] + parts[random.Next(parts.Length)]);
                    break;
                default: // words swapped around
                    words = words.OrderBy(_ => random.Next()).ToList();
                    break;
            }
            return string.Join(' ', words);
        }
        return random.Next(7) switch
        {
            0 => document with { Title = Mix(document.Title) },
            1 => document with { Summary = Mix(document.Summary) },
            2 => document with { Facets = [.. document.Facets, new FacetValue("municipality", "venlo", "Venlo")] }, // the facets file changes
            _ => document with { Body = Mix(document.Body) },
        };
    }

    private static List<SearchFile> FreshFiles(IEnumerable<SearchDocument> documents)
    {
        var builder = new SearchIndexBuilder();
        foreach (var document in documents) builder.Add(document);
        return builder.Write().Files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private static PreviousSearchFiles Previous(List<SearchFile> files)
    {
        var byPath = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        return new PreviousSearchFiles(files.ToDictionary(f => f.Path, f => f.Text.GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            path => byPath.GetValueOrDefault(path));
    }

    /// <summary>A build with <paramref name="memo"/> given the previous build's files; returns all of its files, kept and new.</summary>
    private static List<SearchFile> PatchedFiles(SearchAnalysisMemo memo, List<SearchFile>? previous, IEnumerable<SearchDocument> documents, out bool patched)
    {
        var builder = new SearchIndexBuilder(memo: memo);
        foreach (var document in documents) builder.Add(document);
        builder.Key("stamp");
        var bundle = builder.Write(previous: previous is null ? null : Previous(previous));
        patched = builder.Patched;
        var byPath = previous?.ToDictionary(f => f.Path, StringComparer.Ordinal);
        return bundle.Files.Concat(bundle.Kept.Select(path => byPath![path])).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }
}
