using System.Collections.Concurrent;

namespace MakersSite.Search.Analysis;

/// <summary>
/// Every distinct word of a site, numbered, so documents are kept as numbers and each word is stemmed and split
/// once however often it occurs (Zipf: a few thousand words make most of any text). Safe to fill from many threads.
/// The stop words come first: a word is a stop word exactly when its number is below <see cref="StopWordCount"/>.
/// Numbers depend on which thread met a word first, so nothing that is written out may depend on them.
/// </summary>
internal sealed class WordTable
{
    private readonly ConcurrentDictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lock _adding = new();
    private string[] _words = new string[4096];
    private int _count;

    public WordTable()
    {
        _lookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in DutchStopWords.All.Order(StringComparer.Ordinal)) Number(word);
        StopWordCount = _count;
    }

    public int StopWordCount { get; }

    /// <summary>How many words have a number. Read it once all documents are in.</summary>
    public int Count => _count;

    public string this[int number] => _words[number];

    /// <summary>The word's number, given on first sight.</summary>
    public int Number(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var number)) return number;
        lock (_adding)
        {
            if (_lookup.TryGetValue(word, out number)) return number;
            if (_count == _words.Length) Array.Resize(ref _words, _count * 2);
            var text = word.ToString();
            _words[_count] = text;
            _numbers[text] = _count;
            return _count++;
        }
    }

    public bool TryGetNumber(string word, out int number) => _numbers.TryGetValue(word, out number);
}
