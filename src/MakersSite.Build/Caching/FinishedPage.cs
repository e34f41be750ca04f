using System.Text;

namespace MakersSite.Build.Caching;

/// <summary>
/// A page after post-processing, with the text search takes from it: what the build cache keeps per page. Read from
/// the cache, the HTML stays encoded until something asks for it: a build after a small edit takes thousands of
/// pages from the cache whose files the output already has, and only needs their search text.
/// </summary>
public sealed class FinishedPage : IEquatable<FinishedPage>
{
    private string? _html;
    private readonly byte[]? _encoded;
    private readonly int _htmlOffset;
    private readonly int _htmlLength;

    public FinishedPage(string html, SearchText? text)
    {
        _html = html;
        Text = text;
    }

    private FinishedPage(byte[] encoded, int htmlOffset, int htmlLength, SearchText? text)
    {
        _encoded = encoded;
        _htmlOffset = htmlOffset;
        _htmlLength = htmlLength;
        Text = text;
    }

    public string Html => _html ??= Encoding.UTF8.GetString(_encoded!, _htmlOffset, _htmlLength);

    public SearchText? Text { get; }

    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Html);
            writer.Write(Text is not null);
            if (Text is not null)
            {
                writer.Write(Text.Title);
                writer.Write(Text.Summary);
                writer.Write(Text.Body);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>What <see cref="Encode"/> wrote: the HTML as BinaryWriter writes a string (length, then UTF-8), then the text.</summary>
    public static FinishedPage Decode(byte[] bytes)
    {
        var stream = new MemoryStream(bytes, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var htmlLength = reader.Read7BitEncodedInt();
        var htmlOffset = (int)stream.Position;
        stream.Position += htmlLength;
        var text = reader.ReadBoolean() ? new SearchText(reader.ReadString(), reader.ReadString(), reader.ReadString()) : null;
        return new FinishedPage(bytes, htmlOffset, htmlLength, text);
    }

    public bool Equals(FinishedPage? other) => other is not null && Html == other.Html && Equals(Text, other.Text);

    public override bool Equals(object? obj) => Equals(obj as FinishedPage);

    public override int GetHashCode() => HashCode.Combine(Html, Text);
}
