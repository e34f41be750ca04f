using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MakersSite.Search.Analysis;
using MakersSite.Search.Indexing;

namespace MakersSite.Search;

/// <summary>
/// Collects a site's search documents while its pages are being finished (from any thread, in any order) and then
/// writes the search data. Each document is analysed when it comes in and kept only as word numbers plus what a
/// result shows, so a big site's texts are never all in memory; stemming and compound splitting then run once per
/// distinct word instead of once per occurrence.
/// </summary>
/// <param name="keepTexts">Keep the documents themselves, for <see cref="SearchBundle.FieldTexts"/> (conformance tests).</param>
/// <param name="deferAnalysis">Keep documents whole and analyse them all at <see cref="Key"/> or <see cref="Write"/>:
/// for serve, which reloads the browser once pages are written, before the index, and must not wait for analysis.</param>
/// <param name="memo">The analysis of the previous build in the same process (serve): unchanged documents are not analysed again.</param>
public sealed class SearchIndexBuilder(bool keepTexts = false, bool deferAnalysis = false, SearchAnalysisMemo? memo = null)
{
    internal const int AnalysedFields = 3; // title, summary, body; the fourth, compound parts, is derived from them

    private readonly WordTable _words = memo?.Words ?? new();
    private readonly ConcurrentBag<SearchEntry> _entries = [];
    private readonly ConcurrentBag<(SearchDocument Document, string? PageKey)> _deferred = [];
    private Dictionary<string, List<SearchEntry>>? _byPageKey;
    private int _analysed;
    /// <summary>The memo's entries as the previous build left them (<see cref="Key"/> replaces them with this build's).</summary>
    private IReadOnlyDictionary<string, SearchEntry>? _previousEntries;
    private string? _key;

    public int Count => _entries.Count + _deferred.Count;

    /// <summary>Documents analysed anew so far (not taken from the memo).</summary>
    public int Analysed => Volatile.Read(ref _analysed);

    /// <summary>Takes in one document. Thread-safe.</summary>
    /// <param name="pageKey">The build cache's key of the finished page the texts came from, if any (see <see cref="TryAddUnchanged"/>).</param>
    public void Add(SearchDocument document, string? pageKey = null)
    {
        if (deferAnalysis) _deferred.Add((document, pageKey));
        else _entries.Add(Analyze(document, pageKey));
    }

    /// <summary>
    /// Takes in the document of a finished page the previous build took in from the same page (same cache key, so
    /// the same texts), without its texts, when its address and facets are the same too. A build after a small edit
    /// then reads neither the texts of thousands of unchanged pages from the cache nor hashes them. Thread-safe.
    /// </summary>
    /// <returns>False when the memo has no such document: the caller reads the page and calls <see cref="Add"/>.</returns>
    public bool TryAddUnchanged(string pageKey, string url, FacetValue type, IReadOnlyList<FacetValue> facets)
    {
        if (memo is null || keepTexts) return false;
        // A page gives one document, and a company one more per open vacancy (url#anchor): all of them come back together.
        var byPageKey = LazyInitializer.EnsureInitialized(ref _byPageKey, () =>
            memo.Entries.Values.Where(e => e.PageKey is not null).GroupBy(e => e.PageKey!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));
        if (!byPageKey.TryGetValue(pageKey, out var entries)) return false;
        var page = entries.Where(e => e.Url == url).ToList();
        if (page is not [var entry] || entry.Shown.Type != type || !entry.Shown.Facets.SequenceEqual(facets)) return false;
        foreach (var each in entries.Where(e => PageOf(e.Url) == url)) _entries.Add(each);
        return true;
    }

    /// <summary>
    /// Takes in every document the memo's last build had, except those at <paramref name="except"/>, as that build
    /// took them in: for a caller that knows none of them changed (see SiteBuilder's quick rebuild).
    /// </summary>
    /// <param name="dataKey">The key of the search data that build made (<see cref="Key"/>): names exactly its documents.</param>
    /// <returns>False when the memo is not of that build: the caller adds the documents one by one.</returns>
    public bool TryAddAllUnchanged(string dataKey, IReadOnlySet<string> except)
    {
        if (memo is null || keepTexts || PreviousDataKey != dataKey) return false;
        foreach (var entry in memo.Entries.Values)
            if (!except.Contains(PageOf(entry.Url))) _entries.Add(entry);
        return true;
    }

    /// <summary>The page a document is on: its address without the #anchor of a part of it.</summary>
    private static string PageOf(string url) => url.IndexOf('#') is var cut and >= 0 ? url[..cut] : url;

    private void AnalyzeDeferred(int? cores)
    {
        var documents = new List<(SearchDocument, string?)>();
        while (_deferred.TryTake(out var document)) documents.Add(document);
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = cores ?? Environment.ProcessorCount }, d => _entries.Add(Analyze(d.Item1, d.Item2)));
    }

    [ThreadStatic] private static List<int>? _numbersBuffer;

    private SearchEntry Analyze(SearchDocument document, string? pageKey)
    {
        var hash = Fingerprint(document);
        if (memo is not null && memo.Entries.TryGetValue(Convert.ToHexString(hash), out var known) && (known.Kept is not null) == keepTexts)
            return known.PageKey == pageKey ? known : known with { PageKey = pageKey };
        Interlocked.Increment(ref _analysed);
        var words = new int[AnalysedFields][];
        // One buffer per thread for the words of a field: grown once, not again for every page.
        var numbers = _numbersBuffer ??= new List<int>(4096);
        string[] texts = [document.Title, document.Summary, document.Body];
        for (var f = 0; f < AnalysedFields; f++)
        {
            numbers.Clear();
            var state = (_words, numbers);
            DutchAnalyzer.ForEachWord(texts[f], ref state, static (ReadOnlySpan<char> word, ref (WordTable Table, List<int> Into) s) =>
            {
                var number = s.Table.Number(word);
                if (number >= s.Table.StopWordCount) s.Into.Add(number);
            });
            words[f] = numbers.ToArray();
        }
        var shown = new IndexedDocument(Encoding.UTF8.GetBytes(SearchIndexWriter.DocumentJson(document)), document.Type, document.Facets);
        return new SearchEntry(document.Url, shown, hash, keepTexts ? document : null) { Words = words, PageKey = pageKey };
    }

    /// <summary>A hash of everything the search data is made from: <paramref name="stamp"/> (the generator) and each document's address, texts and facets.</summary>
    /// <param name="cores">How many cores may analyse documents whose analysis was deferred.</param>
    public string Key(string stamp, int? cores = null)
    {
        TakeIn(cores);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(stamp));
        foreach (var entry in _entries.OrderBy(e => e.Url, StringComparer.Ordinal)) hash.AppendData(entry.Hash);
        return _key = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Analyses what was deferred and makes this build's documents the memo's (a removed or edited one's entry goes).</summary>
    private void TakeIn(int? cores)
    {
        AnalyzeDeferred(cores);
        if (memo is null || _previousEntries is not null) return;
        _previousEntries = memo.Entries;
        memo.Entries = _entries.ToDictionary(e => Convert.ToHexString(e.Hash));
    }

    /// <summary>Whether the last <see cref="Write"/> patched the previous build's files rather than making all of them.</summary>
    public bool Patched { get; private set; }

    /// <summary>The search key of the data the memo's index state describes: the previous build's files, which <see cref="Write"/> can patch.</summary>
    public string? PreviousDataKey => memo?.Index?.Key is { Length: > 0 } key ? key : null;

    /// <summary>Writes the search data: a patch of the previous build's files when <see cref="IndexPlanner"/> allows one and they fit, otherwise all anew.</summary>
    /// <param name="emit">Receives each file as soon as it is made, so a big site's index is never held whole;
    /// without it the files are collected in <see cref="SearchBundle.Files"/>.</param>
    /// <param name="cores">How many cores stemming and splitting may use (serve leaves one free for the browser it just told to reload).</param>
    /// <param name="emitConcurrently">Whether <paramref name="emit"/> is thread-safe: files then go to it from every core, in any order.</param>
    /// <param name="previous">The previous build's files: after a small edit they are patched (<see cref="Patched"/>) rather than all made anew.</param>
    public SearchBundle Write(Action<SearchFile>? emit = null, int? cores = null, bool emitConcurrently = false, PreviousSearchFiles? previous = null)
    {
        Patched = false;
        TakeIn(cores);
        var documents = _entries.OrderBy(e => e.Url, StringComparer.Ordinal).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = cores ?? Environment.ProcessorCount };
        var concurrently = emitConcurrently && emit is not null;
        if (previous is not null && !keepTexts && IndexPlanner.Plan(documents, memo, _previousEntries, _words) is { } plan
            && new IndexPatcher(plan, previous).TryWrite(memo!, _key ?? "", emit ?? (_ => { }), parallel, concurrently) is { } patched)
        {
            Patched = true;
            return emit is null ? patched : patched with { Files = [] };
        }
        return new FullIndexWrite(_words, memo, parallel, cores).Write(documents, _key ?? "", emit, concurrently);
    }

    private static byte[] Fingerprint(SearchDocument d)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(BitConverter.GetBytes(text.Length));
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }
        foreach (var text in new[] { d.Url, d.Title, d.Summary, d.Body }) Add(text);
        foreach (var facet in d.Facets.Prepend(d.Type)) Add($"{facet.Facet}\0{facet.Slug}\0{facet.Label}");
        foreach (var section in d.Sections) Add($"{section.Offset}\0{section.Anchor}\0{section.Heading}");
        return hash.GetHashAndReset();
    }
}
