using System.Text;
using CsCheck;

namespace MakersSite.Tests.Fuzzing;

/// <summary>One damaged company profile: which default profile, and the edits made to its bytes.</summary>
public sealed record ProfileMutation(int Profile, IReadOnlyList<Edit> Edits)
{
    public byte[] Apply(IReadOnlyList<byte[]> profiles)
    {
        var bytes = profiles[Profile % profiles.Count].ToList();
        foreach (var edit in Edits) edit.Apply(bytes);
        return [.. bytes];
    }

    public override string ToString() => $"profiel {Profile}: {string.Join("; ", Edits)}";
}

/// <summary>An edit at a relative position (0–1) of the text, so it lands inside whatever the text has become.</summary>
public abstract record Edit(double At)
{
    public abstract void Apply(List<byte> bytes);
    protected int Position(List<byte> bytes) => (int)(At * bytes.Count);
}

public sealed record Insert(double At, string Piece, int Times) : Edit(At)
{
    public override void Apply(List<byte> bytes) =>
        bytes.InsertRange(Position(bytes), Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Piece, Times))));
    public override string ToString() => $"voeg {Times}× {Escape(Piece)} in op {At:0.000}";
    private static string Escape(string s) => string.Concat(s.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}

public sealed record SetByte(double At, byte Value) : Edit(At)
{
    public override void Apply(List<byte> bytes)
    {
        if (bytes.Count > 0) bytes[Math.Min(Position(bytes), bytes.Count - 1)] = Value;
    }
    public override string ToString() => $"byte 0x{Value:X2} op {At:0.000}";
}

public sealed record Delete(double At, int Length) : Edit(At)
{
    public override void Apply(List<byte> bytes)
    {
        var at = Position(bytes);
        bytes.RemoveRange(at, Math.Min(Length, bytes.Count - at));
    }
    public override string ToString() => $"haal {Length} bytes weg op {At:0.000}";
}

public sealed record Repeat(double At, int Length, int Times) : Edit(At)
{
    public override void Apply(List<byte> bytes)
    {
        var at = Position(bytes);
        var run = bytes.GetRange(at, Math.Min(Length, bytes.Count - at));
        for (var i = 0; i < Times; i++) bytes.InsertRange(at, run);
    }
    public override string ToString() => $"herhaal {Length} bytes {Times}× op {At:0.000}";
}

/// <summary>The generators: YAML structure, Markdown nesting and raw bytes, weighted towards what breaks parsers.</summary>
public static class Mutations
{
    /// <summary>Pieces of YAML syntax, including what once crashed or hung the generator (issue 22).</summary>
    public static readonly string[] Yaml =
    [
        "[", "]", "{", "}", ": ", ":", "- ", "-", "\n", "\n  ", "\n    - ", "  ", "\t", "'", "\"", "&a ", "*a", "!!str ", "!!binary ",
        "? ", "|", ">", "|-\n", "---\n", "...\n", "#", "%YAML 1.2\n", "\\u", "\\uD800", "\\x00", "\\", "~", "null", "true", "2024-02-30",
        "0x1F", "1e400", ",", "<<: *a", "!<tag:x>", "\u202E", "\u0000", "\uFEFF", "é", "🏭",
    ];

    /// <summary>Pieces of Markdown and HTML, including nesting that once crashed Markdig's depth limit.</summary>
    public static readonly string[] Markdown =
    [
        "> ", "- ", "* ", "1. ", "```", "~~~", "    ", "[", "]", "](", ")", "![", "<", ">", "*", "_", "**", "|", "| --- |", "\n\n", "#",
        "<script>alert(1)</script>", "<svg onload=alert(1)>", "javascript:alert(1)", "[x](javascript:alert(1))", "[x](//evil.example)",
        "[x](https://a@evil.example/)", "[x](../../../etc/passwd)", "![x](/proc/self/environ)", "&#0;", "&#x202E;", "\\", "{onclick=x}",
    ];

    private static Gen<Edit> InsertOf(string[] pieces) =>
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, pieces.Length - 1], Gen.Frequency((6, Gen.Int[1, 3]), (2, Gen.Int[4, 40]), (1, Gen.Int[100, 3000])))
            .Select(t => (Edit)new Insert(t.Item1, pieces[t.Item2], t.Item3));

    public static readonly Gen<Edit> AnyEdit = Gen.Frequency(
        (5, InsertOf(Yaml)),
        (4, InsertOf(Markdown)),
        (3, Gen.Select(Gen.Double[0, 1], Gen.Byte).Select(t => (Edit)new SetByte(t.Item1, t.Item2))),
        (2, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 200]).Select(t => (Edit)new Delete(t.Item1, t.Item2))),
        (1, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 40], Gen.Int[1, 200]).Select(t => (Edit)new Repeat(t.Item1, t.Item2, t.Item3))));

    public static readonly Gen<ProfileMutation> Profile =
        Gen.Select(Gen.Int[0, 1000], AnyEdit.List[1, 4]).Select(t => new ProfileMutation(t.Item1, t.Item2));

    /// <summary>Zero or one edit: for whole builds, where most cases should get as far as rendering.</summary>
    public static readonly Gen<ProfileMutation> GentleProfile =
        Gen.Select(Gen.Int[0, 1000], AnyEdit.List[0, 1]).Select(t => new ProfileMutation(t.Item1, t.Item2));

    /// <summary>The default site's company profiles, the texts every mutation starts from.</summary>
    public static List<byte[]> DefaultProfiles() =>
        Directory.GetDirectories(Path.Combine(Infrastructure.Repository.Root, "content", "bedrijven")).Order(StringComparer.Ordinal)
            .Select(d => File.ReadAllBytes(Path.Combine(d, "index.md"))).ToList();

    /// <summary>
    /// The same cases on every run: the generator's stream from a fixed seed (MAKERS_SITE_FUZZ_SEED picks another,
    /// for a longer hunt by hand). A failure names the case's index and edits, which replay it.
    /// </summary>
    public static IEnumerable<(int Index, T Case)> Cases<T>(Gen<T> gen, int count, ulong seed = 22)
    {
        if (ulong.TryParse(Environment.GetEnvironmentVariable("MAKERS_SITE_FUZZ_SEED"), out var chosen)) seed = chosen;
        var random = new PCG(22, seed);
        for (var i = 0; i < count; i++) yield return (i, gen.Generate(random, null, out _));
    }
}
