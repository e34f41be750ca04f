namespace MakersSite.Content.Scaffolding;

/// <summary>
/// .github/CODEOWNERS gives every company its own folder, so a member can approve changes to its own profile.
/// </summary>
public static class CodeOwners
{
    public const string RelativePath = ".github/CODEOWNERS";
    public const string EditorialTeam = "@land-van-de-makers/redactie";

    public static string CompanyPattern(string slug) => $"/content/bedrijven/{slug}/";

    /// <summary>The folder patterns that have an owner line.</summary>
    public static IReadOnlySet<string> OwnedPatterns(string root)
    {
        var path = Path.Combine(root, RelativePath);
        if (!File.Exists(path)) return new HashSet<string>();
        return File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length > 1)
            .Select(parts => parts[0])
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Adds the company's folder with the editorial team as owner; returns the file changed, or null.</summary>
    public static string? AddCompany(string root, string slug)
    {
        var path = Path.Combine(root, RelativePath);
        if (!File.Exists(path) || OwnedPatterns(root).Contains(CompanyPattern(slug))) return null;
        var text = File.ReadAllText(path);
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
        File.AppendAllText(path, $"{separator}{CompanyPattern(slug)} {EditorialTeam}\n");
        return RelativePath;
    }
}
