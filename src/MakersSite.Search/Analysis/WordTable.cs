namespace MakersSite.Search.Analysis;

/// <summary>
/// Every distinct word of a site, numbered, so documents are kept as numbers and each word is stemmed and split
/// once however often it occurs (Zipf: a few thousand words make most of any text). Safe to fill from many threads.
/// The stop words come first: a word is a stop word exactly when its number is below <see cref="StopWordCount"/>.
/// Numbers depend on which thread met a word first, so nothing that is written out may depend on them.
/// </summary>
/// <remarks>
/// Every word of every page is looked up here (twelve million at 10,000 pages), so this is an open-addressing table
/// rather than a ConcurrentDictionary, whose lookups (a bucket, then a node, then the string) took about 1.5 times as
/// long in a micro-benchmark: a slot holds the word's hash and number, and only a matching hash leads to the string.
/// Lookups take no lock.
/// Words are added under a lock; a word's string is in place before its slot is published, and a grown slot array
/// is published whole, so a lookup that misses a word being added meanwhile finds it under the lock.
/// </remarks>
internal sealed class WordTable
{
    private volatile long[] _slots = new long[1 << 16]; // (hash << 32) | (number + 1); 0: empty
    private volatile string[] _words = new string[4096];
    private volatile int _count;
    private readonly Lock _adding = new();

    public WordTable()
    {
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
        var hash = Hash(word);
        var number = Find(_slots, word, hash);
        if (number >= 0) return number;
        lock (_adding)
        {
            var slots = _slots;
            number = Find(slots, word, hash);
            if (number >= 0) return number;
            number = _count;
            if (number == _words.Length)
            {
                var grown = new string[number * 2];
                Array.Copy(_words, grown, number);
                _words = grown;
            }
            _words[number] = word.ToString();
            // At most half full, so probes stay short.
            if ((number + 1) * 2 > slots.Length) _slots = slots = Grow(slots);
            Insert(slots, hash, number);
            _count = number + 1;
            return number;
        }
    }

    public bool TryGetNumber(string word, out int number)
    {
        number = Find(_slots, word, Hash(word));
        return number >= 0;
    }

    private int Find(long[] slots, ReadOnlySpan<char> word, uint hash)
    {
        var mask = slots.Length - 1;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var slot = Volatile.Read(ref slots[i]);
            if (slot == 0) return -1;
            if ((uint)(slot >> 32) != hash) continue;
            // The words array is read after the slot: it was published before the slot, so it holds the number.
            var number = (int)slot - 1;
            if (_words[number].AsSpan().SequenceEqual(word)) return number;
        }
    }

    private static void Insert(long[] slots, uint hash, int number)
    {
        var mask = slots.Length - 1;
        var i = (int)hash & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        Volatile.Write(ref slots[i], ((long)hash << 32) | (uint)(number + 1));
    }

    private static long[] Grow(long[] slots)
    {
        var grown = new long[slots.Length * 2];
        foreach (var slot in slots)
            if (slot != 0) Insert(grown, (uint)(slot >> 32), (int)slot - 1);
        return grown;
    }

    // FNV-1a over the UTF-16 code units: cheap for short words and the same in every process.
    private static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
