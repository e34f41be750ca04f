using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MakersSite.Rendering;

/// <summary>
/// A SHA-256 over everything a template can read of a page: the model's values, in the order templates see them.
/// Two pages with the same fingerprint, layout and templates render the same HTML, so the fingerprint is what the
/// build cache looks pages up by — a change anywhere that shows on a page (its own text, a card on a list, the
/// menu) changes it, and nothing else does.
/// </summary>
public static class ModelFingerprint
{
    public static string Of(IEnumerable<string> parts, object? model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(hash);
        foreach (var part in parts) writer.Text('P', part);
        writer.Value(model);
        writer.Finish();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A model part shared by many pages (a card) whose fingerprint is worked out once.</summary>
    public interface IShared
    {
        byte[] Fingerprint { get; }
    }

    /// <summary>The fingerprint of one shared value on its own.</summary>
    public static byte[] OfValue(object? value)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(hash, expandShared: true);
        writer.Value(value);
        writer.Finish();
        return hash.GetHashAndReset();
    }

    // Each value is written as a type tag and a length-prefixed body, so different models never write the same bytes.
    private sealed class Writer(IncrementalHash hash, bool expandShared = false)
    {
        // Pooled: a fingerprint per page (and per card) each with a buffer of its own was a few percent of rendering's allocations.
        private readonly byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _used;
        private bool _expandShared = expandShared;

        public void Value(object? value)
        {
            switch (value)
            {
                case null: Tag('N'); break;
                case string s: Text('S', s); break;
                case RawHtml raw: Text('H', raw.Html); break;
                case bool b: Tag(b ? 'T' : 'F'); break;
                case IShared shared when !_expandShared:
                    Tag('C');
                    Bytes(shared.Fingerprint);
                    break;
                case IDictionary map:
                    _expandShared = false;
                    Tag('D');
                    Number(map.Count);
                    foreach (DictionaryEntry entry in map)
                    {
                        Text('K', Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                        Value(entry.Value);
                    }
                    break;
                case IEnumerable list:
                    _expandShared = false;
                    Tag('L');
                    foreach (var item in list) Value(item);
                    Tag(']');
                    break;
                case IFormattable formattable:
                    Text('V', value.GetType().Name + ":" + formattable.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"A page model holds a {value.GetType().Name}, which the build cache cannot fingerprint.");
            }
        }

        public void Text(char tag, string text)
        {
            Tag(tag);
            Number(text.Length);
            var chars = text.AsSpan();
            while (chars.Length > 0)
            {
                // At most 4 UTF-8 bytes per char: take what surely fits, never splitting a surrogate pair.
                Ensure(1024);
                var take = Math.Min(chars.Length, (_buffer.Length - _used) / 4);
                if (take < chars.Length && char.IsHighSurrogate(chars[take - 1])) take--;
                _used += Encoding.UTF8.GetBytes(chars[..take], _buffer.AsSpan(_used));
                chars = chars[take..];
            }
        }

        private void Tag(char tag)
        {
            Ensure(1);
            _buffer[_used++] = (byte)tag;
        }

        private void Number(int n)
        {
            Ensure(4);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), n);
            _used += 4;
        }

        private void Bytes(byte[] bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_used));
            _used += bytes.Length;
        }

        private void Ensure(int bytes)
        {
            if (_buffer.Length - _used < bytes) Flush();
        }

        public void Flush()
        {
            hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }

        /// <summary>Flushes and gives the buffer back; the writer is done.</summary>
        public void Finish()
        {
            Flush();
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
