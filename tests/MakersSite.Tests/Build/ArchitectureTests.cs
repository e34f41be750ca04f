using System.Text.RegularExpressions;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>Rules of the code's shape that a reader relies on, checked on the sources themselves.</summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void Only_the_command_line_steers_the_garbage_collector()
    {
        var sources = Directory.GetFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
        var steering = sources
            .Where(f => !Path.GetRelativePath(Repository.Root, f).StartsWith(Path.Combine("src", "MakersSite.Cli"), StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Repository.Root, f), Line: i + 1, Text: line)))
            .Where(l => GcCall().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}");
        Assert.Empty(steering);
    }

    [GeneratedRegex(@"\bGC\.|GCSettings\.")] private static partial Regex GcCall();
}
