using MakersSite.Build;
using MakersSite.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MakersSite.Tests.Build;

/// <summary>
/// The shape a reader of the build relies on (issue 23), measured on the syntax trees of the sources: a stage or a
/// helper fits on a screen, and the options stay few.
/// </summary>
public sealed class CodeShapeTests
{
    private static IEnumerable<string> Sources(string folder) =>
        Directory.GetFiles(Path.Combine(Repository.Root, "src", folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    /// <summary>Every method, constructor, accessor and operator with the lines it spans (local functions count with their method).</summary>
    private static IEnumerable<(string Where, int Lines)> Methods(string file)
    {
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
        var relative = Path.GetRelativePath(Repository.Root, file);
        return tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>().Cast<SyntaxNode>()
            .Concat(tree.GetRoot().DescendantNodes().OfType<AccessorDeclarationSyntax>())
            .Select(node =>
            {
                var span = node.GetLocation().GetLineSpan();
                var name = node switch
                {
                    MethodDeclarationSyntax m => m.Identifier.Text,
                    ConstructorDeclarationSyntax c => c.Identifier.Text,
                    AccessorDeclarationSyntax a => a.Keyword.Text,
                    _ => node.Kind().ToString(),
                };
                return ($"{relative}:{span.StartLinePosition.Line + 1} {name}", span.EndLinePosition.Line - span.StartLinePosition.Line + 1);
            });
    }

    [Fact]
    public void No_method_of_the_build_is_over_60_lines_and_no_file_over_300()
    {
        var sources = Sources("MakersSite.Build").ToList();
        Assert.Empty(sources.SelectMany(Methods).Where(m => m.Lines > 60).Select(m => $"{m.Where}: {m.Lines} lines"));
        Assert.Empty(sources.Select(f => (File: Path.GetRelativePath(Repository.Root, f), Lines: File.ReadLines(f).Count())).Where(f => f.Lines > 300)
            .Select(f => $"{f.File}: {f.Lines} lines"));
    }

    [Fact]
    public void No_method_of_the_generator_is_over_100_lines()
    {
        var projects = Directory.GetDirectories(Path.Combine(Repository.Root, "src")).Select(Path.GetFileName).ToList();
        Assert.Contains("MakersSite.Build", projects);
        Assert.Empty(projects.SelectMany(p => Sources(p!)).SelectMany(Methods).Where(m => m.Lines > 100).Select(m => $"{m.Where}: {m.Lines} lines"));
    }

    [Fact]
    public void Only_the_command_line_steers_the_garbage_collector()
    {
        var projects = Directory.GetDirectories(Path.Combine(Repository.Root, "src")).Select(Path.GetFileName).Where(p => p != "MakersSite.Cli").ToList();
        var calls = projects.SelectMany(p => Sources(p!))
            .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                .Where(access => access.Expression is IdentifierNameSyntax { Identifier.Text: "GC" } or MemberAccessExpressionSyntax { Name.Identifier.Text: "GC" })
                .Select(access => $"{Path.GetRelativePath(Repository.Root, file)}:{access.GetLocation().GetLineSpan().StartLinePosition.Line + 1} {access}"))
            .ToList();
        Assert.Empty(calls);
    }

    [Fact]
    public void Build_options_have_at_most_ten_members()
    {
        var members = typeof(BuildOptions).GetProperties().Where(p => p.Name != "EqualityContract").Select(p => p.Name).ToList();
        Assert.True(members.Count <= 10, string.Join(", ", members));
    }
}
