namespace MakersSite.Output;

/// <summary>
/// Writes a build into a staging directory next to the output and swaps it into place only when the
/// whole build succeeded, so a failed build leaves the previous public/ exactly as it was.
/// </summary>
public sealed class AtomicOutput : IDisposable
{
    private readonly string _target;
    private bool _committed;

    public string StagingDirectory { get; }

    public AtomicOutput(string target)
    {
        _target = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(parent);
        StagingDirectory = Path.Combine(parent, $".{Path.GetFileName(_target)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingDirectory);
    }

    public void WriteText(string relativePath, string text) =>
        WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(StagingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void CopyFile(string source, string relativePath)
    {
        var path = Path.Combine(StagingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
    }

    /// <summary>Moves the staged build into place: two renames, so the old tree is never half-replaced.</summary>
    public void Commit()
    {
        string? previous = null;
        if (Directory.Exists(_target))
        {
            previous = StagingDirectory + ".previous";
            Directory.Move(_target, previous);
        }
        Directory.Move(StagingDirectory, _target);
        _committed = true;
        if (previous is not null) Directory.Delete(previous, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingDirectory)) Directory.Delete(StagingDirectory, recursive: true);
    }
}
