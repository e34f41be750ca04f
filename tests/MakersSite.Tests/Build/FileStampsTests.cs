using MakersSite.Output;

namespace MakersSite.Tests.Build;

/// <summary>The sizes and times the quick rebuild compares must be the ones FileInfo gives, which the manifest and the full build record.</summary>
public sealed class FileStampsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makers-site-stamps-").FullName;

    [Fact]
    public void A_file_a_folder_a_link_and_nothing_stamp_as_FileInfo_sees_them()
    {
        var file = Path.Combine(_folder, "pagina's en één bestand.md");
        File.WriteAllText(file, "Wij maken machines.\n");
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 11, 22, 10, 11, 12, DateTimeKind.Utc).AddTicks(1234567));
        var link = Path.Combine(_folder, "link.md");
        File.CreateSymbolicLink(link, file);

        Assert.True(FileStamps.TryGet(file, out var size, out var ticks));
        Assert.Equal((new FileInfo(file).Length, new FileInfo(file).LastWriteTimeUtc.Ticks), (size, ticks));
        Assert.Equal(new DateTime(2026, 11, 22, 10, 11, 12, DateTimeKind.Utc).AddTicks(1234567).Ticks, ticks);
        Assert.True(FileStamps.TryGet(link, out var linkSize, out var linkTicks));
        Assert.Equal((size, ticks), (linkSize, linkTicks));
        Assert.True(FileStamps.TryGet(_folder, out var folderSize, out var folderTicks));
        Assert.Equal((-1L, new DirectoryInfo(_folder).LastWriteTimeUtc.Ticks), (folderSize, folderTicks));
        Assert.False(FileStamps.TryGet(Path.Combine(_folder, "weg.md"), out _, out _));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
