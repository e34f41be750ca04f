using System.Text;

namespace MakersSite.Search.Indexing;

/// <summary>
/// Cuts a sorted run of entries (one per term) into files whose boundaries depend only on the entries near them:
/// a file closes after an entry once it holds <paramref name="minimum"/> characters and the entry's term hashes to a
/// cut point (one in <paramref name="spacing"/>), or once it holds <paramref name="maximum"/>. An edit that changes a few entries therefore changes the files
/// around them only; from the first boundary the old and new cuts share, the files are the same again. Cutting by
/// size alone would move every later boundary and rename every later file after any edit.
/// </summary>
public sealed class ContentDefinedChunks(int minimum, int maximum, int spacing)
{
    private readonly StringBuilder _payload = new();
    private string? _first;

    /// <summary>Whether no entry has been added since the last cut: the state every boundary leaves.</summary>
    public bool AtBoundary => _first is null;

    /// <summary>Adds an entry; returns the finished chunk (its first term and its JSON array) when the entry closes it.</summary>
    public (string First, string Payload)? Add(string term, string entry)
    {
        if (_first is null)
        {
            _first = term;
            _payload.Append('[');
        }
        else
        {
            _payload.Append(',');
        }
        _payload.Append(entry);
        // The size counts the array's brackets and commas too: entry lengths plus one each.
        var size = _payload.Length;
        return size >= maximum || (size >= minimum && Hash(term) % (uint)spacing == 0) ? Close() : null;
    }

    /// <summary>The last, unfinished chunk, if any.</summary>
    public (string First, string Payload)? Close()
    {
        if (_first is null) return null;
        var chunk = (_first, _payload.Append(']').ToString());
        _payload.Clear();
        _first = null;
        return chunk;
    }

    /// <summary>FNV-1a over the term's UTF-16 code units: fixed, unlike string.GetHashCode, so cuts are the same in every build.</summary>
    private static uint Hash(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }
        // FNV's low bits mix poorly for short inputs: fold the high half in before taking a remainder.
        return hash ^ (hash >> 16);
    }
}
