namespace MakersSite.Build.Caching;

/// <summary>A page after post-processing, with the text search takes from it: what the build cache keeps per page.</summary>
public sealed record FinishedPage(string Html, SearchText? Text)
{
    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
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

    public static FinishedPage Decode(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        var html = reader.ReadString();
        var text = reader.ReadBoolean() ? new SearchText(reader.ReadString(), reader.ReadString(), reader.ReadString()) : null;
        return new FinishedPage(html, text);
    }
}
