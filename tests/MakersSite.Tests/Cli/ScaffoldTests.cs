using System.Text.RegularExpressions;
using MakersSite.Build;
using MakersSite.Cli;
using MakersSite.Content.Diagnostics;
using MakersSite.Content.Schema;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Cli;

/// <summary>`new` gives members a file with every field explained; what they fill in according to it passes check.</summary>
public sealed partial class ScaffoldTests
{
    public static TheoryData<string, string> Kinds => new()
    {
        { "company", ContentSchemas.Companies },
        { "project", ContentSchemas.Projects },
        { "lesson", ContentSchemas.Lessons },
        { "topic", ContentSchemas.Topics },
    };

    [Fact]
    public void A_new_company_lands_in_its_own_folder_and_check_lists_the_required_fields_to_fill()
    {
        using var site = TestSite.FromDefaultContent();
        var (exit, stdout, _) = Run(site, "new", "company", "Bakkerij Één: brood & meer");

        Assert.Equal(CommandLine.Success, exit);
        const string file = "content/bedrijven/bakkerij-een-brood-meer/index.md";
        Assert.StartsWith($"Aangemaakt: {file}\n", stdout);
        Assert.Contains("title: \"Bakkerij Één: brood & meer\"\n", File.ReadAllText(Path.Combine(site.Root, file)));

        var errors = site.Check(BuildDate.Default()).Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(
            [
                $"{file}:8:9: fout [summary]: Het verplichte veld 'summary' is leeg. Vul een waarde in.",
                $"{file}:12:7: fout [place]: Het verplichte veld 'place' is leeg. Vul een waarde in.",
                $"{file}:14:14: fout [municipality]: Het verplichte veld 'municipality' is leeg. Vul een waarde in.",
                $"{file}:16:9: fout [sectors]: Het verplichte veld 'sectors' is leeg. Vul een waarde in.",
            ],
            errors.Select(DiagnosticFormatter.Text));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_field_of_the_model_is_in_the_scaffold_with_a_dutch_explanation(string kind, string section)
    {
        using var site = TestSite.FromDefaultContent();
        Run(site, "new", kind, "Nieuwe pagina");
        var lines = File.ReadAllLines(Path.Combine(site.Root, "content", section, "nieuwe-pagina", "index.md"));

        foreach (var field in ContentSchemas.ForSection(section).Where(f => f.Key != "aliases" && f.Key != "weight"))
        {
            var at = Array.FindIndex(lines, l => l.StartsWith(field.Key + ":", StringComparison.Ordinal) || l.StartsWith("#" + field.Key + ":", StringComparison.Ordinal));
            Assert.True(at >= 0, $"'{field.Key}' ontbreekt in de {kind}-scaffold");
            // Each field is explained, either directly above it or by the comment that opens its group.
            Assert.Contains(lines.Take(at + 1).Reverse().Skip(1).TakeWhile(l => l.StartsWith('#')), l => l.StartsWith("# ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Filling_the_required_fields_and_switching_on_every_optional_one_passes_check(string kind, string section)
    {
        using var site = TestSite.FromDefaultContent();
        Run(site, "new", kind, "Nieuwe pagina");
        var folder = Path.Combine(site.Root, "content", section, "nieuwe-pagina");
        var text = File.ReadAllText(Path.Combine(folder, "index.md"));
        text = text.Replace("summary:\n", "summary: \"Een zin.\"\n")
            .Replace("place:\n", "place: Venlo\n")
            .Replace("municipality:\n", "municipality: venlo\n")
            .Replace("flat:\n", "flat: procesverbetering\n")
            .Replace("status:\n", "status: lopend\n")
            .Replace("aspect:\n", "aspect: productie\n");
        // Switch on what the scaffold switched off: "#veld" and "#  - …" lose their '#'; "# uitleg" stays.
        text = SwitchedOffLine().Replace(text, "");
        text = text.Replace("  - \"Begin klein en leer van de eerste proef.\"\n",
            "  - \"Begin klein en leer van de eerste proef.\"\n  - \"Meet voor en na.\"\n  - \"Vier de eerste winst.\"\n");
        File.WriteAllText(Path.Combine(folder, "index.md"), text);
        File.WriteAllBytes(Path.Combine(folder, "logo.png"), TestImages.Png());
        File.WriteAllBytes(Path.Combine(folder, "foto-1.jpg"), TestImages.Jpeg());

        var result = site.Check(BuildDate.Default()); // the day 'new' put into the scaffold

        Assert.Empty(result.Diagnostics.Where(d => d.IsError).Select(DiagnosticFormatter.Text));
    }

    [Fact]
    public void New_refuses_an_existing_folder_and_an_unknown_kind()
    {
        using var site = TestSite.FromDefaultContent();
        var (exit, _, stderr) = Run(site, "new", "company", "Leolux");
        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Equal("De map content/bedrijven/leolux bestaat al. Kies een andere naam of pas de bestaande pagina aan.\n", stderr);

        (exit, _, stderr) = Run(site, "new", "bedrijf", "Jansen");
        Assert.Equal(CommandLine.UsageError, exit);
        Assert.StartsWith("Geef het soort pagina en de naam, zoals: makers-site new company \"Bakkerij Jansen\".", stderr);
    }

    private static (int Exit, string Stdout, string Stderr) Run(TestSite site, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run([.. args, "--root", site.Root], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex("^#(?=[a-z]|  )", RegexOptions.Multiline)]
    private static partial Regex SwitchedOffLine();
}
