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
        Parallel.ForEach(documents.OrderBy(_ => random.Next()).ToList(), shuffled.Add);

        Assert.Equal(inOrder.Key("stamp"), shuffled.Key("stamp"));
        Assert.Equal(Files(inOrder), Files(shuffled));
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
}
